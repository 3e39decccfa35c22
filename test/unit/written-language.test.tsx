import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WrittenLanguageNote } from "~/components/offer-language";
import { textsInLanguage } from "~/domain/catalogue/rules";
import { runInLocale } from "~/i18n/request-locale.server";

const MOU = ["title", "body"] as const;
const note = (texts: { title: string; body: string; titleCy: string; bodyCy: string }, locale: "en" | "cy") =>
  runInLocale(locale, () =>
    renderToString(<WrittenLanguageNote words={textsInLanguage(texts, MOU, locale)} none="language.mou.notInWelsh" partly="language.mou.partlyInWelsh" />),
  );

describe("the note on what someone wrote that is not in the reader's language", () => {
  const english = { title: "Memorandum", body: "Text.", titleCy: "", bodyCy: "" };

  it("tells a Welsh reader, in Welsh, when none of a memorandum is in Welsh", () => {
    expect(note(english, "cy")).toContain("Nid yw&#x27;r memorandwm hwn ar gael yn Gymraeg.");
  });

  it("tells a Welsh reader when part of it is not in Welsh", () => {
    expect(note({ ...english, titleCy: "Memorandwm" }, "cy")).toContain("Nid yw rhan o&#x27;r memorandwm hwn ar gael yn Gymraeg.");
  });

  it("says nothing when it is all in Welsh, to an English reader, or when nothing was written", () => {
    expect(note({ ...english, titleCy: "Memorandwm", bodyCy: "Testun." }, "cy")).toBe("");
    expect(note(english, "en")).toBe("");
    expect(note({ title: "", body: "", titleCy: "", bodyCy: "" }, "cy")).toBe("");
  });
});
