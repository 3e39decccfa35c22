// On a phone the service navigation folds behind its menu button (GOV.UK Frontend's ServiceNavigation),
// on a page that hydrates and on one that does not, and a page reached without a reload comes with it closed.
import { describe, expect, it } from "vitest";
import { closePage, expectLocator, signedInPage, testBrowser, whenHydrated } from "./browser";

const browser = testBrowser();
const PHONE = { width: 390, height: 844 };

describe("the navigation on a phone", () => {
  for (const path of ["/account", "/catalogue"]) {
    it(`folds behind its menu button on ${path}, and opens and closes with it`, async () => {
      const page = await signedInPage(browser, "head@arden.demo");
      await page.setViewportSize(PHONE);
      await page.goto(path);
      await whenHydrated(page);
      const menu = page.getByRole("button", { name: "Menu" });
      const account = page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Your account" });
      await expectLocator(menu).toBeVisible();
      expect(await menu.getAttribute("aria-expanded")).toBe("false");
      await expectLocator(account).toHaveCount(0);
      await menu.click();
      expect(await menu.getAttribute("aria-expanded")).toBe("true");
      await expectLocator(account).toBeVisible();
      await menu.click();
      await expectLocator(account).toHaveCount(0);
      // At a desktop's width the links are all shown and the button is not.
      await page.setViewportSize({ width: 1280, height: 720 });
      await expectLocator(account).toBeVisible();
      await expectLocator(menu).toHaveCount(0);
      await closePage(page);
    });
  }

  it("comes closed with the next page when a link in it is followed without a reload", async () => {
    const page = await signedInPage(browser, "head@arden.demo");
    await page.setViewportSize(PHONE);
    await page.goto("/account");
    await whenHydrated(page);
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Evaluations" }).click();
    await page.waitForURL((url) => url.pathname === "/evaluations");
    await expectLocator(page.locator("main h1")).toHaveText(/\S/);
    await expectLocator(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Your account" })).toHaveCount(0);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    await closePage(page);
  });
});
