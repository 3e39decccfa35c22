import { describe, expect, it } from "vitest";
import { accessibilityViolations, closePage, expectAccessible, expectLocator, newPage, signIn, testBrowser } from "./browser";

describe("a visitor arrives at the marketplace", () => {
  const browser = testBrowser();

  it("sees the service name and a way to sign in, on an accessible page", async () => {
    const page = await newPage(browser);
    await page.goto("/");
    await expectLocator(page.getByRole("heading", { level: 1 })).toContainText("School Improvement Marketplace");
    await expectLocator(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await expectAccessible(page);
    await closePage(page);
  });

  it("keeps a signed-in user's navigation on a page that does not exist", async () => {
    const page = await newPage(browser);
    await signIn(page, "head@arden.demo");
    // An address no route knows, and a record a route does not find.
    for (const path of ["/no-such-page", "/collective-purchases/00000000-0000-4000-8000-000000000000"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expectLocator(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      const navigation = page.getByRole("navigation", { name: "Menu" });
      await expectLocator(navigation.getByRole("button", { name: "Sign out" })).toBeVisible();
      await expectLocator(navigation.getByText(/Acting for/)).toBeVisible();
      await expectLocator(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
    }
    await closePage(page);
  });

  it("the accessibility check finds what it is for, on the page and in a frame of the page", async () => {
    const page = await newPage(browser);
    await page.setContent(`<!doctype html><html lang="en"><title>Checked</title><main><h1>Checked</h1><input type="text" id="unlabelled"></main></html>`);
    expect(await accessibilityViolations(page)).toEqual([expect.stringMatching(/^label: .*#unlabelled/)]);
    // A field with no label, and an image with no text inside a frame.
    await page.setContent(
      `<!doctype html><html lang="en"><title>Checked</title><main><h1>Checked</h1><input type="text" id="unlabelled">` +
        `<iframe title="A frame" srcdoc='<!doctype html><html lang="en"><title>Frame</title><main><img src="/none.png"></main></html>'></iframe></main></html>`,
    );
    await page.frameLocator("iframe[title='A frame']").locator("img").waitFor({ state: "attached" });
    const violations = await accessibilityViolations(page);
    expect(violations.find((v) => v.startsWith("label:"))).toContain("#unlabelled");
    expect(violations.find((v) => v.startsWith("image-alt:"))).toContain("iframe");
    await closePage(page);
  });
});
