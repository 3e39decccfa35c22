import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, newPage } from "./browser";

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
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("School Improvement Marketplace");
    await expect(page.getByRole("link", { name: "Sign in" }).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);
  });
});
