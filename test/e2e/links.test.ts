import type { APIRequestContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, linksIn, newPage, signIn, testBrowser } from "./browser";
import { DEMO_PEOPLE } from "./demo-people";

// Links that change something when followed (the language) or that lead out of the pages a person reads.
const NOT_FOLLOWED = /^\/(language|sign-out|dev\/)/;
/** Pages of one shape (`/purchases/:id`) are visited a few times each, not once for every order. */
const shapeOf = (href: string) => href.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id").replace(/\?.*$/, "?");
const PER_SHAPE = 2;
const DEPTH = 3;

/**
 * From the links of the home page and the navigation, every link of the pages they lead to, `DEPTH`
 * pages deep: each must open (200), never refuse (403), miss (404) or fail, and what it sends (a page, a
 * CSV file) must carry no NUL byte (react#31134). A redirect is not followed, as it sends the person
 * somewhere they did not ask to go. Returns each failure with the page that linked it.
 */
async function walk(request: APIRequestContext, start: string[]) {
  const failures: string[] = [];
  const seen = new Set(start);
  const shapes = new Map<string, number>();
  let level = start.map((href) => ({ href, from: "/" }));
  for (let depth = 1; depth <= DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { href, from } of level) {
      const response = await request.get(href, { maxRedirects: 0 });
      if (response.status() !== 200) {
        failures.push(`${href}: ${response.status()} (linked from ${from})`);
        continue;
      }
      const body = await response.body();
      if (body.indexOf(0) !== -1) failures.push(`${href}: NUL at byte ${body.indexOf(0)} of ${body.length} (linked from ${from})`);
      if (!response.headers()["content-type"]?.startsWith("text/html")) continue;
      for (const link of linksIn(body.toString("utf8"))) {
        if (seen.has(link) || NOT_FOLLOWED.test(link)) continue;
        const shape = shapeOf(link);
        const count = shapes.get(shape) ?? 0;
        if (count >= PER_SHAPE) continue;
        shapes.set(shape, count + 1);
        seen.add(link);
        next.push({ href: link, from: href });
      }
    }
    level = next;
  }
  return { failures, visited: seen.size };
}

describe("no link refuses the person it is shown to, or sends a NUL byte", () => {
  const browser = testBrowser();

  for (const email of DEMO_PEOPLE) {
    it(`${email} opens every link of the service navigation and of their home page, and the links of the pages they lead to, none with a NUL byte`, async () => {
      const page = await newPage(browser, { javaScript: false });
      await signIn(page, email);
      await page.goto("/");
      const hrefs = async (selector: string) =>
        (await page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))).filter((href) => href.startsWith("/"));
      const navigation = await hrefs(".govuk-service-navigation a[href]");
      const home = await hrefs("main a[href]");
      expect(navigation.length, "the navigation offers something").toBeGreaterThan(1);
      const { failures, visited } = await walk(
        page.request,
        [...new Set([...navigation, ...home])].filter((href) => !NOT_FOLLOWED.test(href)),
      );
      expect(failures).toEqual([]);
      expect(visited, "the walk went past the first links").toBeGreaterThan(navigation.length);
      await closePage(page);
    });
  }
});
