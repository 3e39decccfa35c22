import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, newPage, signIn, testBrowser } from "./browser";

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

  // Every page and CSV file a demo person reaches from their home page and navigation is checked for NUL
  // bytes as their links are walked (test/e2e/links.test.ts).
});
