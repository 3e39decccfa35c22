import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseValues } from "~/forms.server";
import { foldWelshText, offerInLanguage, welshSearchForms, welshTsquery } from "~/domain/catalogue/rules";
import { languageOf } from "~/domain/identity/rules";
import { formatDate, formatDateTime, formatMonth, formatNumber, formatPence } from "~/format";
import { localized, t } from "~/i18n";
import { runInLocale } from "~/i18n/request-locale.server";

describe("messages in the reader's language", () => {
  it("come out in Welsh inside a Welsh request and in English outside one", () => {
    expect(t("offerField.titleCy")).toBe("Title in Welsh");
    expect(runInLocale("cy", () => t("offerField.titleCy"))).toBe("Teitl yn Gymraeg");
    expect(runInLocale("cy", () => t("offerField.titleCy", undefined, "en"))).toBe("Title in Welsh");
  });

  it("come from the Welsh catalogue in a Welsh request, and from the English one otherwise", () => {
    expect(runInLocale("cy", () => t("catalogue.results.count", { count: 2 }))).toBe("2 gynnig");
    expect(runInLocale("en", () => t("catalogue.results.count", { count: 2 }))).toBe("2 offers");
  });

  it("pick each of the six Welsh plural forms by the count", () => {
    const say = (count: number) => t("language.offer.partlyInWelsh", { count }, "cy");
    expect(say(1)).toBe("Nid yw 1 rhan o'r cynnig hwn ar gael yn Gymraeg.");
    expect(say(2)).toBe("Nid yw 2 ran o'r cynnig hwn ar gael yn Gymraeg.");
    expect(say(3)).toContain("3 rhan");
    expect(t("language.offer.partlyInWelsh", { count: 2 }, "en")).toBe("2 parts of this offer are not available in Welsh.");
  });

  it("made when a module loads (a form's messages) are said again in the reader's language", () => {
    const atImport = t("offerField.summaryCy");
    expect(runInLocale("cy", () => localized(atImport))).toBe("Crynodeb yn Gymraeg");
    expect(runInLocale("en", () => localized(atImport))).toBe("Summary in Welsh");
    expect(runInLocale("cy", () => localized("Something a person typed"))).toBe("Something a person typed");
  });
});

// Built when the module loads, as route schemas are: outside any request, so in English.
const TitleSchema = z.object({ titleCy: z.string().min(1, t("offerField.titleCy")) });

describe("a form's messages", () => {
  it("come back in the reader's language though the schema was built in English", () => {
    const inWelsh = runInLocale("cy", () => parseValues({ titleCy: "" }, TitleSchema));
    expect(inWelsh.ok ? null : inWelsh.errors.titleCy).toEqual(["Teitl yn Gymraeg"]);
    const inEnglish = runInLocale("en", () => parseValues({ titleCy: "" }, TitleSchema));
    expect(inEnglish.ok ? null : inEnglish.errors.titleCy).toEqual(["Title in Welsh"]);
  });
});

describe("dates, numbers and money", () => {
  it("are written the Welsh way in Welsh", () => {
    runInLocale("cy", () => {
      expect(formatDate("2026-01-05")).toBe("5 Ionawr 2026");
      expect(formatMonth("2026-07-15")).toBe("Gorffennaf 2026");
      expect(formatDateTime(new Date("2026-03-05T14:05:00Z"))).toBe("5 Mawrth 2026 am 2:05yh");
      expect(formatPence(123456)).toBe("£1,234.56");
      expect(formatNumber(12345)).toBe("12,345");
    });
    expect(formatDate("2026-01-05")).toBe("5 January 2026");
    expect(formatDateTime(new Date("2026-03-05T14:05:00Z"))).toBe("5 March 2026 at 2:05pm");
  });
});

describe("whose language", () => {
  it("is the person's own choice, then the browser's, then the authority's, then English", () => {
    expect(languageOf({ chosen: "en", browser: "cy", authorityDefault: "cy" })).toBe("en");
    expect(languageOf({ chosen: null, browser: "cy", authorityDefault: "en" })).toBe("cy");
    expect(languageOf({ chosen: null, browser: null, authorityDefault: "cy" })).toBe("cy");
    expect(languageOf({ chosen: null, browser: "fr", authorityDefault: null })).toBe("en");
  });
});

describe("an offer in the reader's language", () => {
  const offer = { title: "Phonics catch-up", summary: "Daily phonics", description: "", titleCy: "Dal i fyny â ffoneg", summaryCy: "", descriptionCy: "" };

  it("shows the Welsh where it was given and the English, marked as English, where it was not", () => {
    const words = offerInLanguage(offer, "cy");
    expect(words).toMatchObject({ title: "Dal i fyny â ffoneg", summary: "Daily phonics", lang: { title: "cy", summary: "en" }, missing: 1, none: false });
  });

  it("says it is not available in Welsh when nothing is", () => {
    expect(offerInLanguage({ ...offer, titleCy: " " }, "cy")).toMatchObject({ title: "Phonics catch-up", none: true });
  });

  it("is always the English for an English reader", () => {
    expect(offerInLanguage(offer, "en")).toMatchObject({ title: "Phonics catch-up", missing: 0, none: false });
  });
});

describe("searching Welsh", () => {
  it("finds a word in its mutated forms and the radical from a mutated form", () => {
    expect(welshSearchForms("llythrennedd")).toEqual(expect.arrayContaining(["llythrennedd", "lythrennedd"]));
    expect(welshSearchForms("lythrennedd")).toContain("llythrennedd");
    expect(welshSearchForms("Cymraeg")).toEqual(expect.arrayContaining(["cymraeg", "gymraeg", "nghymraeg", "chymraeg"]));
    expect(welshSearchForms("nghymraeg")).toContain("cymraeg");
    expect(welshSearchForms("plant")).toEqual(expect.arrayContaining(["blant", "mhlant", "phlant"]));
    expect(welshSearchForms("Ŵyr")).toContain("wyr");
    expect(welshSearchForms("llythrennedd")).not.toContain("lllythrennedd");
  });

  it("folds accents as the database does", () => {
    expect(foldWelshText("Ŵyr, tŷ, Llŷn, CAFÉ")).toBe("wyr, ty, llyn, cafe");
  });

  it("always contains the folded word itself, and only letters and digits reach the query", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (word) => {
        const folded = foldWelshText(word).replace(/[^\p{L}\p{N}]/gu, "");
        const forms = welshSearchForms(word);
        if (folded) expect(forms).toContain(folded);
        const query = welshTsquery(word);
        if (query !== null) expect(query).toMatch(/^[\p{L}\p{N}:*|&() ]+$/u);
      }),
    );
  });

  it("needs every word and leaves out the little ones", () => {
    expect(welshTsquery("y llythrennedd")).toBe(
      `(${welshSearchForms("llythrennedd")
        .map((f) => `${f}:*`)
        .join(" | ")})`,
    );
    expect(welshTsquery("a i")).toBeNull();
    expect(welshTsquery("ffoneg dyddiol")).toContain(" & ");
  });
});

describe("a plural message asked for without a count", () => {
  it("reads in its general form, never as its key", () => {
    expect(t("schoolView.totals", { orders: 2, spent: "£1.00", year: "2026-27" }, "en")).toBe("2 orders, £1.00 spent by these schools in 2026-27.");
  });
});
