import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectAccessible, expectLocator, launchBrowser, newPage } from "./browser";

describe("a visitor arrives at the marketplace", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sees the service name and a way to sign in, on an accessible page", async () => {
    const page = await newPage(browser);
    await page.goto("/");
    await expectLocator(page.getByRole("heading", { level: 1 })).toContainText("School Improvement Marketplace");
    await expectLocator(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await expectAccessible(page);
  });
});
