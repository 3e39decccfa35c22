import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const baseUrl = () => inject("baseUrl");
export const demoPassword = () => inject("demoPassword");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A new page in its own browser context (its own cookies), at the app's address. */
export async function newPage(browser: Browser, { javaScript = true } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: javaScript });
  return context.newPage();
}

/** Axe finds no WCAG 2.2 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

export async function signIn(page: Page, email: string, password = demoPassword()) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  // The address changes before the new page has rendered: wait for the sign-in form to go.
  await page.locator("form[action='/sign-in'], form:has(input[name=password])").first().waitFor({ state: "detached" });
}
