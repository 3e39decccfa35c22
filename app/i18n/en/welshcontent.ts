// What the authority writes in English and Welsh: the memorandum of understanding and the readiness review's evidence.
export const welshcontent = {
  "mou.welshHeading": "In Welsh",
  "mou.welshHint":
    "Give the memorandum in Welsh as well, so heads who read the service in Welsh can read and sign it in their language. Leave these empty if you have no Welsh version.",
  "mou.titleCy": "Title in Welsh (optional)",
  "mou.bodyCy": "MOU text in Welsh (optional)",
  "language.mou.notInWelsh": "This memorandum is not available in Welsh.",
  "language.mou.partlyInWelsh": "Part of this memorandum is not available in Welsh.",
  "readiness.welshSummary": "Give the evidence and rationale in Welsh (optional)",
  "readiness.evidenceCyOf": "{judgement}: evidence in Welsh (optional)",
  "readiness.rationaleCyOf": "{judgement}: rationale in Welsh (optional)",
  "language.readiness.notInWelsh": "The evidence and rationale for this judgement are not available in Welsh.",
  "language.readiness.partlyInWelsh": "Part of the text for this judgement is not available in Welsh.",
  "mou.field.titleCy": "The title in Welsh",
  "mou.field.bodyCy": "The MOU text in Welsh",
  "readiness.field.evidenceCy": "The evidence for {judgement} in Welsh",
  "readiness.field.rationaleCy": "The rationale for {judgement} in Welsh",
} as const;
