import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, newPage, signIn, testBrowser } from "./browser";

/** The amount, in pence, that applying the formula would post from the authority's funding account, as its confirmation step says. */
async function authorityAmountToApply(page: Page, formulaPage: string) {
  await page.goto(`${formulaPage}?confirm=apply`);
  const line = page.getByText(/^[-−]?£[\d,]+\.\d{2} from the authority's funding account to \d+ consortium pots?\.$/);
  await expectLocator(line).toBeVisible();
  const [, minus, pounds, pence] = /^([-−]?)£([\d,]+)\.(\d{2})/.exec((await line.textContent())!)!;
  return (minus ? -1 : 1) * (Number(pounds.replace(/,/g, "")) * 100 + Number(pence));
}

describe("funding formulas and the memorandum of understanding", () => {
  const browser = testBrowser();

  it("an la_admin revises the year's formula, previews it and applies only the difference, without JavaScript", async () => {
    const page = await newPage(browser, { javaScript: false });
    await signIn(page, "la.admin@arden.demo");
    await page.getByRole("link", { name: "Funding formulas" }).first().click();
    await page.waitForURL("**/funding");
    await page
      .getByRole("link", { name: /^\d{4}-\d{2}, version 1$/ })
      .first()
      .click();
    await expectLocator(page.getByText(/^Applied on /)).toBeVisible();
    await expectLocator(page.getByRole("table", { name: "Each consortium's amount" })).toBeVisible();

    await page.getByRole("button", { name: "Make version 2" }).click();
    await page.getByRole("heading", { name: /version 2$/ }).waitFor();
    const formulaPage = page.url().replace(/\?.*$/, "");
    // Before any part changes, version 2 posts only what the records changed since version 1 was applied:
    // nothing in the demo county as seeded, an adjustment after a browser test beside this one has moved
    // or imported schools.
    const changedByRecords = await authorityAmountToApply(page, formulaPage);
    await page.goto(formulaPage);
    // "Add another part": choose the kind, then fill in its fields.
    await page.getByLabel("Kind of part").selectOption("per_pupil");
    await page.getByRole("button", { name: "Add a part" }).click();
    await page.getByRole("heading", { name: "An amount per pupil" }).waitFor();
    await page.getByRole("button", { name: "Add this part" }).click();
    await page.locator(".govuk-error-summary").getByText("Enter a name for the part").waitFor();
    await page.getByLabel("Name of the part").fill("Council investment");
    await page.getByLabel("Schools of phase").selectOption("primary");
    await page.getByLabel("How the amount is used").selectOption("total");
    await page.getByLabel("Amount", { exact: true }).fill("100000");
    await page.getByRole("button", { name: "Add this part" }).click();
    await page.getByText("Council investment: £100,000.00 shared by pupils in primary schools").waitFor();
    const posting = page.getByRole("table", { name: /^What applying will post/ });
    await expectLocator(posting).toBeVisible();
    // Only the difference: a line per pot that has primary pupils, and no school's match again.
    await expect(posting.getByText(/ from \d+ schools?$/).count()).resolves.toBe(0);

    await page.getByRole("button", { name: "Apply this formula" }).click();
    await page.getByRole("heading", { name: /^Apply the funding formula for .+, version 2\?$/ }).waitFor();
    expect(await authorityAmountToApply(page, formulaPage)).toBe(changedByRecords + 100_000_00);
    await page.getByRole("button", { name: "Yes, apply and post" }).click();
    await page.getByText("The formula is applied: the allocation is posted to the consortium pots.").waitFor();
    await expectLocator(page.getByRole("link", { name: "Download the whole allocation (CSV)" })).toBeVisible();
    const csv = await page.request.get(page.url().replace(/\?.*$/, "") + "/allocation.csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Council investment");
    await closePage(page);
  });

  it("a head signs their consortium's memorandum of understanding from their home page", async () => {
    const page = await newPage(browser);
    await signIn(page, "head@arden.demo");
    await page.goto("/");
    await page.getByRole("link", { name: /^Sign the memorandum of understanding for \d{4}-\d{2}/ }).click();
    await page.waitForURL("**/mou?year=*");
    await expectAccessible(page);
    await page.getByLabel("Your full name").fill("");
    await page.getByRole("button", { name: /^Sign version \d+$/ }).click();
    await page.locator(".govuk-error-summary").getByText("Enter your full name").waitFor();
    await page.getByLabel("Your full name").fill("Rachel Moss");
    await page.getByRole("button", { name: /^Sign version \d+$/ }).click();
    await page.getByText("You signed the memorandum for your school.").waitFor();
    await expectLocator(page.getByText(/^Rachel Moss signed version \d+ for .+ on \d+ \w+ \d{4}\.$/)).toBeVisible();
    await expectAccessible(page);
    await page.goto("/");
    await expect(page.getByRole("link", { name: /^Sign the memorandum of understanding/ }).count()).resolves.toBe(0);
    await closePage(page);
  });

  it("the officer's funding pages pass axe: the list, a formula with one consortium's schools, adding a part and the confirmation", async () => {
    const page = await newPage(browser);
    await signIn(page, "la.admin@arden.demo");
    await page.goto("/funding");
    await expectAccessible(page);
    // The year's latest version, applied by now.
    await page
      .getByRole("link", { name: /^\d{4}-\d{2}, version \d+$/ })
      .last()
      .click();
    await page.getByRole("heading", { name: /^Funding for .+, version \d+$/ }).waitFor();
    await page.getByRole("table", { name: "Each consortium's amount" }).getByRole("link").first().click();
    await page.getByRole("table", { name: /^Each school's amount in / }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: /^Make version \d+$/ }).click();
    await page.getByText("A new version is made.", { exact: false }).waitFor();
    await page.getByLabel("Kind of part").selectOption("size_band");
    await page.getByRole("button", { name: "Add a part" }).click();
    await page.getByRole("heading", { name: "A fixed amount by consortium size" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Cancel" }).click();
    // "Apply this formula" is on the page with the part's form too: once the form has gone, the page is the formula's alone.
    await page.getByRole("heading", { name: "A fixed amount by consortium size" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Apply this formula" }).click();
    await page.getByRole("heading", { name: /^Apply the funding formula for .+, version \d+\?$/ }).waitFor();
    // Only what changed since the last version would be posted (a head may have signed since).
    await expectLocator(page.getByText(/^This will post \d+ ledger entr(y|ies)\.$/)).toBeVisible();
    await expectAccessible(page);
    await page.goto(
      page
        .url()
        .replace(/\?.*$/, "")
        .replace(/\/funding\/.*/, "/consortia"),
    );
    await page.locator("table tbody tr th a").first().click();
    await page.waitForURL("**/schools");
    await page.goto(page.url().replace(/\/schools$/, "/mou"));
    await page.getByRole("table", { name: /^Signed by \d+ of \d+ schools$/ }).waitFor();
    await expectAccessible(page);
    await closePage(page);
  });

  it("a school business manager of a school that signed last year's memorandum finds its match-funding invoice on the school's finance page", async () => {
    const page = await newPage(browser);
    await signIn(page, "sbm@arden.demo");
    await page.getByRole("link", { name: "School finance" }).first().click();
    await page.getByLabel("Financial year").selectOption("2025-26");
    await page.getByRole("button", { name: "Show purchases" }).click();
    await page.getByRole("heading", { name: "Match funding for 2025-26" }).waitFor();
    const invoices = page.getByRole("table", { name: "Match-funding invoices" });
    await expectLocator(invoices).toBeVisible();
    await expect(invoices.locator("tbody tr").count()).resolves.toBe(1);
    await expectAccessible(page);
    await invoices.getByRole("link").first().click();
    await page.waitForURL("**/invoices/*");
    await expectLocator(page.getByText("Match funding for 2025-26 (formula version 1)").first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to the school's finance" }).click();
    await page.getByRole("heading", { name: "Match funding for 2025-26" }).waitFor();
    await closePage(page);
  });
});
