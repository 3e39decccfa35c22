import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { cancelOrder } from "~/domain/purchasing/cancel-order.server";
import * as invoicePage from "~/routes/invoices.$invoiceId";
import * as orderPage from "~/routes/purchases.$orderId";
import { useTestDatabase } from "../factories/database";
import { actorFor, financeRecordsPayment, createPurchasingWorld, schoolBuys } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

type Result = Response | { data: unknown; status: number };
const dataOf = <T>(r: Result) => (r instanceof Response ? null : (r.data as T));
type Balance = { grossPence: number; creditedPence: number; paidPence: number; duePence: number; owedBackPence: number };

describe("credited invoices and cancelled orders say what is due now", () => {
  const db = useTestDatabase();

  it("an unpaid invoice credited in full asks for nothing; a paid one credited is owed back", async () => {
    const world = await createPurchasingWorld(db(), { schools: 1 });
    const { school, head } = world.members[0];
    const actor = await actorFor(db(), head, world.authority.id);
    const cookie = await sessionCookieFor(db(), head.id, school.id);
    const ctx = appContext(db());
    const place = (key: string) => schoolBuys(db(), world, world.members[0], { idempotencyKey: key });
    const views = async (orderId: string) => {
      const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, orderId));
      const order = dataOf<{ order: { balance: Balance } }>(
        await respond(() => orderPage.loader({ request: request(`/purchases/${orderId}`, { cookie }), params: { orderId }, context: ctx })),
      )!;
      const inv = dataOf<{ invoice: { balance: Balance; creditNotes: { number: string }[] } }>(
        await respond(() => invoicePage.loader({ request: request(`/invoices/${invoice.id}`, { cookie }), params: { invoiceId: invoice.id }, context: ctx })),
      )!;
      return { invoice, order: order.order.balance, page: inv.invoice };
    };

    const { order } = await place("credit-1");
    expect((await views(order.id)).order.duePence).toBe(108_000);
    await cancelOrder(db(), { actor, authorityId: world.authority.id, orderId: order.id });
    const credited = await views(order.id);
    expect(credited.order).toMatchObject({ duePence: 0, creditedPence: 108_000, owedBackPence: 0 });
    expect(credited.page.balance).toMatchObject({ grossPence: 108_000, creditedPence: 108_000, duePence: 0 });
    expect(credited.page.creditNotes).toHaveLength(1);

    const { order: paidOrder } = await place("credit-2");
    const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, paidOrder.id));
    await financeRecordsPayment(db(), world, invoice, { amountPence: 108_000, receivedOn: "2026-01-06", idempotencyKey: "credit-pay-2" });
    await cancelOrder(db(), { actor, authorityId: world.authority.id, orderId: paidOrder.id });
    expect((await views(paidOrder.id)).page.balance).toMatchObject({ paidPence: 108_000, creditedPence: 108_000, duePence: 0, owedBackPence: 108_000 });
  });
});
