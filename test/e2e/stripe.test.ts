// A school pays an invoice by card against a local stand-in for Stripe: the built app started
// with STRIPE_* pointing at it, the hosted page answered by the stand-in, the webhook signed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../mocks/stripe";
import { startBuiltServer, type BuiltServer } from "../setup/built-server";
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
    await sbm.getByRole("button", { name: `Pay £${due}` }).click();

    await sbm.waitForURL(/\/payments\/[0-9a-f-]{36}\/success/);
    await expectLocator(sbm.getByTestId("payment-outcome"), { timeout: 20_000 }).toContainText("We have received");
    await expectAccessible(sbm);
    await sbm.screenshot({ path: "/tmp/stripe-paid.png", fullPage: true });
    await sbm.getByRole("link", { name: "Go to the invoice" }).click();
    await expectLocator(sbm.locator("main")).toContainText("Paid through Stripe");
    await expectLocator(sbm.locator("main")).toContainText("Paid");
    await expectAccessible(sbm);
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
    expect(await csv.text()).toMatch(/stripe,matched,ch_test_/);
  }, 60_000);
});
