import { describe, expect, it } from "vitest";
import { parseDirectoryQuery } from "~/domain/directory/directory-query";
import { directoryHref, directoryWithout } from "~/domain/directory/directory-href";

describe("the directory's query string", () => {
  it("keeps known filters, drops unknown ones and bad pages", () => {
    const q = parseDirectoryQuery(
      new URLSearchParams("q=%20St%20Mary%27s%00&kind=school&kind=nonsense&phase=primary&phase=primary&type=academy&status=closed&page=0"),
    );
    expect(q).toEqual({
      q: "St Mary's",
      kinds: ["school"],
      phases: ["primary"],
      types: ["academy"],
      statuses: ["closed"],
      sort: "name",
      direction: "ascending",
      page: 1,
    });
    expect(parseDirectoryQuery(new URLSearchParams("page=3")).page).toBe(3);
    expect(parseDirectoryQuery(new URLSearchParams("page=1e9")).page).toBe(1);
    expect(parseDirectoryQuery(new URLSearchParams(`q=${"x".repeat(500)}`)).q).toHaveLength(100);
  });

  it("links another page with the same filters", () => {
    const q = parseDirectoryQuery(new URLSearchParams("q=alcester&kind=school&phase=primary"));
    expect(directoryHref(q, 2)).toBe("/directory?q=alcester&kind=school&phase=primary&page=2");
    expect(parseDirectoryQuery(new URL(directoryHref(q, 2), "http://x").searchParams)).toEqual({ ...q, page: 2 });
    expect(directoryHref(parseDirectoryQuery(new URLSearchParams()), 1)).toBe("/directory");
  });

  it("keeps its sort in every link, and a tag's link drops only its own filter", () => {
    const q = parseDirectoryQuery(new URLSearchParams("kind=school&phase=primary&sort=roll&direction=descending&page=2"));
    expect(q).toMatchObject({ sort: "roll", direction: "descending", page: 2 });
    expect(directoryHref(q, 3)).toBe("/directory?kind=school&phase=primary&sort=roll&direction=descending&page=3");
    expect(directoryWithout(q, "phases", "primary")).toBe("/directory?kind=school&sort=roll&direction=descending");
    expect(parseDirectoryQuery(new URLSearchParams("sort=nonsense&direction=descending"))).toMatchObject({ sort: "name", direction: "ascending" });
  });
});
