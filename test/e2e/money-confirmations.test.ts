import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, fillDate, inDays, signedInPage, testBrowser } from "./browser";

const browser = testBrowser();

const as = (email: string, options?: { javaScript?: boolean }) => signedInPage(browser, email, options);

async function buyByInvoice(head: Page, title: string) {
  await head.goto(`/catalogue?q=${encodeURIComponent(title)}`);
  await head.getByRole("link", { name: title, exact: true }).first().click();
  await head.getByRole("button", { name: "Buy for your school" }).click();
  await head.waitForURL(/\/purchases\/new/);
  await head.getByRole("radio", { name: "Invoice" }).check();
  await head.getByRole("button", { name: "Continue" }).click();
  await head.getByRole("button", { name: "Confirm and buy" }).click();
  await head.getByRole("heading", { name: "Purchase complete" }).waitFor();
}

describe("irreversible actions ask first, and every action says what it did", () => {
  it("a head cancels a purchase without JavaScript: a confirmation step, a double click, one banner and nothing due", async () => {
    const head = await as("head@arden.demo", { javaScript: false });
    await buyByInvoice(head, "Phonics catch-up");
    await head.getByRole("alert").getByText("Your purchase is placed.").waitFor();
    const orderPath = new URL(head.url()).pathname;

    await head.getByRole("button", { name: "Cancel this purchase…" }).click();
    await head.getByRole("heading", { name: "Cancel this purchase?" }).waitFor();
    await head.getByText(/^Invoice ARD-\d{4}-\d{6} for £[\d,]+\.\d\d will be credited with a credit note; nothing more will be due\.$/).waitFor();
    // Going back changes nothing.
    await head.getByRole("link", { name: "No, go back" }).click();
    await head.waitForURL((url) => url.pathname === orderPath && !url.searchParams.has("confirm"));
    await head.getByRole("button", { name: "Cancel this purchase…" }).click();

    // Without JavaScript nothing stops a double click: both submits land on the first outcome.
    await head.getByRole("button", { name: "Yes, cancel this purchase" }).dblclick();
    // The second submit aborts the first one's navigation, which a wait for the URL can see fail: wait for the page the two end on.
    const cancelled = (href: string) => {
      const url = new URL(href);
      return url.pathname === orderPath && url.searchParams.get("done") === "orderCancelled";
    };
    await expect.poll(() => cancelled(head.url()), { timeout: 30_000 }).toBe(true);
    await head.getByRole("alert").waitFor();
    const banner = head.getByRole("alert");
    await expectLocator(banner).toContainText("The purchase is cancelled. Anything charged has been credited.");
    // What the page must not say is read once the whole page is in.
    await head.waitForLoadState();
    await expect(head.locator("main").textContent()).resolves.not.toContain("Conflict");
    await expect(head.locator("dl").first().innerText()).resolves.toMatch(/Due now\s+£0\.00/);

    // The invoice shows its credit note and asks for nothing.
    await head.getByRole("link", { name: /^ARD-\d{4}-\d{6}$/ }).click();
    await head.getByRole("heading", { name: /^Invoice ARD-/ }).waitFor();
    await head.getByText(/^This invoice has been credited in full by credit note ARD-CN-\d{4}-\d{6}\. Nothing is due\.$/).waitFor();
    await head.waitForLoadState();
    await expect(head.locator("main").textContent()).resolves.not.toContain("Pay by bank transfer");
    await closePage(head);
  }, 240_000);

  it("a lead is told that closing a purchase short of its minimum cancels it, and then that it did", async () => {
    const lead = await as("lead@arden.demo");
    await lead.goto("/catalogue?q=Talk%20for%20Writing");
    await lead.getByRole("link", { name: "Talk for Writing: whole-school training", exact: true }).first().click();
    await lead.waitForURL(/\/catalogue\/[0-9a-f-]{36}$/);
    const offerId = new URL(lead.url()).pathname.split("/").pop()!;
    await lead.goto(`/collective-purchases/new?offerId=${offerId}`);
    await fillDate(lead, "Closing date", inDays(14));
    await lead.getByLabel("Minimum number of schools").fill("3");
    await lead.getByRole("radio", { name: "Equally between the schools" }).check();
    await lead.getByRole("button", { name: "Open the collective purchase and invite the schools" }).click();
    await lead.getByRole("alert").getByText("The collective purchase is open and the consortium's schools have been invited.").waitFor();

    await lead.getByRole("button", { name: "Close it now…" }).click();
    await lead.getByRole("heading", { name: "Close the collective purchase now?" }).waitFor();
    await lead.getByText("This purchase has 0 of the 3 schools it needs: closing now cancels it and nobody is charged.").waitFor();
    await expectAccessible(lead);
    await lead.getByRole("button", { name: "Yes, close it now" }).click();
    await lead
      .getByRole("alert")
      .getByText(/^The collective purchase is cancelled\./)
      .waitFor();
    await lead.getByText("Cancelled", { exact: true }).waitFor();
    await expectAccessible(lead);
    await closePage(lead);
  }, 240_000);
});
