// The language switch, and content that people write in English and Welsh.
export const language = {
  "language.switch.label": "Language",
  "language.english": "English",
  "language.welsh": "Cymraeg",
  "language.offer.notInWelsh": "This offer is not available in Welsh.",
  "language.offer.welshHeading": "In Welsh",
  "language.offer.welshHint":
    "Give the offer in Welsh as well, so people who read the service in Welsh can read it in their language. Leave these empty if you have no Welsh version.",
  "offerField.titleCy": "Title in Welsh",
  "offerField.summaryCy": "Summary in Welsh",
  "offerField.descriptionCy": "Description in Welsh",
  "need.titleCy": "Title in Welsh (optional)",
  "need.descriptionCy": "Description in Welsh (optional)",
  "need.welshHint": "So that providers and schools who read the service in Welsh can read it in their language.",
  "language.need.notInWelsh": "This call for offers is not available in Welsh.",
  "language.errorPrefix": "Error",
  "language.email.why": "You are receiving this because of your role in a school-improvement partnership.",
  "language.email.footer": "You can read this service in Welsh or English: choose under Language at the top of any page.",
  "language.offer.partlyInWelsh": {
    one: "{count} part of this offer is not available in Welsh.",
    other: "{count} parts of this offer are not available in Welsh.",
  },
} as const;
