import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, expectNoSidewaysScroll, newPage, signIn, testBrowser } from "./browser";

const browser = testBrowser();

describe("reports", () => {
  it("a finance officer reads last year's traded income without JavaScript and downloads its months as CSV", async () => {
    const page = await newPage(browser, { javaScript: false });
    await signIn(page, "finance@arden.demo");
    await page.getByRole("link", { name: "Traded income" }).first().click();
    await expectLocator(page.getByRole("heading", { level: 1, name: "Traded income" })).toBeVisible();
    const lastYear = await page.getByLabel("Financial year").locator("option").nth(1).getAttribute("value");
    await page.getByLabel("Financial year").selectOption(lastYear!);
    await page.getByRole("button", { name: "Show figures" }).click();
    await page.waitForURL(/year=/);
    await expectLocator(page.getByRole("img", { name: new RegExp(`traded income by month, ${lastYear}`) })).toBeVisible();
    const totalRow = page.locator("table", { has: page.getByText(`Income by month, ${lastYear}`) }).getByRole("row", { name: /^Total/ });
    const shownAuthority = (await totalRow.locator("td").nth(2).textContent())!;
    // Axe runs in the page, so it looks with JavaScript on at the same address.
    const checked = await newPage(browser);
    await signIn(checked, "finance@arden.demo");
    await checked.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    await expectAccessible(checked);
    await closePage(checked);

    const href = await page.getByRole("link", { name: `Download “Income by month, ${lastYear}” as CSV` }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const rows = parse(await response.text()) as string[][];
    expect(rows[0][0]).toBe("Month");
    expect(rows).toHaveLength(14);
    const total = rows[13];
    expect(total[0]).toBe("Total");
    expect(Number(total[1])).toBeGreaterThan(0);
    expect(`£${Number(total[3]).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`).toBe(shownAuthority.trim());
    await closePage(page);
  });

  it("a finance officer prints the termly report for the meeting papers", async () => {
    const page = await newPage(browser);
    await signIn(page, "finance@arden.demo");
    await page.goto("/reports/termly");
    await expectLocator(page.getByRole("heading", { level: 1, name: /Termly report:/ })).toBeVisible();
    await expectLocator(page.getByRole("heading", { name: "Evaluations and impact" })).toBeVisible();
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    // In print the navigation goes and the authority's name heads every page.
    expect(await page.locator(".govuk-service-navigation").first().isVisible()).toBe(false);
    await expectLocator(page.locator(".app-print-header")).toHaveText("Arden County Council");
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await closePage(page);
  });

  it("on a 390 px phone, the finance pages' tables scroll inside their own box and the page never scrolls sideways", async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "finance@arden.demo");
    let scrolledInTheirBox = 0;
    for (const path of ["/finance/sales", "/finance/ledger", "/finance/traded-income", "/finance/reconciliation", "/reports/termly", "/accounts"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await page.locator("main table").count(), path).toBeGreaterThan(0);
      await expectNoSidewaysScroll(page);
      const boxes = await page
        .locator(".app-table-scroll")
        .evaluateAll((regions) => regions.map((r) => ({ scrollWidth: r.scrollWidth, clientWidth: r.clientWidth, right: r.getBoundingClientRect().right })));
      for (const box of boxes) expect(box.right, path).toBeLessThanOrEqual(390);
      scrolledInTheirBox += boxes.filter((b) => b.scrollWidth > b.clientWidth).length;
    }
    // Some of these tables are wider than a phone: they are the ones that scroll in their box.
    expect(scrolledInTheirBox).toBeGreaterThan(0);
    await closePage(page);
  });

  it("the reconciliation page says when nothing is matched, and keeps a negative amount on one line", async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "finance@arden.demo");
    await page.goto("/finance/reconciliation");
    const matched = page.getByRole("heading", { level: 2, name: "Matched", exact: true });
    await matched.waitFor();
    // Under its heading, each source says it matched nothing rather than leaving the heading empty.
    await expectLocator(page.locator("h2:text-is('Matched') ~ p").filter({ hasText: "No lines are matched in this range." })).toHaveCount(1);
    const noWrap = await page.evaluate(() => {
      const cell = document.createElement("td");
      cell.className = "govuk-table__cell govuk-table__cell--numeric";
      cell.textContent = "-£1,250.00";
      const table = document.querySelector("main table tbody tr") ?? document.body;
      table.appendChild(cell);
      const style = getComputedStyle(cell).whiteSpace;
      cell.remove();
      return style;
    });
    expect(noWrap).toBe("nowrap");
    await closePage(page);
  });

  it("a consortium lead reads the pot's budget briefing, and a head has no traded income to see", async () => {
    const page = await newPage(browser);
    await signIn(page, "lead@arden.demo");
    await page.getByRole("link", { name: "Budget briefing" }).first().click();
    await expectLocator(page.getByRole("heading", { level: 1, name: /Budget briefing for/ })).toBeVisible();
    await expectLocator(page.getByText("Closing balance")).toBeVisible();
    await expectAccessible(page);
    await closePage(page);

    const head = await newPage(browser);
    await signIn(head, "head@arden.demo");
    await expectLocator(head.getByRole("link", { name: "Traded income" })).toHaveCount(0);
    const refused = await head.goto("/finance/traded-income");
    expect(refused?.status()).toBe(403);
    await closePage(head);
  });

  it("a school business manager downloads the school's purchases with their CFR codes", async () => {
    const page = await newPage(browser);
    await signIn(page, "sbm@arden.demo");
    await page.getByRole("link", { name: "School finance" }).first().click();
    const lastYear = await page.getByLabel("Financial year").locator("option").nth(1).getAttribute("value");
    await page.getByLabel("Financial year").selectOption(lastYear!);
    await page.getByRole("button", { name: "Show purchases" }).click();
    await expectAccessible(page);
    const href = await page.getByRole("link", { name: /Download the purchases/ }).getAttribute("href");
    const rows = parse(await (await page.request.get(href!)).text()) as string[][];
    expect(rows[0]).toContain("CFR code");
    // Purchases carry their CFR code; the school's match funding is listed too, saying what each line is.
    const line = rows[0].indexOf("Line");
    const purchases = rows.slice(1).filter((row) => row[line] === "Purchase");
    expect(purchases.length).toBeGreaterThan(0);
    for (const row of purchases) expect(["E09", "E27", "E28"]).toContain(row[4]);
    for (const row of rows.slice(1)) expect(["Purchase", "Match funding invoice", "Match funding recharge"]).toContain(row[line]);
    await closePage(page);
  });
});
