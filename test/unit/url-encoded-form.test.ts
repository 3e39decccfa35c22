// The integration tests' requests carry forms encoded by test/setup/url-encoded.ts: the same bytes a browser's
// URLSearchParams sends, so a route reads exactly what it would read from a person.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { urlEncodedForm } from "../setup/url-encoded";

const asSearchParams = (form: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
};

describe("url-encoding a test form", () => {
  it("gives the bytes URLSearchParams gives, for any text, lone surrogates included", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(" !'()~*-._+&=%", "\ud800", "a\udc00b", "é🏫"),
    );
    const forms = fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 4 });
    fc.assert(fc.property(forms, (form) => urlEncodedForm(form) === asSearchParams(form)));
  });

  it("gives the same bytes for long values, which it encodes once and keeps", () => {
    const long = "é ~&🏫\ud800a".repeat(300);
    const other = `${long.slice(0, -1)}b`;
    const form = { a: long, b: other, again: long };
    expect(urlEncodedForm(form)).toBe(asSearchParams(form));
    expect(urlEncodedForm({ a: long })).toBe(asSearchParams({ a: long }));
    expect(urlEncodedForm({ b: other })).toBe(asSearchParams({ b: other }));
  });

  it("repeats a key given several values, in order, and reads back as the values given", () => {
    const body = urlEncodedForm({ phases: ["primary", "secondary"], note: "A & B = 100%" });
    expect(body).toBe("phases=primary&phases=secondary&note=A+%26+B+%3D+100%25");
    expect([...new URLSearchParams(body)]).toEqual([
      ["phases", "primary"],
      ["phases", "secondary"],
      ["note", "A & B = 100%"],
    ]);
  });
});
