// Every email is written in the recipient's language: in Welsh, nothing of the English catalogue's emails is left.
import { describe, expect, it } from "vitest";
import { renderEmail, templates, type EmailName } from "#emails/index";
import { emails as englishEmails } from "~/i18n/en/emails";

/** Every English sentence of the emails catalogue long enough to mean something, with its {placeholders} cut out (split at them). */
const englishSentences = [
  ...new Set(
    Object.values(englishEmails)
      .flatMap((message) => (typeof message === "string" ? [message] : Object.values(message)))
      .flatMap((text) => text.split(/\{\w+\}/))
      .map((piece) => piece.trim())
      .filter((piece) => piece.length > 12),
  ),
];

const previewOf = (name: EmailName) => (templates[name].component as unknown as { PreviewProps: Record<string, unknown> }).PreviewProps;
/** The HTML with tags removed and entities read, so a sentence split by markup or escaping is still found. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** Each template's other branches: its preview props with these changes. */
const VARIANTS: Partial<Record<EmailName, Record<string, unknown>[]>> = {
  "collective-purchase-outcome": [
    ...(["pot_undecided", "off_sale", "too_few", "no_tier"] as const).map((reason) => ({
      outcome: "cancelled",
      confirmed: undefined,
      cancelled: { reason, joined: 2, minSchools: 5, leadReason: null, refunded: false },
    })),
    {
      outcome: "cancelled",
      confirmed: undefined,
      cancelled: { reason: "by_lead", joined: 1, minSchools: 3, leadReason: "Y darparwr wedi tynnu’n ôl", refunded: true },
    },
    { confirmed: { schools: 3, unitPricePence: 90_000, payablePence: 108_000, potPence: 0 } },
  ],
  "commissioning-decision": [{ decision: "not_chosen" }],
  "delivered-please-evaluate": [{ reminder: true }],
  "evaluation-signed-off": [{ outcome: "question", question: "Pa dystiolaeth sydd gennych?" }],
  "membership-changed": [{ change: "removed", newRole: undefined }],
  "mou-reminder": [{ when: "year_start" }],
  "offer-decision": [
    { decision: "approved", expiresOn: "2027-04-01", conditions: "Adrodd bob tymor", comments: null },
    { decision: "approved", expiresOn: null },
    { decision: "rejected" },
  ],
  "offer-re-review": [{ audience: "provider", evaluations: 1 }],
  "order-placed": [{ audience: "provider", paymentRoute: "consortium_pot" }],
  "pot-decision": [{ decision: "refused" }],
  "stripe-payment": (["processing", "failed", "refunded", "disputed"] as const).map((outcome) => ({ outcome })),
  "subject-lead-notice": [{ event: "offer-suspended", by: null, subjectAreas: ["literacy", "numeracy"] }],
  "place-offered": [{ venue: "Canolfan Athrawon Arden" }],
  "session-booked": [{ venue: null }],
  invitation: [{ expiresInDays: 2 }],
  "password-reset": [{ expiresInMinutes: 1 }],
};

describe("emails in Welsh", () => {
  it("checks a good number of English sentences", () => {
    expect(englishSentences.length).toBeGreaterThan(100);
  });

  const cases = (Object.keys(templates) as EmailName[]).flatMap((name) =>
    [{}, ...(VARIANTS[name] ?? [])].map((change, i) => ({ name, label: i === 0 ? "as previewed" : JSON.stringify(change), change })),
  );
  for (const { name, label, change } of cases) {
    it(`${name} (${label}): the Welsh differs from the English and holds no English sentence`, async () => {
      const props = { ...previewOf(name), ...change } as never;
      const english = await renderEmail(name, props, "en");
      const welsh = await renderEmail(name, props, "cy");
      // The check can see English: the English email holds its own sentences.
      expect(englishSentences.some((sentence) => textOf(english.html).includes(sentence))).toBe(true);
      expect(welsh.subject).not.toBe(english.subject);
      expect(welsh.text).not.toBe(english.text);
      expect(welsh.html).toContain('lang="cy"');
      for (const rendered of [welsh.subject, welsh.text, textOf(welsh.html)]) {
        const left = englishSentences.filter((sentence) => rendered.includes(sentence));
        expect(left, `${name}: English left in the Welsh email`).toEqual([]);
      }
      for (const part of [welsh.subject, welsh.html, welsh.text]) expect(part).not.toContain("\0");
      // A missing key would show itself as its name.
      expect(welsh.text).not.toMatch(/\bemail\.\w+/);
      expect(english.text).not.toMatch(/\bemail\.\w+/);
    });
  }
});
