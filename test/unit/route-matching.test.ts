// The router's matching, with its patch (patches/@remix-run+router+*.patch): a routes array's branches are
// flattened and ranked once, a path's pattern compiled once, and a branch that starts with a word other than the
// pathname's first segment is not tried. The answers must be those of matching afresh.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createMemoryRouter, matchPath, matchRoutes, type RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

/** A tree shaped like the app's: a root layout, index routes, params, an optional segment and a splat. */
const tree = (): RouteObject[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "catalogue", path: "catalogue", children: [{ id: "catalogue-index", index: true }] },
      { id: "offer", path: "catalogue/:offerId" },
      { id: "compare", path: "catalogue/compare" },
      { id: "consortium", path: "consortia/:consortiumId", children: [{ id: "consortium-readiness", path: "readiness/:reviewId?" }] },
      { id: "case", path: "Reports/Termly", caseSensitive: true },
      { id: "files", path: "files/*" },
    ],
  },
];

const PATHS = [
  "/",
  "/catalogue",
  "/catalogue/",
  "/catalogue/compare",
  "/catalogue/0b9e6c1e-7d23-554a-a40c-1186e9a44c19",
  "/consortia/c-1",
  "/consortia/c-1/readiness",
  "/consortia/c-1/readiness/r-2",
  "/Reports/Termly",
  "/reports/termly",
  "/files/a/b.csv",
  "/nowhere/at/all",
];

const summary = (routes: RouteObject[], path: string) =>
  matchRoutes(routes, path)?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("route matching", () => {
  it("runs the patched router, on the server and in the browser's build", () => {
    for (const file of [require.resolve("@remix-run/router"), require.resolve("@remix-run/router/dist/router.js")]) {
      const source = readFileSync(file, "utf8");
      expect(source).toContain("rankedBranchesCache");
      expect(source).toContain("compiledPaths");
      expect(source).toContain("leadingWord");
    }
  });

  it("answers every path the same, matched again on the same routes or afresh on a copy of them", () => {
    const routes = tree();
    const afresh = PATHS.map((path) => summary(tree(), path));
    for (let round = 0; round < 3; round++) expect(PATHS.map((path) => summary(routes, path))).toEqual(afresh);
    expect(summary(routes, "/catalogue/compare")?.at(-1)?.id).toBe("compare");
    expect(summary(routes, "/consortia/c-1/readiness")?.at(-1)).toMatchObject({ id: "consortium-readiness", params: { consortiumId: "c-1" } });
    expect(summary(routes, "/reports/termly")).toBeNull();
    expect(summary(routes, "/files/a/b.csv")?.at(-1)?.params).toMatchObject({ "*": "a/b.csv" });
  });

  it("tries only the branches that start with the pathname's first word, in any case, encoded or after doubled slashes", () => {
    const routes = tree();
    const last = (path: string) => summary(routes, path)?.at(-1) ?? null;
    expect(last("/CATALOGUE/Compare")?.id).toBe("compare");
    expect(last("/Catalogue/abc")).toMatchObject({ id: "offer", params: { offerId: "abc" } });
    expect(last("/catalogu%65/compare")?.id).toBe("compare");
    expect(last("/catalogue%2Fcompare")).toBeNull();
    expect(last("/catalogues")).toBeNull();
    expect(last("/")?.id).toBe("home");
    expect(last("/REPORTS/TERMLY")).toBeNull();
    expect(last("/Reports/Termly")?.id).toBe("case");
    expect(last("/FILES/x")).toMatchObject({ id: "files", params: { "*": "x" } });
    // A letter outside ASCII that upper-cases to an ASCII one (the long s, the Kelvin sign) is not that letter to the
    // pattern either: the branch is skipped where its pattern would not have matched.
    for (const path of ["/con\u017fortia/c-1", "/\u212aatalogue"]) {
      expect(matchPath({ path: path.startsWith("/con") ? "/consortia/:consortiumId" : "/katalogue" }, path)).toBeNull();
      expect(last(path)).toBeNull();
    }
    // A route discovered later, under a word no branch started with before.
    const router = createMemoryRouter(tree(), { initialEntries: ["/catalogue"] });
    router.patchRoutes("root", [{ id: "late", path: "later/:id" }]);
    expect(matchRoutes(router.routes, "/later/1")?.at(-1)?.route.id).toBe("late");
    router.dispose();
  });

  it("builds a server's routes and their data routes once, for every request after the first", async () => {
    for (const file of [require.resolve("@remix-run/react/dist/server.js"), require.resolve("@remix-run/react/dist/esm/server.js")])
      expect(readFileSync(file, "utf8")).toContain("serverRoutesCache");
    const routes = tree();
    const handler = createStaticHandler(routes);
    const render = async (path: string) => {
      const context = await handler.query(new Request(`http://localhost${path}`));
      if (context instanceof Response) throw new Error(`${path} answered ${context.status}`);
      return createStaticRouter(routes, context);
    };
    const [first, second] = [await render("/catalogue/compare"), await render("/consortia/c-1/readiness/r-2")];
    expect(second.routes).toBe(first.routes);
    const other = await handler.query(new Request("http://localhost/"));
    if (other instanceof Response) throw new Error("/ answered a Response");
    // Each request still has its own state, matched on the shared routes.
    expect(first.state.matches.at(-1)?.route.id).toBe("compare");
    expect(second.state.matches.at(-1)).toMatchObject({ route: { id: "consortium-readiness" }, params: { reviewId: "r-2" } });
    expect(createStaticRouter(tree(), other).routes).not.toBe(first.routes);
  });

  it("keeps patterns that differ only in case sensitivity or in matching to the end apart", () => {
    expect(matchPath({ path: "/Reports", caseSensitive: true, end: true }, "/reports")).toBeNull();
    expect(matchPath({ path: "/Reports", caseSensitive: false, end: true }, "/reports")).not.toBeNull();
    expect(matchPath({ path: "/reports", caseSensitive: false, end: true }, "/reports/2026")).toBeNull();
    expect(matchPath({ path: "/reports", caseSensitive: false, end: false }, "/reports/2026")?.pathnameBase).toBe("/reports");
    // A match's params are its own, not the compiled pattern's.
    const first = matchPath("/catalogue/:offerId", "/catalogue/a");
    const second = matchPath("/catalogue/:offerId", "/catalogue/b");
    expect([first?.params.offerId, second?.params.offerId]).toEqual(["a", "b"]);
  });

  it("finds a route discovered during a navigation, on the routes it matched before the discovery", async () => {
    const router = createMemoryRouter([{ id: "root", path: "/", children: [{ id: "home", index: true }] }], {
      initialEntries: ["/"],
      // As Remix's lazy route discovery does: the routes are patched in place while the navigation runs.
      patchRoutesOnNavigation: ({ path, patch }) => {
        if (path === "/late") patch("root", [{ id: "late", path: "late" }]);
      },
    });
    await router.navigate("/late");
    expect(router.state.matches.at(-1)?.route.id).toBe("late");
    expect(router.state.errors).toBeNull();
    router.dispose();
  });
});
