import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLinksOpen, expectLocator, expectNoPastDateHint, fillDate, inDays, signedInPage, testBrowser } from "./browser";

const browser = testBrowser();

const as = (email: string, options?: { javaScript?: boolean }) => signedInPage(browser, email, options);

async function openOffer(page: Page, title: string) {
  await page.goto(`/catalogue?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await page.waitForURL(/\/catalogue\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

describe("buying together and alone", () => {
  it("a consortium lead opens a collective purchase, five schools join, it confirms at the tier they reach, and the pot gets its share back", async () => {
    const TITLE = "Talk for Writing: whole-school training";
    const lead = await as("lead@arden.demo");
    await openOffer(lead, TITLE);
    // Signed in, the lead acts for the first of their organisations by name: Avon Valley Primary Consortium
    // before Linden Academy, their school. Acting for the consortium, the offer page offers a collective purchase.
    const start = lead.getByRole("button", { name: "Start a collective purchase" });
    await expectLocator(start).toBeVisible();
    await start.click();
    await lead.waitForURL(/\/collective-purchases\/new/);
    await lead.getByRole("heading", { name: "Start a collective purchase" }).waitFor();
    await expectAccessible(lead);
    await expectNoPastDateHint(lead);
    await fillDate(lead, "Closing date", inDays(21));
    await lead.getByLabel("Minimum number of schools").fill("5");
    await lead.getByLabel("A percentage of the total").fill("10");
    await lead.getByRole("radio", { name: "Equally between the schools" }).check();
    await lead.getByLabel("Message to the schools (optional)").fill("Together we reach the £750 price.");
    await lead.getByRole("button", { name: "Open the collective purchase and invite the schools" }).click();
    await lead.waitForURL(/\/collective-purchases\/[0-9a-f-]{36}\?done=collectiveOpened$/);
    const purchaseUrl = new URL(lead.url()).pathname;
    await lead.getByText("0 schools have joined").waitFor();
    await expectLocator(lead.getByText("1 more school brings the price to £900.00 each.")).toBeVisible();
    await expectAccessible(lead);

    // The lead finds the other heads on the consortium's dashboard.
    await lead.goto("/collective-purchases");
    await expectAccessible(lead);
    await lead
      .getByRole("link", { name: /members and pot/ })
      .first()
      .click();
    await lead.waitForURL(/\/consortia\//);
    const consortiumUrl = new URL(lead.url()).pathname;
    await lead.getByRole("table", { name: /Member schools/ }).waitFor();
    await expectAccessible(lead);
    const emails = (await lead.getByRole("cell").allTextContents()).flatMap((text) => text.split(", ")).filter((e) => /^head\.\d+@arden\.demo$/.test(e));
    expect(emails.length).toBeGreaterThan(1);
    const joiners = ["head@arden.demo", "head.academy@arden.demo", "chair@arden.demo", emails[0]];

    // The lead's own school joins from the same page.
    await lead.goto(purchaseUrl);
    const join = async (page: Page, po: string) => {
      await page.getByLabel("Purchase order number (optional)").fill(po);
      await page.getByRole("radio", { name: "Invoice" }).check();
      await page.getByRole("button", { name: /^Join for / }).click();
      await page.getByText("Your school has joined.").waitFor();
    };
    await join(lead, "PO-LEAD-1");
    for (const [i, email] of joiners.entries()) {
      const head = await as(email);
      await head.goto(purchaseUrl);
      await join(head, `PO-${i + 1}`);
      if (i === 0) await expectAccessible(head);
      await closePage(head);
    }

    await lead.reload();
    await lead.getByText("5 schools have joined").waitFor();
    await expectLocator(lead.getByText("The price now: £750.00 each school.")).toBeVisible();
    await expectLocator(lead.getByText("5 more schools bring the price to £600.00 each.")).toBeVisible();
    await lead.getByRole("button", { name: "Close it now…" }).click();
    await lead.getByText(/^5 schools will be charged £[\d,]+\.\d\d in all \(VAT included\) at £750\.00 each school\.$/).waitFor();
    await lead.getByRole("button", { name: "Yes, close it now" }).click();
    await lead.getByRole("alert").getByText("The collective purchase is confirmed").waitFor();
    await lead.getByText("Confirmed", { exact: true }).waitFor();
    await expectLocator(lead.locator("dl").first()).toContainText("£750.00");
    await expectLocator(lead.locator("dl").first()).toContainText("£3,750.00");
    await expectLocator(lead.locator("dl").first()).toContainText("£375.00");
    // Five invoices; the lead is linked only to those of schools they act for, the others being the schools' and the authority's.
    const invoiceNumber = /^ARD-\d{4}-\d{6}$/;
    await expectLocator(lead.locator("main table td").filter({ hasText: invoiceNumber })).toHaveCount(5);
    expect(await lead.getByRole("link", { name: invoiceNumber }).count()).toBeLessThan(5);
    await expectAccessible(lead);

    // Finance, who keeps every invoice, opens the first school's from the same page and records its bank transfer;
    // the sale is split and the pot gets its share.
    const finance = await as("finance@arden.demo");
    await finance.goto(new URL(lead.url()).pathname);
    const invoiceLinks = finance.getByRole("link", { name: invoiceNumber });
    await expectLocator(invoiceLinks).toHaveCount(5);
    const invoicePath = await invoiceLinks.first().getAttribute("href");
    await finance.goto(invoicePath!);
    await expectAccessible(finance);
    await finance.getByRole("link", { name: "Record a payment" }).click();
    await expectAccessible(finance);
    await finance.getByLabel("Bank reference").fill("BACS 20391");
    await finance.getByRole("button", { name: "Record the payment" }).click();
    await finance.getByRole("alert").getByText("The payment is recorded and the invoice is paid.").waitFor();
    await finance.getByText(/^Paid on .* \(bank reference BACS 20391\)$/).waitFor();
    await finance.goto("/finance/sales");
    await expectAccessible(finance);

    // Each who may open the confirmed purchase is shown only links they may follow: the lead, finance, and the
    // commissioner, who opens collective purchases for any consortium but does not read its pot.
    const commissioner = await as("commissioner@arden.demo");
    for (const reader of [lead, finance, commissioner]) {
      await reader.goto(purchaseUrl);
      await expectLinksOpen(reader);
      // The orders are the schools', whoever reads them.
      await expectLocator(reader.getByRole("columnheader", { name: "The school pays (with VAT)" })).toBeVisible();
    }
    // Closed, the schools that did not answer are told so, not asked still.
    const answers = lead.getByRole("table", { name: "The schools' answers" });
    await expectLocator(answers.getByText("Invited, did not answer").first()).toBeVisible();
    await expectLocator(answers.getByText("Invited, not answered yet")).toHaveCount(0);
    const silent = await as(emails[1]);
    await silent.goto(purchaseUrl);
    await expectLocator(silent.getByText("Your school did not answer before the purchase closed.")).toBeVisible();
    await expectLocator(silent.getByRole("button", { name: /^Join for / })).toHaveCount(0);
    await closePage(silent);

    // Confirmed, the purchase is listed with the day it closed, never as still "closing" on its closing date.
    const closingDate = new Date(`${inDays(21)}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
    await lead.goto("/collective-purchases");
    const listed = lead.getByRole("row").filter({ has: lead.getByRole("link", { name: TITLE, exact: true }) });
    await expectLocator(listed).toHaveCount(1);
    await expectLocator(listed).toContainText(`Closed on ${today}`);
    await expectLocator(listed).toContainText("Confirmed");
    expect(await listed.textContent()).not.toContain(closingDate);
    await lead.goto(consortiumUrl);
    const item = lead.getByRole("listitem").filter({ has: lead.getByRole("link", { name: TITLE, exact: true }) });
    await expectLocator(item).toContainText(`5 schools, confirmed on ${today}`);
    expect(await item.textContent()).not.toMatch(/closing|${closingDate}/);
    await lead.goto(purchaseUrl);
    await lead.getByRole("link", { name: "See the pot statement" }).click();
    await lead.getByRole("heading", { name: /^Statement/ }).waitFor();
    await lead.getByText("Income split").first().waitFor();
    const statement = (await lead.locator("main").textContent()) ?? "";
    expect(statement).toContain("Consortium pot contribution");
    expect(statement).toContain("Income split");
    await expectAccessible(lead);
  }, 240_000);

  it("a head buys for their school on its own and gets a numbered invoice", async () => {
    const TITLE = "Bespoke school data pack";
    const head = await as("head.academy@arden.demo");
    await openOffer(head, TITLE);
    await head.getByRole("button", { name: "Buy for your school" }).click();
    await head.waitForURL(/\/purchases\/new/);
    await head.getByRole("heading", { name: "Buy for your school" }).waitFor();
    await expectAccessible(head);
    // How to pay is the head's choice: no way of paying is chosen for them.
    const howToPay = head.getByRole("group", { name: "How will your school pay?" });
    expect(await howToPay.getByRole("radio").count()).toBeGreaterThan(1);
    await expectLocator(howToPay.getByRole("radio", { checked: true })).toHaveCount(0);
    await head.getByLabel("Purchase order number (optional)").fill("<PO>");
    await head.getByRole("button", { name: "Continue" }).click();
    await head.getByText("A purchase order number can only contain").first().waitFor();
    await expectAccessible(head);
    await head.getByLabel("Purchase order number (optional)").fill("ACAD-5521");
    await head.getByRole("radio", { name: "Invoice" }).check();
    await head.getByRole("button", { name: "Continue" }).click();
    await head.getByRole("heading", { name: "Check your answers before buying" }).waitFor();
    // An academy pays VAT at the standard rate: £650 + £130.
    await expectLocator(head.locator("dl")).toContainText("£780.00");
    await expectAccessible(head);
    await head.getByRole("button", { name: "Confirm and buy" }).click();
    await head.getByRole("heading", { name: "Purchase complete" }).waitFor();
    await expectAccessible(head);
    await head.getByRole("link", { name: /^ARD-\d{4}-\d{6}$/ }).click();
    await head.getByRole("heading", { name: /^Invoice ARD-/ }).waitFor();
    await expectLocator(head.locator("main")).toContainText("ACAD-5521");
    await expectAccessible(head);
    await head.goto("/school/orders");
    await expectLocator(head.getByRole("link", { name: TITLE }).first()).toBeVisible();
    await expectAccessible(head);
  });

  it("a head buys without JavaScript: every step is a plain form", async () => {
    const TITLE = "Phonics catch-up";
    const head = await as("head@arden.demo", { javaScript: false });
    await openOffer(head, TITLE);
    await head.getByRole("button", { name: "Buy for your school" }).click();
    await head.waitForURL(/\/purchases\/new/);
    await head.getByRole("heading", { name: "Buy for your school" }).waitFor();
    await head.getByLabel("Purchase order number (optional)").fill("MNT-88");
    await head.getByRole("radio", { name: "Invoice" }).check();
    await head.getByRole("button", { name: "Continue" }).click();
    await head.getByRole("heading", { name: "Check your answers before buying" }).waitFor();
    await head.getByRole("button", { name: "Change your answers" }).click();
    await expect(head.getByLabel("Purchase order number (optional)").inputValue()).resolves.toBe("MNT-88");
    await head.getByRole("button", { name: "Continue" }).click();
    await head.getByRole("button", { name: "Confirm and buy" }).click();
    await head.getByRole("heading", { name: "Purchase complete" }).waitFor();
    await head.getByRole("button", { name: "Cancel this purchase…" }).click();
    await head.getByText(/^Invoice ARD-\d{4}-\d{6} for £[\d,.]+ will be credited/).waitFor();
    await head.getByRole("button", { name: "Yes, cancel this purchase" }).click();
    await head.getByRole("alert").getByText("The purchase is cancelled. Anything charged has been credited.").waitFor();
  });

  it("a head asks the consortium pot to pay, and the lead approves it from the consortium's page", async () => {
    const TITLE = "Emotion coaching for school staff";
    const head = await as("head@arden.demo");
    await openOffer(head, TITLE);
    await head.getByRole("button", { name: "Buy for your school" }).click();
    await head.getByRole("radio", { name: "Consortium pot" }).check();
    await head.getByRole("button", { name: "Continue" }).click();
    await head.getByRole("button", { name: "Confirm and buy" }).click();
    await head.getByText("Your consortium lead has been asked to pay from the pot").waitFor();
    const orderPath = new URL(head.url()).pathname;

    const lead = await as("lead@arden.demo");
    await lead.goto("/collective-purchases");
    await lead
      .getByRole("link", { name: /members and pot/ })
      .first()
      .click();
    await lead.getByRole("table", { name: "Schools asking to pay from the pot" }).waitFor();
    await expectAccessible(lead);
    await lead
      .getByRole("button", { name: /^Pay for / })
      .first()
      .click();
    await lead.getByText(/^The consortium pot will pay £[\d,.]+ for .+'s purchase of Emotion coaching for school staff\./).waitFor();
    await lead.getByRole("button", { name: "Yes, pay from the pot" }).click();
    await lead.getByRole("alert").getByText("You approved the request: the pot has paid for the purchase.").waitFor();
    await lead.getByRole("table", { name: "Schools asking to pay from the pot" }).waitFor({ state: "detached" });

    await head.goto(orderPath);
    await head.getByText("Approved by the consortium lead").waitFor();
    await expectAccessible(head);
  });

  it("a provider sees the orders for its services", async () => {
    const provider = await as("teaching.school@arden.demo");
    await provider.goto("/provider/orders");
    await provider.getByRole("heading", { name: "Orders for your services" }).waitFor();
    await expectAccessible(provider);
    // The schools' invoices are theirs and the authority's: their numbers show, not links the provider would be refused.
    const invoiceCells = provider.locator("main table tbody td:last-child");
    expect(await invoiceCells.filter({ hasText: /\d{6}/ }).count()).toBeGreaterThan(0);
    await expectLocator(provider.locator("main table a[href^='/invoices/']")).toHaveCount(0);
    // An order reads as an order to its provider, and its offer leads to the provider's own page of it.
    await provider.locator("main table a[href^='/purchases/']").first().click();
    await provider.getByRole("heading", { level: 1, name: "Order" }).waitFor();
    const rows = provider.locator(".govuk-summary-list__key");
    await expectLocator(rows.filter({ hasText: /^(The school pays \(with VAT\)|Charged, then credited)$/ })).toHaveCount(1);
    await expectLocator(rows.filter({ hasText: /^Paid by$/ })).toHaveCount(1);
    await expectLocator(rows.filter({ hasText: /your school/i })).toHaveCount(0);
    const offer = provider.locator(".govuk-summary-list a[href^='/provider/offers/']");
    await expectLocator(offer).toHaveCount(1);
    await expectLocator(provider.locator("main a[href^='/catalogue/'], main a[href^='/invoices/']")).toHaveCount(0);
    await expectAccessible(provider);
  });
});
