// A school pays an invoice by card against a local stand-in for Stripe: the built app started
// with STRIPE_* pointing at it, the hosted page answered by the stand-in, the webhook signed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../mocks/stripe";
import { copyDemoCounty } from "../setup/app-server";
import { startBuiltServer, type BuiltServer } from "../setup/built-server.mjs";
import { parse } from "csv-parse/sync";
import { demoPassword, expectAccessible, expectLocator, signInThroughForm, testBrowser, whenHydrated } from "./browser";

const TITLE = "Bespoke school data pack";

describe("paying by card through Stripe", () => {
  let fake: FakeStripe;
  let server: BuiltServer;
  let dataDir: string;
  // The worker's Chromium; the contexts opened here are closed at the end.
  const browser = testBrowser();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fake = await startFakeStripe();
    dataDir = mkdtempSync(join(tmpdir(), "marketplace-stripe-"));
    server = await startBuiltServer({
      DEMO: "true",
      DEMO_PASSWORD: demoPassword(),
      // The demo county as the run's other apps start with it (test/setup/app-server.ts).
      DATA_DIR: copyDemoCounty(inject("demoCounty"), dataDir),
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_URL: fake.url,
    });
    fake.webhookUrl = `${server.url}/webhooks/stripe`;
  }, 180_000);
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await server?.stop();
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A page of its own on Stripe's app, signed in through the form as `email`. */
  async function as(email: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url });
    contexts.push(context);
    const page = await context.newPage();
    await signInThroughForm(page, email);
    return page;
  }

  it("a school business manager buys by card, pays on Stripe's page, and sees the invoice paid once the webhook arrives", async () => {
    const sbm = await as("sbm@arden.demo");
    await sbm.goto(`/catalogue?q=${encodeURIComponent(TITLE)}`);
    await sbm.getByRole("link", { name: TITLE, exact: true }).first().click();
    await sbm.getByRole("button", { name: "Buy for your school" }).click();
    await sbm.getByRole("heading", { name: "Buy for your school" }).waitFor();
    await expectLocator(sbm.getByRole("radio", { name: "Card or bank debit" })).toBeVisible();
    await sbm.getByRole("radio", { name: "Card or bank debit" }).check();
    await expectAccessible(sbm);
    await sbm.getByRole("button", { name: "Continue" }).click();
    await sbm.getByRole("button", { name: "Confirm and buy" }).click();

    await sbm.getByRole("heading", { name: /^Pay invoice ARD-/ }).waitFor();
    await expectAccessible(sbm);
    const due = await sbm.getByLabel("Amount to pay").inputValue();
    await sbm.getByRole("button", { name: "Continue to payment" }).click();

    // The outbox makes the session; the preparing page hands over to Stripe's page.
    await sbm.getByRole("heading", { name: `Pay £${due}` }).waitFor({ timeout: 20_000 });
    const created = fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
    expect(created).toHaveLength(1);
    await sbm.getByRole("button", { name: `Pay £${due}`, exact: true }).click();

    await sbm.waitForURL(/\/payments\/[0-9a-f-]{36}\/success/);
    await expectLocator(sbm.getByTestId("payment-outcome"), { timeout: 20_000 }).toContainText("We have received");
    await expectAccessible(sbm);
    await sbm.getByRole("link", { name: "Go to the invoice" }).click();
    await expectLocator(sbm.locator("main")).toContainText("Paid through Stripe");
    await expectLocator(sbm.locator("main")).toContainText("Paid");
    await expectAccessible(sbm);
  }, 120_000);

  /** The school business manager buys an offer to pay online and goes through to Stripe's page; returns the page, the amount and the invoice. */
  async function buyAndOpenStripe(title = TITLE) {
    const sbm = await as("sbm@arden.demo");
    await sbm.goto(`/catalogue?q=${encodeURIComponent(title)}`);
    await sbm.getByRole("link", { name: title, exact: true }).first().click();
    await sbm.getByRole("button", { name: "Buy for your school" }).click();
    await sbm.getByRole("radio", { name: "Card or bank debit" }).check();
    await sbm.getByRole("button", { name: "Continue" }).click();
    await sbm.getByRole("button", { name: "Confirm and buy" }).click();
    const heading = sbm.getByRole("heading", { name: /^Pay invoice ARD-/ });
    await heading.waitFor();
    const number = (await heading.textContent())!.replace("Pay invoice ", "").trim();
    const invoiceUrl = sbm.url().replace(/\/pay$/, "");
    const due = await sbm.getByLabel("Amount to pay").inputValue();
    await sbm.getByRole("button", { name: "Continue to payment" }).click();
    await sbm.getByRole("heading", { name: `Pay £${due}` }).waitFor({ timeout: 20_000 });
    return { sbm, due, invoiceUrl, number };
  }
  const latestSession = () => [...fake.objects.values()].filter((o) => o.object === "checkout.session").at(-1)!.id;
  /** The charge a completed session made. */
  const chargeOf = (sessionId: string) => fake.objects.get(fake.objects.get(fake.session(sessionId).payment_intent as string)!.latest_charge as string)!;

  /** Buys an offer and pays the whole invoice by card on Stripe's page; returns once the app has recorded it. */
  async function buyAndPayByCard(title = TITLE) {
    const bought = await buyAndOpenStripe(title);
    await bought.sbm.getByRole("button", { name: `Pay £${bought.due}`, exact: true }).click();
    await expectLocator(bought.sbm.getByTestId("payment-outcome"), { timeout: 20_000 }).toContainText("We have received");
    return { ...bought, charge: chargeOf(latestSession()) };
  }
  /** Delivers Stripe's events of a kind for an object once the app's outbox has made them happen. */
  async function deliverWhenMade(type: string, objectId: string) {
    await expect.poll(() => fake.events.some((e) => e.type === type && e.data.object.id === objectId), { timeout: 20_000 }).toBe(true);
    for (const e of fake.events.filter((e) => e.type === type && e.data.object.id === objectId))
      expect((await fake.deliver(fake.webhookUrl!, e)).status).toBe(200);
  }

  it("pays by Bacs Direct Debit: on its way at first, paid when the debit succeeds", async () => {
    const { sbm, due, invoiceUrl } = await buyAndOpenStripe();
    await sbm.getByRole("button", { name: `Pay £${due} by Bacs Direct Debit` }).click();
    await expectLocator(sbm.getByTestId("payment-outcome"), { timeout: 20_000 }).toContainText("is on its way");
    for (const e of fake.settle(latestSession(), "succeeded")) expect((await fake.deliver(fake.webhookUrl!, e)).status).toBe(200);
    await sbm.goto(invoiceUrl);
    await expectLocator(sbm.locator("main")).toContainText("Paid through Stripe");
  }, 120_000);

  it("pays by Bacs Direct Debit that fails: the invoice stays due and the page says the payment did not go through", async () => {
    const { sbm, due, invoiceUrl } = await buyAndOpenStripe();
    await sbm.getByRole("button", { name: `Pay £${due} by Bacs Direct Debit` }).click();
    await expectLocator(sbm.getByTestId("payment-outcome"), { timeout: 20_000 }).toContainText("is on its way");
    const outcome = sbm.url();
    for (const e of fake.settle(latestSession(), "failed")) expect((await fake.deliver(fake.webhookUrl!, e)).status).toBe(200);
    await sbm.goto(outcome);
    await expectLocator(sbm.getByTestId("payment-outcome"), { timeout: 20_000 }).toContainText("did not go through");
    await expectAccessible(sbm);
    await sbm.goto(invoiceUrl);
    expect(await sbm.locator("main").textContent()).not.toContain("Paid through Stripe");
    await expectLocator(sbm.getByRole("link", { name: "Pay by card or bank" })).toBeVisible();
  }, 120_000);

  it("finance sees the card payment matched with Stripe's balance on the reconciliation page", async () => {
    const finance = await as("finance@arden.demo");
    await finance.goto("/finance/reconciliation");
    await finance.getByRole("heading", { name: "Reconciliation" }).waitFor();
    await expectLocator(finance.getByRole("table", { name: "Payments through Stripe" })).toContainText("ARD-");
    await expectLocator(finance.getByRole("table", { name: "Stripe" }).last()).toContainText("ch_test_");
    await expectAccessible(finance);
    const csv = await finance.request.get("/finance/reconciliation.csv");
    expect(csv.status()).toBe(200);
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    const stripeRows = rows.filter((r) => r.Source === "Stripe");
    expect(stripeRows.filter((r) => r.Reference.startsWith("ch_test_")).length).toBeGreaterThanOrEqual(2);
    // Card and Bacs alike: every Stripe line matched, none differs.
    expect(stripeRows.every((r) => r.What === "Matched")).toBe(true);
    await expectLocator(finance.getByText("Stripe: No differences: everything matches.")).toBeVisible();

    // Finance uploads the authority's bank statement: a banner says what was read, and the lines not ours are listed apart.
    const today = new Date().toISOString().slice(0, 10);
    await finance.getByLabel("Bank statement (CSV)").setInputFiles({
      name: "statement.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Date,Description,Amount\n${today},CARD FEES MERCHANT,-12.50\n`),
    });
    await finance.getByRole("button", { name: "Upload statement" }).click();
    await expectLocator(finance.getByRole("alert")).toContainText("Read 1 line from statement.csv");
    await expectLocator(finance.getByRole("table", { name: "Statement lines not ours or not matched" })).toContainText("CARD FEES MERCHANT");
    await expectAccessible(finance);
  }, 60_000);
  it("finance refunds part of a card payment: a confirmation says what will happen, a banner what did, and the invoice is due again for it", async () => {
    const { number, invoiceUrl, charge } = await buyAndPayByCard();
    const finance = await as("finance@arden.demo");
    await finance.goto("/finance/reconciliation");
    await whenHydrated(finance);
    await finance.getByRole("link", { name: `Refund ${number}` }).click();
    await finance.getByRole("heading", { name: "Refund a payment" }).waitFor();
    await expectLocator(finance.locator("main")).toContainText(`against invoice ${number}. The money goes back to the card or account it came from`);
    await expectAccessible(finance);
    await finance.getByLabel("Amount to refund").fill("100.00");
    await finance.getByLabel("Reason").fill("One session was cancelled");
    await finance.getByRole("button", { name: "Refund the payment" }).click();
    await expectLocator(finance.getByRole("alert")).toContainText("The refund is on its way.");

    // The outbox asks Stripe for the refund; Stripe's charge.refunded is what the ledger follows.
    await deliverWhenMade("charge.refunded", charge.id);
    expect(fake.objects.get(charge.id)!.amount_refunded).toBe(10_000);
    await finance.goto(invoiceUrl);
    await expectLocator(finance.locator("main")).toContainText("Refunded through Stripe on");
    await expectLocator(finance.getByRole("row", { name: /^Due now/ })).toContainText("£100.00");
    // Stripe recorded both the payment and the refund: named once.
    const recordedBy = finance.locator(".govuk-summary-list__row", { hasText: "Recorded by" }).locator("dd");
    await expectLocator(recordedBy).toHaveText("Stripe");
    await expectAccessible(finance);
  }, 120_000);

  it("a disputed card payment shows on the reconciliation page as open, then as won when the dispute closes", async () => {
    const { number, charge } = await buyAndPayByCard();
    const [created] = fake.dispute(charge.id);
    expect((await fake.deliver(fake.webhookUrl!, created)).status).toBe(200);
    const finance = await as("finance@arden.demo");
    await finance.goto("/finance/reconciliation");
    const disputes = finance.getByRole("table", { name: "Disputed payments" });
    const row = disputes.getByRole("row").filter({ hasText: number });
    await expectLocator(row).toContainText("Open");
    // Stripe's reason, in the reader's words.
    await expectLocator(row).toContainText("Not made by the card holder (fraud)");
    await expectAccessible(finance);

    const [closed] = fake.closeDispute(created.data.object.id, "won");
    expect((await fake.deliver(fake.webhookUrl!, closed)).status).toBe(200);
    await finance.reload();
    await expectLocator(row).toContainText("Won");
  }, 120_000);

  it("a provider admin sets up payouts on Stripe's onboarding, and is paid by transfer once the school confirms a card-paid order delivered", async () => {
    // A teaching school (the authority's own traded services keep their share, so are never paid out).
    const provider = await as("teaching.school@arden.demo");
    await provider.goto("/provider/offers");
    const onSale = provider.getByRole("row").filter({ hasText: "On sale until" }).first().getByRole("cell").first();
    const title = (await onSale.innerText()).trim();
    await provider.goto("/provider/payouts");
    await provider.getByRole("button", { name: "Set up payouts with Stripe" }).click();
    await expectLocator(provider.getByRole("alert")).toContainText("Your Stripe account is being created.");
    // The outbox creates the account; the page then offers to continue on Stripe.
    const next = provider.getByRole("button", { name: "Continue on Stripe" });
    await expect.poll(async () => (await provider.reload(), next.isVisible()), { timeout: 20_000 }).toBe(true);
    await expectAccessible(provider);
    await next.click();
    await provider.getByRole("heading", { name: "Stripe test onboarding" }).waitFor();
    await provider.getByRole("button", { name: "Submit details" }).click();
    await provider.waitForURL(/\/provider\/payouts$/);
    await expectLocator(provider.locator("main")).toContainText("Ready for payouts");

    // A school buys one of this provider's offers and pays by card; the provider delivers and the school confirms.
    const { sbm, invoiceUrl } = await buyAndPayByCard(title);
    await sbm.goto(invoiceUrl);
    const orderPath = await sbm.getByRole("link", { name: "Back to the order" }).getAttribute("href");
    await provider.goto(`${orderPath}/delivery`);
    await whenHydrated(provider);
    await provider.getByRole("button", { name: "Mark as delivered" }).click();
    await provider.getByRole("button", { name: "Yes, mark it delivered" }).click();
    await expectLocator(provider.getByRole("alert")).toContainText("The order has been marked delivered");
    await sbm.goto(`${orderPath}/delivery`);
    await whenHydrated(sbm);
    await sbm.getByRole("button", { name: "Confirm the delivery" }).click();
    await sbm.getByRole("button", { name: "Yes, it was delivered" }).click();
    await expectLocator(sbm.getByRole("alert")).toContainText("You have confirmed the delivery.");

    // The outbox sends the transfer of the provider's share; the payouts page lists it as sent.
    const payouts = provider.getByRole("table", { name: "Payouts by order" });
    await expect
      .poll(async () => (await provider.goto("/provider/payouts"), (await payouts.count()) ? payouts.textContent() : ""), { timeout: 20_000 })
      .toContain("Sent");
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/transfers")).toHaveLength(1);
    await expectAccessible(provider);
  }, 180_000);
});
