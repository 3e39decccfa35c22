// Words shown to a Welsh reader are Welsh where the service has them, and marked English where it does not.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Grade } from "~/components/inspection-history";
import { OfferTitle } from "~/components/offer-title";
import { runInLocale } from "~/i18n/request-locale.server";

const html = (locale: "en" | "cy", element: React.ReactElement) => runInLocale(locale, () => renderToStaticMarkup(element));

describe("an offer's title", () => {
  it("is the Welsh title for a Welsh reader where the provider gave one", () => {
    expect(html("cy", <OfferTitle title="Reading recovery" titleCy="Adfer darllen" />)).toBe("Adfer darllen");
  });
  it("is the English title marked English for a Welsh reader where there is no Welsh title", () => {
    expect(html("cy", <OfferTitle title="Reading recovery" titleCy="" />)).toBe('<span lang="en">Reading recovery</span>');
    expect(html("cy", <OfferTitle title="Reading recovery" titleCy={null} />)).toBe('<span lang="en">Reading recovery</span>');
  });
  it("is the English title, unmarked, for an English reader", () => {
    expect(html("en", <OfferTitle title="Reading recovery" titleCy="Adfer darllen" />)).toBe("Reading recovery");
  });
});

describe("an inspectorate's grade", () => {
  it("is said in the reader's language", () => {
    expect(html("cy", <Grade grade="Requires improvement" />)).toBe("Angen gwella");
    expect(html("cy", <Grade grade="Adequate and needs improvement" />)).toBe("Digonol ac angen gwelliant");
    expect(html("en", <Grade grade="Strong standard" />)).toBe("Strong standard");
  });
  it("stays as given, marked English on a Welsh page, when the catalogue does not know it", () => {
    expect(html("cy", <Grade grade="Sound" />)).toBe('<span lang="en">Sound</span>');
    expect(html("en", <Grade grade="Sound" />)).toBe("Sound");
  });
});

describe("the words of form fields", () => {
  it("come from the catalogue: no field label or message is written in English in a route or the domain", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const files = readdirSync("app", { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.startsWith("i18n"))
      .map((f) => [f, readFileSync(`app/${f}`, "utf8")] as const);
    const written = files.flatMap(([file, source]) =>
      [...source.matchAll(/\blabel: "([A-Z][^"]*)"|longText\(\d+, "([^"]+)"\)/g)].map((m) => `${file}: ${m[1] ?? m[2]}`),
    );
    expect(written).toEqual([]);
  });
});
