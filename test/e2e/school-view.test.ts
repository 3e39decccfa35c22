import { parse } from "csv-parse/sync";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, newPage, signIn, testBrowser } from "./browser";

const day = new Date();

/** axe runs its script in the page: pages met with JavaScript off are checked again with it on, as the same person. */
async function expectAccessibleAs(browser: Browser, email: string, paths: string[]) {
  const page = await newPage(browser);
  await signIn(page, email);
  for (const path of paths) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await closePage(page);
}

describe("the school-by-school view and consortium readiness", () => {
  const browser = testBrowser();

  it("a challenge adviser reads the school-by-school view, filters and sorts it, downloads it and opens a school's page, without JavaScript", async () => {
    const page = await newPage(browser, { javaScript: false });
    page.setDefaultTimeout(20_000);
    await signIn(page, "adviser@arden.demo");
    await page.goto("/");
    await page.getByRole("link", { name: /of your schools need your attention/ }).click();
    await page.waitForURL("**/schools?mine=yes&attention=yes");
    await page.getByRole("heading", { level: 1, name: "School-by-school view" }).waitFor();
    const visited = [new URL(page.url()).pathname + new URL(page.url()).search];
    // The chosen filters show as tags; every school listed needs attention.
    await page.getByRole("link", { name: "Remove this filter Only my schools" }).waitFor();
    const attentionRows = page.locator("tbody .govuk-table__row");
    const count = await attentionRows.count();
    expect(count).toBeGreaterThan(0);
    await expectLocator(page.locator("tbody .govuk-tag--red", { hasText: "Needs attention" })).toHaveCount(count);

    // Filter by phase with the panel's GET form, then remove the attention filter by its tag.
    await page.getByLabel("Primary", { exact: true }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/phase=primary/);
    await page.getByRole("link", { name: /^Remove this filter Needs attention/ }).click();
    await page.waitForURL((url) => !url.search.includes("attention"));
    expect(new URL(page.url()).searchParams.getAll("phase")).toEqual(["primary"]);

    // Sort by category with the column's header (a link), then the other way round.
    await page.getByRole("link", { name: "Category", exact: true }).click();
    await page.waitForURL(/sort=category/);
    await expectLocator(page.locator('th[aria-sort="ascending"]')).toContainText("Category");
    await page.getByRole("link", { name: "Category", exact: true }).click();
    await page.waitForURL(/direction=descending/);
    await expectLocator(page.locator('th[aria-sort="descending"]')).toContainText("Category");
    const categories = await page.locator("tbody .govuk-table__row td:nth-child(3)").allTextContents();
    const order = ["1", "2A", "2B", "3A", "3B", "3C", "3D", "4"];
    const ranks = categories.map((c) => order.indexOf(c.trim())).filter((r) => r >= 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    visited.push(new URL(page.url()).pathname + new URL(page.url()).search);

    // The CSV holds the same schools in the same order.
    const href = await page.getByRole("link", { name: "Download these schools (CSV)" }).getAttribute("href");
    expect(href).toMatch(/^\/schools\.csv\?/);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const names = (await page.locator("tbody .govuk-table__row th a").allTextContents()).map((n) => n.trim());
    // Every matching school, not only the page shown: the page's fifty come first, in the same order.
    const total = Number((await page.getByRole("heading", { level: 2, name: /schools? of/ }).textContent())!.match(/^(\d+)/)![1]);
    expect(records).toHaveLength(total);
    expect(records.slice(0, names.length).map((r) => r.School)).toEqual(names);
    expect(records.every((r) => r.Phase === "Primary" && r.Adviser === "David Okafor")).toBe(true);
    expect(records.every((r) => /^\d+\.\d{2}$/.test(r["Spent this year GBP"]))).toBe(true);

    // One school's page tells its story.
    await page.locator("tbody .govuk-table__row th a").first().click();
    await page.getByRole("heading", { level: 1, name: names[0] }).waitFor();
    for (const heading of ["Summary", "Consortium history", "Category", "Inspections"]) await page.getByRole("heading", { level: 2, name: heading }).waitFor();
    await page.getByRole("heading", { level: 2, name: /^Purchases in \d{4}-\d{2}$/ }).waitFor();
    visited.push(new URL(page.url()).pathname);
    await closePage(page);
    await expectAccessibleAs(browser, "adviser@arden.demo", ["/", ...visited]);
  }, 180_000);

  it("an la_admin rates a consortium's readiness and sees how it moved in the grid", async () => {
    const page = await newPage(browser);
    await signIn(page, "la.admin@arden.demo");
    await page.getByRole("link", { name: "Readiness", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Consortium readiness to deliver" }).waitFor();
    await expectAccessible(page);
    const row = page.locator("tbody .govuk-table__row").first();
    const consortium = (await row.locator("th a").textContent())!.trim();
    await row.locator("th a").click();
    await page.getByRole("heading", { level: 1, name: consortium }).waitFor();
    await page.getByRole("button", { name: "Record a new review" }).click();
    await page.getByRole("heading", { level: 1, name: "Record a readiness review" }).waitFor();
    await expectAccessible(page);

    // A bad date is refused with a message by the field, and nothing is recorded.
    await page.getByRole("button", { name: "Record the review" }).click();
    await page.locator(".govuk-error-summary").getByText("Enter the date of the review").waitFor();
    await page.getByLabel("Day").fill(String(day.getDate()));
    await page.getByLabel("Month").fill(String(day.getMonth() + 1));
    await page.getByLabel("Year").fill(String(day.getFullYear()));
    // The form starts from the last review: move one judgement to green and one to red.
    await page.getByRole("group", { name: "Rating of Use of data" }).getByLabel("Green", { exact: true }).check();
    await page.getByRole("group", { name: "Rating of Clarity of vision" }).getByLabel("Red", { exact: true }).check();
    await page.getByLabel("Evidence for Use of data").fill("Every school's data pack is used in its support plan.");
    await page.getByRole("button", { name: "Record the review" }).click();
    await page.waitForURL(/done=readinessRecorded/);
    await expectLocator(page.locator(".govuk-notification-banner")).toContainText("The readiness review is recorded.");
    await page.getByText("Every school's data pack is used in its support plan.").waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Back to readiness of all consortia" }).click();
    const updated = page.locator("tbody .govuk-table__row", { has: page.getByRole("link", { name: consortium, exact: true }) });
    await expectLocator(updated.locator("td").nth(11)).toContainText("Green");
    await expectLocator(updated.locator("td").nth(0)).toContainText("Red");
    await expectAccessible(page);
    await closePage(page);
  }, 180_000);

  it("a consortium lead reads their consortium's readiness and answers it without JavaScript", async () => {
    const page = await newPage(browser, { javaScript: false });
    page.setDefaultTimeout(20_000);
    await signIn(page, "lead@arden.demo");
    await page.goto("/readiness");
    const rows = page.locator("tbody .govuk-table__row");
    await expectLocator(rows).toHaveCount(1);
    await rows.first().locator("th a").click();
    await page.getByRole("heading", { level: 2, name: /^Latest review/ }).waitFor();
    await page.getByLabel("No, I do not agree").check();
    await page.getByLabel("Comment").fill("Our planning is further on than this says.");
    await page.getByRole("button", { name: "Send response" }).click();
    await page.waitForURL(/done=readinessResponded/);
    await page.getByText("Our planning is further on than this says.").waitFor();
    const path = new URL(page.url()).pathname;
    await closePage(page);
    await expectAccessibleAs(browser, "lead@arden.demo", ["/readiness", path]);
  }, 180_000);
});
