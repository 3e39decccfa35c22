import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, expectNoPastDateHint, expectNoSidewaysScroll, fillDate, newPage, signIn, testBrowser } from "./browser";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

describe("the authority's records", () => {
  const browser = testBrowser();

  it("an la_admin moves a school to another consortium from a date, without JavaScript", async () => {
    const page = await newPage(browser, { javaScript: false });
    await signIn(page, "la.admin@arden.demo");
    await page.getByRole("link", { name: "Consortia", exact: true }).first().click();
    await page.waitForURL("**/consortia");
    await page.locator("table tbody tr th a").first().click();
    await page.waitForURL("**/schools");
    const school = (await page.locator("table tbody tr th a").first().textContent())!.trim();
    await page.getByRole("link", { name: `Move ${school}` }).click();
    await page.waitForURL("**/consortium");
    await expectNoPastDateHint(page);
    const target = page.getByLabel("New consortium");
    const option = await target.locator("option").nth(1).getAttribute("value");
    await target.selectOption(option!);
    await fillDate(page, "Date of the move", today);
    await page.getByRole("button", { name: "Continue" }).click();
    // Without JavaScript the form posts and the page is replaced: wait for the confirmation to arrive.
    await page.getByText(`${school} will leave`).waitFor();
    await page.getByRole("button", { name: "Confirm the move" }).click();
    await page.waitForURL("**/consortium?moved=1");
    await expectLocator(page.locator(".govuk-notification-banner")).toContainText(`${school} moves to`);
    expect(await page.locator("table tbody tr").count()).toBeGreaterThanOrEqual(2);
    await closePage(page);
  });

  it("a challenge adviser sets the category of one of their schools", async () => {
    const page = await newPage(browser);
    await signIn(page, "adviser@arden.demo");
    await page.goto("/");
    const first = page.locator("table caption:has-text('Your schools') >> xpath=.. >> tbody tr th a").first();
    const school = (await first.textContent())!.trim();
    await first.click();
    // The home's list opens the school's page, whose category section leads to the record.
    await page.getByRole("heading", { level: 1, name: school }).waitFor();
    await page.getByRole("link", { name: "The school’s category and its history" }).click();
    await page.waitForURL("**/category");
    await expectAccessible(page);
    await page.getByLabel("3B: Satisfactory, improving").check();
    await fillDate(page, "Decided on", today);
    await page.getByRole("button", { name: "Record category" }).click();
    await page.waitForURL("**/category?saved=1");
    await expectLocator(page.locator(".govuk-notification-banner")).toContainText(`${school} is now in category 3B`);
    await expectLocator(page.locator("table tbody tr").first()).toContainText("David Okafor");
    await closePage(page);
  });

  it("an la_admin filters the audit log and downloads what it shows", async () => {
    const page = await newPage(browser, { javaScript: false });
    await signIn(page, "la.admin@arden.demo");
    await page.goto("/audit");
    await page.getByLabel("Kind of change").selectOption("school.category_set");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.waitForURL("**/audit?**action=school.category_set**");
    const rows = page.locator("table tbody tr");
    await expectLocator(rows.first()).toContainText("school.category_set");
    await expectLocator(rows.first().locator("strong")).toHaveText("School category set");
    await page.waitForLoadState();
    await expect(page.locator("table").textContent()).resolves.not.toMatch(/[{}]/);
    await expect(page.getByText("Before: ").first().count()).resolves.toBeGreaterThan(0);
    const href = await page.getByRole("link", { name: "Download these entries (CSV)" }).getAttribute("href");
    expect(href).toBe("/audit.csv?action=school.category_set");
    const response = await page.request.get(href!);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const text = await response.text();
    expect(text.split("\r\n")[0]).toContain("Kind of change");
    expect(text).toContain("school.category_set");
    await fillDate(page, "From", "2099-01-02");
    await fillDate(page, "To", "2099-01-01");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await expectLocator(page.locator(".govuk-error-summary")).toContainText("The end date must be the same as or after the start date");
    await closePage(page);
  });

  it("the records pages pass axe as the la_admin sees them", async () => {
    const page = await newPage(browser);
    await signIn(page, "la.admin@arden.demo");
    for (const path of ["/consortia", "/consortia/new", "/authority/advisers", "/authority/subject-leads", "/authority/categories/import", "/audit"]) {
      await page.goto(path);
      await expectAccessible(page);
    }
    await page.goto("/consortia");
    await page.locator("table tbody tr th a").first().click();
    await page.waitForURL("**/schools");
    await expectAccessible(page);
    await closePage(page);
  });

  it("each select of the assign forms starts with an empty choice that names what to choose", async () => {
    const page = await newPage(browser);
    await signIn(page, "la.admin@arden.demo");
    const firstChoices = async (path: string) => {
      await page.goto(path);
      return page
        .locator("main form select")
        .evaluateAll((selects) => selects.map((s) => [(s as HTMLSelectElement).options[0].value, (s as HTMLSelectElement).options[0].text]));
    };
    expect(await firstChoices("/authority/advisers")).toEqual([
      ["", "Choose a school"],
      ["", "Choose a person"],
    ]);
    expect(await firstChoices("/authority/subject-leads")).toEqual([
      ["", "Choose a subject area"],
      ["", "Choose a person"],
    ]);
    await closePage(page);
  });

  it("on a 390 px phone, the la_admin's lists and grids scroll inside their own box, never the page", async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "la.admin@arden.demo");
    for (const path of ["/consortia", "/audit", "/readiness", "/directory", "/schools", "/authority/subject-leads"]) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      expect(await page.locator("main .app-table-scroll > table").count(), path).toBeGreaterThan(0);
      await expectNoSidewaysScroll(page);
    }
    await closePage(page);
  });

  it("an la_admin changes the authority's default language, and its people then read the service in it", async () => {
    const page = await newPage(browser);
    await signIn(page, "la.admin@arden.demo");
    await page.getByRole("link", { name: "Authority settings", exact: true }).first().click();
    await page.waitForURL("**/authority/settings");
    await expectAccessible(page);
    await expect(page.getByLabel("LA code").inputValue()).resolves.toBe("990");
    await page.getByLabel("Cymraeg").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.waitForURL("**/authority/settings?done=authoritySettingsSaved");
    // The administrator has not chosen a language of their own, so the authority's new default is theirs too.
    await expectLocator(page.locator(".govuk-notification-banner")).toContainText("Mae gosodiadau’r awdurdod wedi’u cadw.");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
    // Back to English, so the other tests of this app read it as before.
    await page.getByLabel("English").check();
    await page.getByRole("button", { name: "Cadw’r gosodiadau" }).click();
    await page.locator(".govuk-notification-banner", { hasText: "The authority’s settings have been saved." }).waitFor();
    await closePage(page);
  });
});
