import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, newPage, signIn, testBrowser } from "./browser";
import { DEMO_PEOPLE } from "./demo-people";

/** The body exactly as the server sent it. */
async function bytesOf(page: Page, path: string) {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return { status: response.status(), body: await response.body() };
}

describe("no page of the app carries a NUL byte (react#31134)", () => {
  const browser = testBrowser();

  it("not in pages over 100 KB full of amounts in pounds", async () => {
    const page = await newPage(browser);
    // The ledger's page, where the padding was first seen: two years of demo sales, an amount in pounds on every line.
    await signIn(page, "finance@arden.demo");
    const { status, body } = await bytesOf(page, "/finance/ledger");
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(100_000);
    expect(body.toString("utf8")).toContain("£");
    expect(body.indexOf(0)).toBe(-1);
    await closePage(page);
  });

  for (const email of DEMO_PEOPLE) {
    it(`not in any page ${email} reaches from the navigation and their home page, nor one step further`, async () => {
      const page = await newPage(browser);
      await signIn(page, email);
      const linksOf = (html: string) => [...html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
      const seen = new Set<string>();
      const home = await bytesOf(page, "/");
      let frontier = linksOf(home.body.toString("utf8"));
      const failures: string[] = [];
      for (let depth = 0; depth < 2; depth++) {
        const next: string[] = [];
        for (const path of frontier) {
          // Follow each kind of address once (one statement, one order...), however many there are.
          const kind = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id").replace(/\?.*$/, "");
          // Not signing out, and not the language switch: following it would choose Welsh for this shared demo person.
          if (seen.has(kind) || path.startsWith("/sign-out") || path.startsWith("/language")) continue;
          seen.add(kind);
          const { body } = await bytesOf(page, path);
          if (body.indexOf(0) !== -1) failures.push(`${path}: NUL at byte ${body.indexOf(0)} of ${body.length}`);
          next.push(...linksOf(body.toString("utf8")));
        }
        frontier = next;
      }
      expect(seen.size).toBeGreaterThan(2);
      expect(failures).toEqual([]);
      await closePage(page);
    });
  }
});
