import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tierRangeText } from "~/components/price-tiers";
import { paginationItems } from "~/components/pagination";
import { cleanSearchText, parseCatalogueQuery, QUERY_MAX_LENGTH } from "~/domain/catalogue/catalogue-query";
import { SHORTLIST_LIMIT, shortlistHasRoom } from "~/domain/catalogue/shortlist";
import { t } from "~/i18n";
import { runInLocale } from "~/i18n/request-locale.server";

const parse = (search: string) => parseCatalogueQuery(new URLSearchParams(search));

describe("the catalogue query string", () => {
  it("reads every filter, the sort and the page", () => {
    const { query, errors } = parse(
      "q=phonics&subject=literacy&subject=numeracy&phase=primary&format=online&provider=university&term=spring&maxPrice=1,200.50&sort=price-asc&page=3",
    );
    expect(errors).toEqual({});
    expect(query).toEqual({
      q: "phonics",
      subjects: ["literacy", "numeracy"],
      phases: ["primary"],
      formats: ["online"],
      providerKinds: ["university"],
      terms: ["spring"],
      maxPricePence: 120_050,
      minRatingHundredths: null,
      sort: "price-asc",
      page: 3,
      perPage: 20,
    });
  });

  it("ignores values it does not know, and repeated ones", () => {
    const { query, errors } = parse("subject=astrology&subject=literacy&subject=literacy&phase=&format[]=x&sort=cheapest&page=-2&page=abc&perPage=100000");
    expect(errors).toEqual({});
    expect(query.subjects).toEqual(["literacy"]);
    expect(query.phases).toEqual([]);
    expect(query.sort).toBe("newest");
    expect(query.page).toBe(1);
    expect(query.perPage).toBe(20);
  });

  it("sorts by relevance only when there are words to rank by", () => {
    expect(parse("q=maths").query.sort).toBe("relevance");
    expect(parse("q=maths&sort=newest").query.sort).toBe("newest");
    expect(parse("sort=relevance").query.sort).toBe("newest");
  });

  it("explains a maximum price that is not an amount, and keeps the other filters", () => {
    for (const bad of ["lots", "-5", "12.345", "99999999999"]) {
      const { query, errors } = parse(`maxPrice=${encodeURIComponent(bad)}&phase=secondary`);
      expect(errors.maxPrice?.[0]).toMatch(/maximum price/);
      expect(query.maxPricePence).toBeNull();
      expect(query.phases).toEqual(["secondary"]);
    }
    expect(parse("maxPrice=£750").query.maxPricePence).toBe(75_000);
    expect(parse("maxPrice=").query.maxPricePence).toBeNull();
  });

  it("explains it in the reader's language, whichever language read first", () => {
    for (const locale of ["en", "cy", "en", "cy"] as const) {
      const { errors } = runInLocale(locale, () => parse("maxPrice=lots"));
      expect(errors.maxPrice).toEqual([t("refusal.catalogue.maxPrice", undefined, locale)]);
    }
    expect(t("refusal.catalogue.maxPrice", undefined, "cy")).not.toBe(t("refusal.catalogue.maxPrice", undefined, "en"));
  });

  it("cleans search text: no control characters, collapsed spaces, at most 200 characters, emoji kept whole", () => {
    expect(cleanSearchText("  reading\u0000 \t fluency\n")).toBe("reading fluency");
    expect(cleanSearchText("a".repeat(5000))).toHaveLength(QUERY_MAX_LENGTH);
    expect(Array.from(cleanSearchText("📚".repeat(300)))).toHaveLength(QUERY_MAX_LENGTH);
    expect(cleanSearchText("Welsh: Cymraeg – ysgolion")).toBe("Welsh: Cymraeg – ysgolion");
  });

  it("never throws, whatever the query string", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("q", "subject", "phase", "format", "provider", "term", "maxPrice", "sort", "page", "perPage", "x"),
            fc.string({ unit: "binary" }),
          ),
        ),
        (pairs) => {
          const { query } = parseCatalogueQuery(new URLSearchParams(pairs));
          expect(Array.from(query.q).length).toBeLessThanOrEqual(QUERY_MAX_LENGTH);
          // eslint-disable-next-line no-control-regex -- the query must hold no control characters
          expect(query.q).not.toMatch(/[\u0000-\u001f\u007f]/);
          expect(query.page).toBeGreaterThanOrEqual(1);
          expect(query.perPage).toBeGreaterThanOrEqual(1);
          expect(query.perPage).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe("pagination", () => {
  it("shows the first, last, current and neighbouring pages with ellipses between", () => {
    const render = (current: number, total: number) =>
      paginationItems(current, total)
        .map((i) => (i.kind === "ellipsis" ? "…" : i.current ? `[${i.number}]` : String(i.number)))
        .join(" ");
    expect(render(1, 1)).toBe("[1]");
    expect(render(1, 3)).toBe("[1] 2 3");
    expect(render(5, 10)).toBe("1 … 4 [5] 6 … 10");
    expect(render(10, 10)).toBe("1 … 9 [10]");
  });

  it("always includes the current page once, in order, with no two ellipses together", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }).chain((total) => fc.tuple(fc.integer({ min: 1, max: total }), fc.constant(total))),
        ([current, total]) => {
          const items = paginationItems(current, total);
          const pages = items.flatMap((i) => (i.kind === "page" ? [i.number] : []));
          expect(pages).toEqual([...pages].sort((a, b) => a - b));
          expect(new Set(pages).size).toBe(pages.length);
          expect(items.filter((i) => i.kind === "page" && i.current)).toEqual([{ kind: "page", number: current, current: true }]);
          expect(pages[0]).toBe(1);
          expect(pages.at(-1)).toBe(total);
          items.forEach((item, i) => {
            if (item.kind === "ellipsis") expect(items[i + 1]?.kind).toBe("page");
          });
        },
      ),
    );
  });
});

describe("price tiers and the shortlist", () => {
  it("names tiers as a buyer reads them", () => {
    expect(tierRangeText({ minSchools: 1, maxSchools: 4 })).toBe("1 to 4 schools");
    expect(tierRangeText({ minSchools: 10, maxSchools: null })).toBe("10 or more schools");
    expect(tierRangeText({ minSchools: 1, maxSchools: 1 })).toBe("1 school");
    expect(tierRangeText({ minSchools: 3, maxSchools: 3 })).toBe("3 schools");
  });

  it("holds at most four offers", () => {
    expect(SHORTLIST_LIMIT).toBe(4);
    expect([0, 1, 2, 3, 4, 5].map(shortlistHasRoom)).toEqual([true, true, true, true, false, false]);
  });
});
