import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { closePage, mainLinksOf, newPage, signIn, testBrowser } from "./browser";
import { DEMO_PEOPLE } from "./demo-people";
import { SCHOOL_FINANCE_HEADER_CY } from "../setup/school-finance-csv";

const browser = testBrowser();

/** "£1,234.56" or "-£12.00" as pence. */
const pence = (text: string) => {
  const match = /^\s*([-−]?)£([\d,]+)\.(\d{2})\s*$/.exec(text);
  if (!match) throw new Error(`Not an amount: ${JSON.stringify(text)}`);
  return (match[1] ? -1 : 1) * (Number(match[2].replace(/,/g, "")) * 100 + Number(match[3]));
};
/** "1234.56" or "-12.00" (a CSV amount) as pence. */
const csvPence = (text: string) => {
  expect(text).toMatch(/^-?\d+\.\d{2}$/);
  return Math.round(Number(text) * 100);
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function buy(email: string, title: string, route: "Invoice" | "Internal recharge") {
  const page = await newPage(browser);
  await signIn(page, email);
  await page.goto(`/catalogue?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByRole("button", { name: "Buy for your school" }).click();
  await page.getByRole("heading", { name: "Buy for your school" }).waitFor();
  await page.getByRole("radio", { name: route }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Confirm and buy" }).click();
  await page.getByRole("heading", { name: "Purchase complete" }).waitFor();
  await closePage(page);
}

/** The totals the sales page shows for a filter. */
async function salesTotals(page: Page, query = "") {
  await page.goto(`/finance/sales${query}`);
  const value = (label: string) => page.locator(".app-sales-totals .govuk-summary-list__row", { hasText: label }).locator("dd").textContent();
  return {
    orders: Number(await value("Orders")),
    netPence: pence((await value("Net"))!),
    vatPence: pence((await value("VAT"))!),
    grossPence: pence((await value("Gross"))!),
  };
}

type Download = { href: string; rows: string[][] };

/** Checks what every CSV shares, and parses it. */
async function download(page: Page, href: string): Promise<Download> {
  const response = await page.request.get(href);
  expect(response.status(), href).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"], href).toBe("text/csv; charset=utf-8");
  expect(headers["cache-control"], href).toContain("no-store");
  expect(headers["content-disposition"], href).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
  const rows = parse(await response.text(), { relax_column_count: false }) as string[][];
  expect(rows.length, href).toBeGreaterThan(0);
  return { href, rows };
}

// Reports' and lists' tables as CSV: named columns, and every row as wide as the header.
const KNOWN_TABLE_CSV = [
  /^\/finance\/traded-income\.csv$/,
  /^\/finance\/reconciliation\.csv$/,
  /^\/schools\.csv$/,
  /^\/school\/finance\.csv$/,
  /^\/reports\/termly\.csv$/,
  /^\/funding\/[0-9a-f-]{36}\/allocation\.csv$/,
];

function checkTable({ href, rows }: Download) {
  const [header, ...records] = rows;
  expect(
    header.every((cell) => cell.trim() !== ""),
    `${href}: every column named`,
  ).toBe(true);
  expect(new Set(header).size, `${href}: no column named twice`).toBe(header.length);
  for (const record of records) expect(record.length, href).toBe(header.length);
}

async function checkSales(page: Page, { href, rows }: Download) {
  const [header, ...records] = rows;
  expect(header).toEqual(["Date", "Order", "School", "Offer", "Provider", "Net GBP", "VAT GBP", "Gross GBP", "Route", "Status"]);
  const totals = await salesTotals(page, new URL(href, "http://x").search);
  expect(records.length, href).toBe(totals.orders);
  expect(sum(records.map((r) => csvPence(r[5]))), href).toBe(totals.netPence);
  expect(sum(records.map((r) => csvPence(r[6]))), href).toBe(totals.vatPence);
  expect(sum(records.map((r) => csvPence(r[7]))), href).toBe(totals.grossPence);
  expect(new Set(records.map((r) => r[1])).size, "one row per order").toBe(records.length);
}

async function checkRecharges(page: Page, { rows }: Download) {
  const [header, ...records] = rows;
  expect(header).toEqual(["Date", "Journal reference", "Cost centre", "School", "URN", "Description", "Amount GBP", "Order"]);
  // One line per order paid by recharge, and a reversing line for each that was cancelled; the lines
  // with no order are schools' match funding, raised by a funding formula.
  const ofOrders = records.filter((r) => r[7] !== "");
  const matchFunding = records.filter((r) => r[7] === "");
  expect(
    matchFunding.every((r) => /^Match funding for \d{4}-\d{2}/.test(r[5])),
    "a line with no order is match funding",
  ).toBe(true);
  const charges = ofOrders.filter((r) => !r[5].startsWith("Reversal: "));
  const reversals = ofOrders.filter((r) => r[5].startsWith("Reversal: "));
  const recharged = await salesTotals(page, "?route=internal_recharge");
  const cancelled = await salesTotals(page, "?route=internal_recharge&status=cancelled");
  expect(charges.length).toBe(recharged.orders);
  expect(reversals.length).toBe(cancelled.orders);
  expect(sum(charges.map((r) => csvPence(r[6])))).toBe(recharged.grossPence);
  expect(sum(reversals.map((r) => csvPence(r[6]))) + cancelled.grossPence).toBe(0);
}

async function checkStatement(page: Page, statementPath: string, { href, rows }: Download) {
  await page.goto(statementPath);
  // The page and its CSV are in the reader's language (Glan Teifi reads Welsh).
  const locale = (await page.locator("html").getAttribute("lang")) === "cy" ? "cy" : "en";
  const words = (key: Parameters<typeof t>[0]) => t(key, undefined, locale);
  const closing = pence(
    (await page
      .locator(".govuk-summary-list__row", { hasText: words("statement.closing") })
      .locator("dd")
      .textContent())!,
  );
  const bodyRows = page.locator("table.govuk-table tbody tr");
  const shown = (await bodyRows.count()) - 2 - (await page.locator("table.govuk-table tbody td[colspan='5']").count());
  const [header, opening, ...rest] = rows;
  const closingRow = rest.pop()!;
  expect(header).toEqual(
    (["statement.date", "statement.description", "statement.cause", "statement.reference", "statement.amountGbp", "statement.runningGbp"] as const).map(words),
  );
  expect(opening[1]).toBe(words("statement.opening"));
  expect(closingRow[1]).toBe(words("statement.closing"));
  expect(rest.length, href).toBe(shown);
  expect(csvPence(opening[5]) + sum(rest.map((r) => csvPence(r[4]))), href).toBe(csvPence(closingRow[5]));
  expect(csvPence(closingRow[5]), href).toBe(closing);
}

/** The audit log's CSV holds every filtered entry, newest first, so the page's entries lead it in the same order. */
async function checkAudit(page: Page, auditPath: string, { href, rows }: Download) {
  await page.goto(auditPath);
  const [header, ...records] = rows;
  // In the reader's language: Glan Teifi reads the service in Welsh.
  const inEach = (["en", "cy"] as const).map((locale) =>
    (["audit.csv.when", "audit.csv.person", "audit.csv.email", "audit.csv.action"] as const).map((key) => t(key, undefined, locale)),
  );
  expect(inEach, href).toContainEqual(header.slice(0, 4));
  const shown = await page.locator("main table tbody tr td:nth-child(3) strong").allTextContents();
  expect(records.length, href).toBeGreaterThanOrEqual(shown.length);
  expect(
    records.slice(0, shown.length).map((r) => r[3]),
    href,
  ).toEqual(shown);
}

describe("every CSV the app offers downloads, parses and adds up to its page", () => {
  const seen = new Map<string, string[]>();

  beforeAll(async () => {
    // Sales to export: one paid by recharge to the authority's traded services, one invoiced.
    await buy("head@arden.demo", "Talk for Writing: whole-school training", "Internal recharge");
    await buy("head.academy@arden.demo", "Bespoke school data pack", "Invoice");
  });

  for (const email of DEMO_PEOPLE) {
    it(`as ${email}`, async () => {
      // The links and files are the same without script, and each page is read the sooner.
      const page = await newPage(browser, { javaScript: false });
      // Signed in, on their home page.
      await signIn(page, email);
      const navigation = await page.locator(".govuk-service-navigation a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      const pages = new Set(navigation.filter((href) => href.startsWith("/")));
      // Statements are reached from the accounts list: a few of each person's, however many accounts there are.
      // The pages are only searched for links here (mainLinksOf); each CSV is then checked against its page, in the browser.
      if (pages.has("/accounts"))
        for (const href of (await mainLinksOf(page, "/accounts")).filter((h) => h.startsWith("/accounts/")).slice(0, 4)) pages.add(href);
      const found: string[] = [];
      for (const path of pages) {
        for (const href of (await mainLinksOf(page, path)).filter((h) => h.includes(".csv"))) {
          found.push(href);
          const file = await download(page, href);
          const { pathname } = new URL(href, "http://x");
          if (pathname === "/finance/sales.csv") await checkSales(page, file);
          else if (pathname === "/finance/recharges.csv") await checkRecharges(page, file);
          else if (/^\/accounts\/[0-9a-f-]{36}\/statement\.csv$/.test(pathname)) await checkStatement(page, path, file);
          else if (pathname === "/audit.csv") await checkAudit(page, path, file);
          else if (KNOWN_TABLE_CSV.some((known) => known.test(pathname))) checkTable(file);
          else throw new Error(`A CSV this test does not know: ${href} on ${path}`);
        }
      }
      seen.set(email, found);
      await closePage(page);
    });
  }

  it("offered the sales, the recharge journal and statements to the people who keep them", () => {
    const has = (email: string, pattern: RegExp) => (seen.get(email) ?? []).some((href) => pattern.test(href));
    expect(has("finance@arden.demo", /^\/finance\/traded-income\.csv/)).toBe(true);
    expect(has("adviser@arden.demo", /^\/schools\.csv/)).toBe(true);
    expect(has("sbm@arden.demo", /^\/school\/finance\.csv/)).toBe(true);
    expect(has("finance@arden.demo", /^\/finance\/sales\.csv/)).toBe(true);
    expect(has("finance@arden.demo", /^\/finance\/recharges\.csv$/)).toBe(true);
    expect(has("finance@arden.demo", /\/statement\.csv/)).toBe(true);
    expect(has("la.admin@arden.demo", /\/statement\.csv/)).toBe(true);
    expect(has("lead@arden.demo", /\/statement\.csv/)).toBe(true);
    expect(has("la.admin@arden.demo", /^\/audit\.csv/)).toBe(true);
    expect(seen.get("adviser@arden.demo")?.every((href) => href.startsWith("/schools.csv"))).toBe(true);
  });

  it("a reader of Welsh downloads the sales and a school's purchases with Welsh headings and words", async () => {
    const welsh = (keys: readonly Parameters<typeof t>[0][]) => keys.map((key) => t(key, undefined, "cy"));
    /** Signs in, chooses Welsh as anyone would with the language switch, downloads, and goes back to English. */
    async function inWelsh(email: string, href: string) {
      const page = await newPage(browser);
      await signIn(page, email);
      await page.goto(`/language?${new URLSearchParams({ lang: "cy", returnTo: "/" })}`);
      expect(await page.locator("html").getAttribute("lang")).toBe("cy");
      const file = await download(page, href);
      // Leave the person reading English, their authority's language, for the tests after this one.
      await page.goto(`/language?${new URLSearchParams({ lang: "en", returnTo: "/" })}`);
      await closePage(page);
      return file;
    }

    const sales = await inWelsh("finance@arden.demo", "/finance/sales.csv");
    const [salesHeader, ...orders] = sales.rows;
    expect(salesHeader).toEqual(["Dyddiad", "Archeb", "Ysgol", "Cynnig", "Darparwr", "Net GBP", "TAW GBP", "Gros GBP", "Dull talu", "Statws"]);
    // The sales bought at the start are there, their route and status in Welsh words as the page shows them.
    expect(orders.length).toBeGreaterThanOrEqual(2);
    const routes = welsh(["paymentRoute.invoice", "paymentRoute.internal_recharge", "paymentRoute.consortium_pot", "paymentRoute.card"]);
    const statuses = welsh(["orderStatus.placed", "orderStatus.confirmed", "orderStatus.cancelled", "orderStatus.delivered"]);
    for (const order of orders) {
      expect(routes).toContain(order[8]);
      expect(statuses).toContain(order[9]);
    }
    expect(orders.map((order) => order[8])).toContain("Ailgodi tâl mewnol");

    const purchases = await inWelsh("sbm@arden.demo", "/school/finance.csv");
    checkTable(purchases);
    expect(purchases.rows[0]).toEqual(SCHOOL_FINANCE_HEADER_CY);
    const lines = welsh(["csv.schoolFinance.line.purchase", "csv.schoolFinance.line.match_funding_invoice", "csv.schoolFinance.line.match_funding_recharge"]);
    for (const row of purchases.rows.slice(1)) expect(lines).toContain(row[12]);
  });

  it("a filtered sales CSV follows the filter", async () => {
    const page = await newPage(browser);
    await signIn(page, "finance@arden.demo");
    for (const query of ["?route=invoice", "?route=internal_recharge&status=placed", "?from=2000-01-01&to=2000-01-31"]) {
      await page.goto(`/finance/sales${query}`);
      const href = await page.getByRole("link", { name: "Download these sales (CSV)" }).getAttribute("href");
      const sorted = (search: string) => [...new URLSearchParams(search)].sort();
      expect(new URL(href!, "http://x").pathname).toBe("/finance/sales.csv");
      expect(sorted(new URL(href!, "http://x").search)).toEqual(sorted(query));
      await checkSales(page, await download(page, href!));
    }
    await closePage(page);
  });
});
