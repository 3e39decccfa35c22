import { describe, expect, it } from "vitest";
import { closePage, newPage, signIn, testBrowser, whenHydrated } from "./browser";

describe("what a signed-in person sees is never cached", () => {
  const browser = testBrowser();

  it("sends private, no-store with every page, data request and CSV, and leaves static files cacheable", async () => {
    const page = await newPage(browser);
    await signIn(page, "finance@arden.demo");

    // A page opened in the browser, and the data request client-side navigation makes for it.
    const document = await page.goto("/finance/ledger");
    expect(document?.headers()["cache-control"]).toBe("private, no-store");
    await whenHydrated(page);
    const dataRequest = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(".data"));
    await page.locator(".govuk-service-navigation").getByRole("link", { name: "Sales" }).click();
    const data = await dataRequest;
    expect(data.status()).toBe(200);
    expect(data.headers()["cache-control"]).toBe("private, no-store");

    for (const path of ["/", "/account", "/account.data", "/finance/sales.csv", "/no-such-page"]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.headers()["cache-control"], path).toBe("private, no-store");
    }

    const stylesheet = await page.locator("link[rel=stylesheet]").first().getAttribute("href");
    const asset = await page.request.get(stylesheet!);
    expect(asset.headers()["cache-control"]).toMatch(/max-age=\d+/);
    // The build's own files outside /assets: the favicon, for an hour, to anyone.
    const favicon = await page.request.get("/favicon.svg");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(favicon.headers()["cache-control"]).toBe("public, max-age=3600");
    expect((await page.request.get("/index.html", { maxRedirects: 0 })).status()).toBe(404);
    await closePage(page);
  });
});
