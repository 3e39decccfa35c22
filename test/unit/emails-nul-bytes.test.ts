import { describe, expect, it } from "vitest";
import { renderEmail, templates, type EmailName } from "#emails/index";

// Mail clients cut a message at a NUL byte (resend/react-email#2954), and our emails carry "£" amounts.
const POUNDS = " £1,234.56 and £7.50 for each of the £-priced places;";

/** The template's preview props with every piece of text (not links, codes or dates) made long and full of "£", so the render crosses many 4 KiB views. */
function longProps(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => [
      key,
      typeof value === "string" && !/^https?:/.test(value) && !/url/i.test(key) && !/^[a-z_]+$/.test(value) && !/^\d{4}-\d{2}/.test(value)
        ? value + POUNDS.repeat(60)
        : value,
    ]),
  );
}

describe("rendered emails carry no NUL bytes", () => {
  for (const name of Object.keys(templates) as EmailName[]) {
    it(`${name}, as previewed and with long text in pounds`, async () => {
      const preview = (templates[name].component as unknown as { PreviewProps: Record<string, unknown> }).PreviewProps;
      for (const props of [preview, longProps(preview)]) {
        const email = await renderEmail(name, props as never);
        expect(email.html).not.toContain("\0");
        expect(email.text).not.toContain("\0");
        expect(email.subject).not.toContain("\0");
      }
      const long = await renderEmail(name, longProps(preview) as never);
      expect(long.html.length).toBeGreaterThan(6_144);
      expect(long.html).toContain("£1,234.56");
    });
  }
});
