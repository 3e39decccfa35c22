import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { loadReconciliation } from "~/domain/payments/reconciliation.server";
import { requestRefund } from "~/domain/payments/refund.server";
import { recordPayment } from "~/domain/purchasing/record-payment.server";
import * as csvRoute from "~/routes/finance.reconciliation[.]csv";
import * as page from "~/routes/finance.reconciliation";
import * as deliveryRoute from "~/routes/purchases.$orderId_.delivery";
import { actorFor } from "../factories/purchasing";
import { enableProviderPayouts, invoicedOrder, openCheckout, useStripeWorld } from "../factories/stripe";
import { request, respond, sessionCookieFor, TEST_ORIGIN } from "../setup/context";

type Invoiced = Awaited<ReturnType<typeof invoicedOrder>>;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);
const range = { from: day(-1), to: day(1) };

describe("reconciliation: the ledger against Stripe's balance and the authority's bank statement", () => {
  const { db, bed, world } = useStripeWorld(3);
  let financeCookie: string;

  beforeAll(async () => {
    await enableProviderPayouts(db(), bed(), world());
    financeCookie = await sessionCookieFor(db(), world().finance.id, world().office.id);
  });

  const finance = () => actorFor(db(), world().finance, world().authority.id);
  const reconciliation = async () => loadReconciliation(db(), bed().stripe, { actor: await finance(), authorityId: world().authority.id, range });
  const payByCard = async ({ invoice, actor }: Invoiced) => {
    const row = await openCheckout(db(), bed(), { actor, authorityId: world().authority.id, invoiceId: invoice.id });
    for (const e of bed().fake.complete(row.sessionId!, "card")) expect((await bed().deliver(e)).status).toBe(200);
    return (await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.id, row.id)))[0];
  };
  const payByBank = async ({ invoice }: Invoiced, amountPence = invoice.grossPence) =>
    recordPayment(db(), {
      actor: await finance(),
      authorityId: world().authority.id,
      invoiceId: invoice.id,
      amountPence,
      bankReference: `BACS ${invoice.number}`,
      receivedOn: today,
      idempotencyKey: randomUUID(),
    });
  const postDelivery = async (o: Invoiced, who: "provider" | "school") => {
    const cookie =
      who === "provider" ? await sessionCookieFor(db(), world().providerAdmin.id, world().provider.id) : await sessionCookieFor(db(), o.head.id, o.school.id);
    const response = await respond(() =>
      deliveryRoute.action({
        request: request(`/purchases/${o.order.id}/delivery`, { cookie, form: { intent: who === "provider" ? "deliver" : "confirm" } }),
        params: { orderId: o.order.id },
        context: bed().context(),
      }),
    );
    expect(response.status).toBe(303);
  };
  /** Finance uploads a statement file through the page's form, as the browser posts it. */
  const upload = async (csv: string, { cookie = financeCookie, name = "statement.csv" } = {}) => {
    const form = new FormData();
    form.set("file", new File([csv], name, { type: "text/csv" }));
    return respond(() =>
      page.action({
        request: new Request(new URL("/finance/reconciliation", TEST_ORIGIN), { method: "POST", body: form, headers: { Cookie: cookie, Origin: TEST_ORIGIN } }),
        params: {},
        context: bed().context(),
      }),
    );
  };
  const reconciliationCsv = (from = range.from, to = range.to) =>
    respond(() =>
      csvRoute.loader({
        request: request(`/finance/reconciliation.csv?from=${from}&to=${to}`, { cookie: financeCookie }),
        params: {},
        context: bed().context(),
      }),
    );
  const statementCount = async () =>
    (await db().select().from(schema.bankStatementLines).where(eq(schema.bankStatementLines.authorityId, world().authority.id))).length;
  const pounds = (pence: number) => (pence / 100).toFixed(2);

  it("card payments, a refund, a provider's transfer and a bank payment all go through: no difference on either side, and the CSV says so", async () => {
    // Paid by card, delivered and confirmed: the provider's share goes out by transfer.
    const delivered = await invoicedOrder(db(), world(), 0);
    await payByCard(delivered);
    await postDelivery(delivered, "provider");
    await postDelivery(delivered, "school");
    await bed().runOutbox();
    // Paid by card, then partly refunded by finance: the refund is sent by the outbox and recorded from the webhook.
    const refunded = await invoicedOrder(db(), world(), 1);
    const checkout = await payByCard(refunded);
    await requestRefund(db(), {
      actor: await finance(),
      authorityId: world().authority.id,
      checkoutId: checkout.id,
      amountPence: 500,
      reason: "One delegate fewer",
      idempotencyKey: randomUUID(),
      stripeEnabled: true,
    });
    await bed().runOutbox();
    for (const e of bed().fake.events.filter((e) => e.type === "charge.refunded" || e.type === "transfer.created")) await bed().deliver(e);
    // Paid by bank transfer quoting the invoice number, as the bank shortens it.
    const byBank = await invoicedOrder(db(), world(), 2);
    await payByBank(byBank);

    const statement = [
      "Date,Description,Amount",
      `${today.split("-").reverse().join("/")},"FASTER PAYMENT ${byBank.invoice.number.replace(/-/g, "")} ${byBank.school.name.toUpperCase().slice(0, 18)}",${pounds(byBank.invoice.grossPence)}`,
      `${today},DIRECT DEBIT WATER RATES,-120.50`,
    ].join("\n");
    const uploaded = await upload(statement);
    expect(uploaded.status).toBe(303);
    const location = (uploaded as Response).headers.get("Location")!;
    expect(location).toMatch(/^\/finance\/reconciliation\?from=.*&uploaded=[0-9a-f-]{36}$/);

    const view = await reconciliation();
    expect(view.stripe.state).toBe("ok");
    const stripeSide = view.stripe.state === "ok" ? view.stripe.result : null;
    expect(stripeSide).toMatchObject({ amountDiffers: [], onlyInLedger: [], onlyExternal: [] });
    const references = stripeSide!.matched.map((m) => m.ledger.reference);
    expect(references.filter((r) => r.startsWith("ch_test_"))).toHaveLength(2);
    expect(references.filter((r) => r.startsWith("re_test_"))).toHaveLength(1);
    expect(references.filter((r) => r.startsWith("tr_test_"))).toHaveLength(1);
    // Stripe's fee on each card payment, matched with the ledger's fee entry by its balance transaction.
    expect(references.filter((r) => r.startsWith("txn_"))).toHaveLength(2);
    expect(stripeSide!.matched.find((m) => m.ledger.reference.startsWith("re_test_"))!.ledger.amountPence).toBe(-500);
    expect(view.bank).toMatchObject({ amountDiffers: [], onlyInLedger: [], onlyExternal: [] });
    expect(view.bank.matched.map((m) => [m.ledger.reference, m.external.amountPence])).toEqual([[byBank.invoice.number, byBank.invoice.grossPence]]);
    expect(view.bankUnmatched.map((l) => [l.reference, l.amountPence])).toEqual([["DIRECT DEBIT WATER RATES", -12050]]);

    // The page's banner says what was read; the CSV lists no difference.
    const shown = await respond(() => page.loader({ request: request(location, { cookie: financeCookie }), params: {}, context: bed().context() }));
    expect(shown.status).toBe(200);
    expect((shown as { data: { uploaded: { read: number; added: number; alreadyHeld: number } } }).data.uploaded).toMatchObject({
      read: 2,
      added: 2,
      alreadyHeld: 0,
    });
    const csv = (await reconciliationCsv()) as Response;
    expect(csv.status).toBe(200);
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    // What each line is, in words, as the page says it.
    expect(new Set(rows.map((r) => r.What))).toEqual(new Set(["Matched", "Not ours or not matched"]));
    // Two payments, their two fees, the refund, the transfer (Stripe), and the bank payment.
    expect(rows.filter((r) => r.What === "Matched")).toHaveLength(7);
    expect(rows.every((r) => r.What !== "Matched" || Number(r["Difference GBP"]) === 0)).toBe(true);

    // The same statement again: every line already held, nothing counted twice; each upload audited.
    const again = await upload(statement);
    expect(again.status).toBe(303);
    expect(await statementCount()).toBe(2);
    expect((await reconciliation()).bank.matched).toHaveLength(1);
    const audits = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.authorityId, world().authority.id), eq(schema.auditLog.action, "bank_statement.uploaded")));
    expect(audits.map((a) => (a.after as { added: number; alreadyHeld: number }).added)).toEqual([2, 0]);
    expect(audits[1].actorUserId).toBe(world().finance.id);
  });

  it("a bank payment with no statement line, one of another amount, and money quoting an invoice with no payment recorded are listed as differences", async () => {
    const missing = await invoicedOrder(db(), world(), 0);
    const different = await invoicedOrder(db(), world(), 1);
    const unrecorded = await invoicedOrder(db(), world(), 2);
    await payByBank(missing);
    await payByBank(different);
    // Two equal lines on one day are two payments, both kept.
    const csv = [
      "Transaction date,Reference,Paid in,Paid out",
      `${today},${different.invoice.number},${pounds(different.invoice.grossPence - 100)},`,
      `${today},${unrecorded.invoice.number} part,10.00,`,
      `${today},${unrecorded.invoice.number} part,10.00,`,
    ].join("\n");
    expect((await upload(csv)).status).toBe(303);
    const view = await reconciliation();
    expect(view.bank.onlyInLedger.map((l) => l.reference)).toEqual([missing.invoice.number]);
    expect(view.bank.amountDiffers.map((d) => [d.ledger.reference, d.differencePence])).toEqual([[different.invoice.number, -100]]);
    expect(view.bank.onlyExternal.map((x) => [x.reference, x.amountPence])).toEqual([[unrecorded.invoice.number, 2000]]);

    const csvResponse = (await reconciliationCsv()) as Response;
    const rows = parse(await csvResponse.text(), { bom: true, columns: true }) as Record<string, string>[];
    // Differences come first.
    expect(rows.slice(0, 3).map((r) => [r.What, r.Reference])).toEqual([
      ["Amounts differ", different.invoice.number],
      ["Only in the ledger", missing.invoice.number],
      ["Only in Stripe or the bank", unrecorded.invoice.number],
    ]);
  });

  it("when Stripe cannot be reached, the page says so and matches the bank statement alone, and its CSV is refused with 503 until Stripe answers", async () => {
    const unmatched = await invoicedOrder(db(), world(), 0);
    await payByBank(unmatched);
    // Every attempt of the client's first request fails (it tries three times): Stripe is down.
    bed().fake.failNext(3);
    const answer = await respond(() =>
      page.loader({
        request: request(`/finance/reconciliation?from=${range.from}&to=${range.to}`, { cookie: financeCookie }),
        params: {},
        context: bed().context(),
      }),
    );
    expect(answer.status).toBe(200);
    const { view } = (answer as { data: { view: Awaited<ReturnType<typeof loadReconciliation>> } }).data;
    expect(view.stripe).toEqual({ state: "unreachable" });
    expect(view.bank.onlyInLedger.map((l) => l.reference)).toContain(unmatched.invoice.number);

    // The file is not given without Stripe's side, which it would leave out without a word.
    bed().fake.failNext(3);
    const refused = (await reconciliationCsv()) as Response;
    expect(refused.status).toBe(503);
    expect(refused.headers.get("Content-Type")).toMatch(/^text\/plain/);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(await refused.text()).toBe(
      "Stripe could not be reached just now, so the file would leave out the payments made through Stripe. Try again in a minute.\n",
    );

    // Stripe answers again: the page and the file have its side once more.
    expect((await reconciliation()).stripe.state).toBe("ok");
    const csvResponse = (await reconciliationCsv()) as Response;
    expect(csvResponse.status).toBe(200);
    const rows = parse(await csvResponse.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.Reference === unmatched.invoice.number)?.What).toBe("Only in the ledger");
  });

  it("a bad file is refused by its field with the line at fault, and nothing is written", async () => {
    const before = await statementCount();
    const bad = await upload(["Date,Reference,Amount", `${today},ARD-2026-000001,12.00`, "31/02/2026,x,1.00", `${today},y,twelve`].join("\n"));
    expect(bad.status).toBe(400);
    const message = (bad as { data: { errors: Record<string, string[]> } }).data.errors.file![0];
    expect(message).toContain("Line 3: “31/02/2026” is not a date");
    expect(message).toContain("Line 4: “twelve” is not an amount of pounds");
    const noColumns = await upload("When,What\n2026-01-01,x\n");
    expect((noColumns as { data: { errors: Record<string, string[]> } }).data.errors.file![0]).toContain(
      "The file needs a column for each of: date, reference or description, amount (or paid in)",
    );
    expect((await upload("")).status).toBe(400);
    expect(await statementCount()).toBe(before);
  });

  it("keeps the statement and the reconciliation to finance, and refuses bad dates with 400", async () => {
    const head = await sessionCookieFor(db(), world().members[0].head.id, world().members[0].school.id);
    expect((await upload("Date,Reference,Amount\n2026-01-01,x,1.00\n", { cookie: head })).status).toBe(403);
    const headView = await respond(() => page.loader({ request: request("/finance/reconciliation", { cookie: head }), params: {}, context: bed().context() }));
    expect(headView.status).toBe(403);

    const bad = await respond(() =>
      page.loader({
        request: request(`/finance/reconciliation?fromDay=31&fromMonth=2&fromYear=2026&to=${today}`, { cookie: financeCookie }),
        params: {},
        context: bed().context(),
      }),
    );
    expect(bad.status).toBe(400);
    expect((bad as { data: { errors: Record<string, string[]>; view: unknown } }).data).toMatchObject({
      errors: { from: ["Enter the start date as a real date, for example 27/03/2026"] },
      view: null,
    });
    const backwards = await reconciliationCsv("2026-03-02", "2026-03-01");
    expect(backwards.status).toBe(400);
    // By default, the last 30 days.
    const plain = await respond(() =>
      page.loader({ request: request("/finance/reconciliation", { cookie: financeCookie }), params: {}, context: bed().context() }),
    );
    expect((plain as { data: { view: { range: { from: string; to: string } } } }).data.view.range.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
