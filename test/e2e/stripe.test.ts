// A school pays an invoice by card against a local stand-in for Stripe: the built app started
// with STRIPE_* pointing at it, the hosted page answered by the stand-in, the webhook signed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../mocks/stripe";
import { startBuiltServer, type BuiltServer } from "../setup/built-server";
import { parse } from "csv-parse/sync";
import { expectAccessible, expectLocator, launchBrowser } from "./browser";

const PASSWORD = "demo-county-2026";
const TITLE = "Bespoke school data pack";

describe("paying by card through Stripe", () => {
  let fake: FakeStripe;
  let server: BuiltServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    fake = await startFakeStripe();
    dataDir = mkdtempSync(join(tmpdir(), "marketplace-stripe-"));
    server = await startBuiltServer({
      DEMO: "true",
      DEMO_PASSWORD: PASSWORD,
      DATA_DIR: join(dataDir, "pglite"),
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_URL: fake.url,
      OUTBOX_INTERVAL_MS: "100",
    });
    fake.webhookUrl = `${server.url}/webhooks/stripe`;
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function as(email: string, { javaScript = true } = {}): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
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
    await sbm.screenshot({ path: "/tmp/stripe-buy.png", fullPage: true });
    await expectAccessible(sbm);
    await sbm.getByRole("button", { name: "Continue" }).click();
    await sbm.getByRole("button", { name: "Confirm and buy" }).click();

    await sbm.getByRole("heading", { name: /^Pay invoice ARD-/ }).waitFor();
    await expectAccessible(sbm);
    await sbm.screenshot({ path: "/tmp/stripe-pay.png", fullPage: true });
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
    await sbm.screenshot({ path: "/tmp/stripe-paid.png", fullPage: true });
    await sbm.getByRole("link", { name: "Go to the invoice" }).click();
    await expectLocator(sbm.locator("main")).toContainText("Paid through Stripe");
    await expectLocator(sbm.locator("main")).toContainText("Paid");
    await expectAccessible(sbm);
  }, 120_000);

  /** The school business manager buys the offer to pay online and goes through to Stripe's page; returns the page and the amount. */
  async function buyAndOpenStripe() {
    const sbm = await as("sbm@arden.demo");
    await sbm.goto(`/catalogue?q=${encodeURIComponent(TITLE)}`);
    await sbm.getByRole("link", { name: TITLE, exact: true }).first().click();
    await sbm.getByRole("button", { name: "Buy for your school" }).click();
    await sbm.getByRole("radio", { name: "Card or bank debit" }).check();
    await sbm.getByRole("button", { name: "Continue" }).click();
    await sbm.getByRole("button", { name: "Confirm and buy" }).click();
    await sbm.getByRole("heading", { name: /^Pay invoice ARD-/ }).waitFor();
    const invoiceUrl = sbm.url().replace(/\/pay$/, "");
    const due = await sbm.getByLabel("Amount to pay").inputValue();
    await sbm.getByRole("button", { name: "Continue to payment" }).click();
    await sbm.getByRole("heading", { name: `Pay £${due}` }).waitFor({ timeout: 20_000 });
    return { sbm, due, invoiceUrl };
  }
  const latestSession = () => [...fake.objects.values()].filter((o) => o.object === "checkout.session").at(-1)!.id;

  it("pays by Bacs Direct Debit: on its way at first, paid when the debit succeeds", async () => {
    const { sbm, due, invoiceUrl } = await buyAndOpenStripe();
    await sbm.getByRole("button", { name: `Pay £${due} by Bacs Direct Debit` }).click();
    await expectLocator(sbm.getByTestId("payment-outcome"), { timeout: 20_000 }).toContainText("is on its way");
    await sbm.screenshot({ path: "/tmp/stripe-bacs-processing.png", fullPage: true });
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
    await sbm.screenshot({ path: "/tmp/stripe-bacs-failed.png", fullPage: true });
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
    await finance.screenshot({ path: "/tmp/stripe-reconciliation.png", fullPage: true });
    const csv = await finance.request.get("/finance/reconciliation.csv");
    expect(csv.status()).toBe(200);
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    const stripeRows = rows.filter((r) => r.Source === "stripe");
    expect(stripeRows.filter((r) => r.Reference.startsWith("ch_test_")).length).toBeGreaterThanOrEqual(2);
    // Card and Bacs alike: every Stripe line matched, none differs.
    expect(stripeRows.every((r) => r.What === "matched")).toBe(true);
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
    await finance.screenshot({ path: "/tmp/stripe-reconciliation-statement.png", fullPage: true });
  }, 60_000);
});
