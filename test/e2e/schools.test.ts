import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { giasCsv, giasSchool, windows1252 } from "../factories/gias";
import { closePage, expectAccessible, newPage, signIn, testBrowser } from "./browser";

const ADMIN = "la.admin@arden.demo";

async function open(browser: Browser, options?: { javaScript?: boolean }) {
  const page = await newPage(browser, options);
  page.setDefaultTimeout(15_000);
  return page;
}

/** A GIAS file with two new Arden establishments and a school of another LA, as GIAS publishes it. */
function giasFile() {
  const stamp = String(Date.now()).slice(-5);
  const rows = [
    giasSchool({
      URN: `9${stamp}1`,
      "LA (code)": "990",
      EstablishmentName: "St Mary’s Catholic Primary School",
      Town: "Alcester",
      Postcode: "B49 6AB",
      OfstedLastInsp: "14-03-2023",
      "OfstedRating (name)": "Good",
    }),
    giasSchool({
      URN: `9${stamp}2`,
      "LA (code)": "990",
      EstablishmentName: "Bidford £1 Breakfast Academy",
      "TypeOfEstablishment (name)": "Academy converter",
      "EstablishmentTypeGroup (name)": "Academies",
    }),
    giasSchool({ URN: `9${stamp}3`, "LA (code)": "201", EstablishmentName: "City of London School" }),
  ];
  return { name: `edubasealldata${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(windows1252(giasCsv(rows))) };
}

async function upload(page: Page, file: ReturnType<typeof giasFile>) {
  await page.goto("/schools/import");
  await page.getByLabel("Establishment file (CSV)").setInputFiles(file);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.getByRole("heading", { level: 1, name: `Check the changes from ${file.name}` }).waitFor();
  await page.getByRole("alert").filter({ hasText: "The file is uploaded. Check the preview before you apply it." }).waitFor();
}

describe("the authority's school records", () => {
  const browser = testBrowser();

  it("an la_admin imports schools from a GIAS file without JavaScript: preview, apply, and applying again changes nothing", async () => {
    const page = await open(browser, { javaScript: false });
    await signIn(page, ADMIN);
    await page.getByRole("link", { name: "Import schools from Get Information about Schools" }).click();
    await page.getByRole("heading", { level: 1, name: "Import schools from Get Information about Schools" }).waitFor();

    // A file without a URN column is refused by the file field.
    await page
      .getByLabel("Establishment file (CSV)")
      .setInputFiles({ name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from('"Name","LA (code)"\r\n"x","990"\r\n') });
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.getByRole("alert").getByText("The file has no URN, EstablishmentName column").waitFor();
    expect(await page.locator("#file-error").textContent()).toContain("no URN");

    const file = giasFile();
    await upload(page, file);
    await page.getByRole("heading", { level: 2, name: "New schools (2)" }).waitFor();
    expect(await page.getByRole("cell", { name: "St Mary’s Catholic Primary School" }).isVisible()).toBe(true);
    expect(await page.getByRole("cell", { name: "Bidford £1 Breakfast Academy" }).isVisible()).toBe(true);
    expect(await page.getByText("City of London School").count()).toBe(0);
    await page.getByRole("heading", { level: 2, name: "Changed schools (0)" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Closed schools (0)" }).waitFor();

    await page.getByRole("button", { name: "Apply these changes" }).click();
    await page.getByRole("alert").getByText("2 schools added, 0 changed, 0 closed, 1 inspections recorded.").waitFor();
    await page.getByText("Nothing to change: every school already matches this file.").waitFor();

    // Applying again says so and changes nothing.
    await page.getByRole("button", { name: "Apply these changes" }).click();
    await page.getByRole("alert").getByText("Every school already matches this file, so nothing was changed.").waitFor();

    // Uploading the same file again: nothing new, nothing changed.
    await upload(page, file);
    await page.getByRole("heading", { level: 2, name: "New schools (0)" }).waitFor();
    await page.getByText("Nothing to change: every school already matches this file.").waitFor();
    await closePage(page);

    const checked = await open(browser);
    await signIn(checked, ADMIN);
    await checked.goto(page.url());
    await expectAccessible(checked);
    await checked.goto("/schools/import");
    await expectAccessible(checked);
    await closePage(checked);
  });

  it("an officer finds a school in the directory and reads its inspections; an la_admin reaches the confirmation before removing a member", async () => {
    const page = await open(browser);
    await signIn(page, ADMIN);
    await page.getByRole("link", { name: "Directory", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Directory" }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("Secondary").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/phase=secondary/);
    await page.locator("tbody .govuk-table__row").first().getByRole("cell", { name: "Secondary", exact: true }).waitFor();
    const first = page.locator("tbody .govuk-table__row").first().getByRole("link");
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Inspections" }).waitFor();
    await page.getByText("Good or better", { exact: true }).first().waitFor();
    await page.getByRole("heading", { level: 2, name: "Category" }).waitFor();
    await expectAccessible(page);

    await page
      .getByRole("link", { name: /Change role or remove/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Remove" }).click();
    await page.getByRole("heading", { level: 1, name: /^Remove .* for / }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Cancel" }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await closePage(page);
  });
});
