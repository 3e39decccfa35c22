import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, newPage, signIn, testBrowser } from "./browser";

const browser = testBrowser();

const resultLink = (page: Page, title: string) => page.getByRole("list", { name: /^\d+ offers?/ }).getByRole("link", { name: title, exact: true });

async function search(page: Page, words: string) {
  await page.getByLabel("Search offers").fill(words);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `matching “${words}”` })
    .waitFor();
}

/** Empties the buyer's shortlist, which other stories of this app may have added to, one offer at a time. */
async function emptyShortlist(page: Page) {
  await page.goto("/catalogue/compare");
  await page.getByRole("heading", { level: 1, name: "Compare offers" }).waitFor();
  const remove = page.getByRole("button", { name: /^Remove from shortlist – .+$/ });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expectLocator(remove).toHaveCount(before - 1);
  }
}

/** The journey; axe runs only with JavaScript, which it needs (the server sends the same markup either way). */
async function journey(page: Page, { javaScript }: { javaScript: boolean }) {
  const checkAccessible = () => (javaScript ? expectAccessible(page) : Promise.resolve());
  await emptyShortlist(page);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Find support", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Find support" }).waitFor();
  await expectLocator(page.getByRole("status")).toHaveText(/^\d+ offers$/);
  await checkAccessible();

  await search(page, "phonics");
  await resultLink(page, "Phonics catch-up").waitFor();
  // An offer still waiting for QA is never for sale.
  await search(page, "reading for pleasure");
  await expectLocator(resultLink(page, "Reading for pleasure: whole-school approach")).toHaveCount(0);

  await page.getByLabel("Search offers").fill("");
  await page.getByLabel("Subject area", { exact: true }).selectOption("governance");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL((url) => url.searchParams.getAll("subject").includes("governance"));
  await resultLink(page, "Governing board self-review").waitFor();
  await resultLink(page, "Governor training: financial oversight").waitFor();
  await expectLocator(resultLink(page, "Phonics catch-up")).toHaveCount(0);

  // A price it cannot read is explained by its field, and the filters it can read still apply.
  const price = page.getByLabel("Maximum price per school");
  await price.fill("a lot");
  const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get("maxPrice") === "a lot");
  await page.getByRole("button", { name: "Apply filters" }).click();
  // The page itself answers 400; with JavaScript, Remix fetches its data instead, and that answer carries the status inside it.
  const response = await answered;
  if (!javaScript) expect(response.status()).toBe(400);
  const summary = page.locator(".govuk-error-summary");
  await expectLocator(summary.getByRole("link")).toHaveText(/maximum price/i);
  await expectLocator(page.locator("#maxPrice-error")).toHaveText(/maximum price/i);
  await resultLink(page, "Governing board self-review").waitFor();
  await expectLocator(resultLink(page, "Phonics catch-up")).toHaveCount(0);
  await checkAccessible();
  await price.fill("");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expectLocator(summary).toHaveCount(0);

  // Shortlist one straight from the results, then open the other and shortlist it there.
  await page.getByRole("button", { name: "Add to shortlist – Governor training: financial oversight" }).click();
  await page.getByRole("button", { name: "Remove from shortlist – Governor training: financial oversight" }).waitFor();
  await page.getByRole("alert").filter({ hasText: "The offer is added to your shortlist." }).waitFor();
  await resultLink(page, "Governing board self-review").click();
  await page.getByRole("heading", { level: 1, name: "Governing board self-review" }).waitFor();
  expect(page.url()).toMatch(/\/catalogue\/[0-9a-f-]{36}$/);
  await expectLocator(page.getByText(/Quality assured on \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expectLocator(page.getByRole("table", { name: "Price by the number of schools buying together" })).toContainText("1 to 4 schools");
  await expectLocator(page.getByRole("button", { name: "Buy for your school" })).toBeVisible();
  await expectLocator(page.getByRole("button", { name: "Start a collective purchase" })).toHaveCount(0);
  await checkAccessible();
  await page.getByRole("button", { name: "Add to shortlist – Governing board self-review" }).click();
  await page.getByRole("button", { name: "Remove from shortlist – Governing board self-review" }).waitFor();
  // The server has kept it (the banner comes with its answer), and the header counts both.
  await page.getByRole("alert").filter({ hasText: "The offer is added to your shortlist." }).waitFor();
  await expectLocator(page.getByRole("link", { name: "Shortlist (2)" })).toBeVisible();

  await page.getByRole("link", { name: "Shortlist (2)" }).click();
  const table = page.getByRole("table", { name: "Your shortlisted offers" });
  await table.waitFor();
  await expect(table.getByRole("columnheader").allTextContents()).resolves.toEqual(["Governor training: financial oversight", "Governing board self-review"]);
  await expect(table.getByRole("rowheader").allTextContents()).resolves.toEqual(
    expect.arrayContaining([
      "Price tiers",
      "Delivery format",
      "Phases",
      "Subject areas",
      "Intended outcomes",
      "Strength of evidence",
      "Quality assured",
      "Provider",
    ]),
  );
  await checkAccessible();
  await page.getByRole("button", { name: "Remove from shortlist – Governor training: financial oversight" }).click();
  await page.getByRole("link", { name: "Shortlist (1)" }).waitFor();
  await page.getByRole("alert").filter({ hasText: "The offer is removed from your shortlist." }).waitFor();
  await table.getByRole("columnheader", { name: "Governor training: financial oversight" }).waitFor({ state: "detached" });
  await expect(table.getByRole("columnheader").allTextContents()).resolves.toEqual(["Governing board self-review"]);
}

describe("a headteacher finds support", () => {
  it("searches, filters, opens an offer, shortlists two and compares them", async () => {
    const page = await newPage(browser);
    await signIn(page, "head@arden.demo");
    await journey(page, { javaScript: true });
    await closePage(page);
  });

  it("loaded whole, the catalogue is HTML and CSS that GOV.UK's script alone enhances", async () => {
    const page = await newPage(browser);
    await signIn(page, "head@arden.demo");
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    const response = await page.goto("/catalogue?maxPrice=a%20lot");
    expect(response!.status()).toBe(400);
    const html = await response!.text();
    // No React, no data for it and no messages for it: the page is what the server wrote.
    expect(html).not.toContain("__remixContext");
    expect(html).not.toContain('id="page-messages"');
    expect(html).not.toContain('rel="modulepreload"');
    // GOV.UK Frontend starts its components, and its error summary takes focus, as on any GOV.UK page.
    await expectLocator(page.locator("body.js-enabled.govuk-frontend-supported")).toHaveCount(1);
    await expectLocator(page.locator(".govuk-error-summary")).toBeFocused();
    expect([...new Set(scripts)]).toEqual([expect.stringMatching(/^\/assets\/govuk-frontend\.min-[\w-]+\.js$/)]);
    await expectAccessible(page);

    // Its forms and links are plain HTML: each answer is a whole page, again without React.
    await page.getByLabel("Maximum price per school").fill("");
    await page.getByLabel("Subject area", { exact: true }).selectOption("governance");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((url) => url.searchParams.get("subject") === "governance");
    await resultLink(page, "Governing board self-review").waitFor();
    await expectLocator(page.getByLabel("Subject area", { exact: true })).toHaveValue("governance");
    const add = page.getByRole("button", { name: "Add to shortlist – Governing board self-review" });
    const remove = page.getByRole("button", { name: "Remove from shortlist – Governing board self-review" });
    if ((await remove.count()) > 0) {
      await remove.click();
      await page.getByRole("alert").filter({ hasText: "The offer is removed from your shortlist." }).waitFor();
    }
    await add.click();
    // The banner's answer is a new page: GOV.UK's script focuses it, and the button has turned.
    await expectLocator(page.getByRole("alert").filter({ hasText: "The offer is added to your shortlist." })).toBeFocused();
    await expectLocator(remove).toBeVisible();
    expect(new URL(page.url()).searchParams.get("subject")).toBe("governance");
    expect(scripts.every((src) => /govuk-frontend\.min-/.test(src))).toBe(true);
    await remove.click();
    await page.getByRole("alert").filter({ hasText: "The offer is removed from your shortlist." }).waitFor();
    await closePage(page);
  });

  it("does the same with JavaScript turned off", async () => {
    const page = await newPage(browser, { javaScript: false });
    await signIn(page, "sbm@arden.demo");
    await journey(page, { javaScript: false });
    await closePage(page);
  });
});
