import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { doneMessage } from "~/done";
import * as root from "~/root";
import * as collectivePage from "~/routes/collective-purchases.$purchaseId";
import { joinCollective, openCollective } from "../factories/collective";
import { useTestDatabase } from "../factories/database";
import { createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

type Result = Response | { data: unknown; status: number };
const dataOf = <T>(r: Result) => (r instanceof Response ? null : (r.data as T));
const NOW = new Date();
const LATER = new Date(NOW.getTime() + 30 * 86_400_000);

describe("confirmation steps and outcome banners", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  const ctx = () => appContext(db());
  let lead: string;
  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 5 });
    lead = await sessionCookieFor(db(), world.lead.id, world.consortium.id);
  });

  const open = (minSchools: number) => openCollective(db(), world, { closesAt: LATER, minSchools, potPercentBps: 1_000 });
  const join = (purchaseId: string, members = world.members) => joinCollective(db(), world, purchaseId, { members });
  const page = (purchaseId: string, query = "") =>
    respond(() =>
      collectivePage.loader({ request: request(`/collective-purchases/${purchaseId}${query}`, { cookie: lead }), params: { purchaseId }, context: ctx() }),
    );
  const act = (purchaseId: string, form: Record<string, string>) =>
    respond(() =>
      collectivePage.action({
        request: request(`/collective-purchases/${purchaseId}?confirm=close`, { cookie: lead, form }),
        params: { purchaseId },
        context: ctx(),
      }),
    );

  it("says how much closing will charge, charges nothing until confirmed, and lands both clicks on one banner", async () => {
    const purchase = await open(3);
    await join(purchase.id);
    type Page = { confirm: { kind: string; preview: Record<string, unknown> } | null };
    expect(dataOf<Page>(await page(purchase.id))!.confirm).toBeNull();
    const asked = dataOf<Page>(await page(purchase.id, "?confirm=close"))!;
    // 5 schools at £750.00: £3,750.00, the pot pays 10% (£375.00); each school pays £675.00 + 20% VAT on the whole £750.00.
    expect(asked.confirm).toMatchObject({
      kind: "close",
      preview: {
        outcome: "confirm",
        schools: 5,
        unitPricePence: 75_000,
        totalPence: 375_000,
        potPence: 37_500,
        chargedPence: 5 * 82_500,
        invoiced: 5,
        recharged: 0,
      },
    });
    expect(await db().select().from(schema.orders).where(eq(schema.orders.collectivePurchaseId, purchase.id))).toEqual([]);

    const first = (await act(purchase.id, { intent: "close" })) as Response;
    const second = (await act(purchase.id, { intent: "close" })) as Response;
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe(`/collective-purchases/${purchase.id}?done=collectiveConfirmed`);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await db().select().from(schema.orders).where(eq(schema.orders.collectivePurchaseId, purchase.id))).toHaveLength(5);

    // The root reads the outcome and shows its sentence; an unknown outcome shows nothing.
    const rootData = dataOf<{ done: string | null }>(
      await respond(() => root.loader({ request: request(first.headers.get("Location")!, { cookie: lead }), params: {}, context: ctx() })),
    );
    expect(rootData?.done).toBe("The collective purchase is confirmed: every school that joined has been charged its share.");
    expect(doneMessage(new URL("http://x/?done=<script>"))).toBeNull();
    expect(doneMessage(new URL("http://x/?done=title"))).toBeNull();
  });

  it("warns that a purchase short of its minimum will be cancelled with nobody charged", async () => {
    const purchase = await open(5);
    await join(purchase.id, world.members.slice(0, 0));
    const asked = dataOf<{ confirm: { preview: Record<string, unknown> } }>(await page(purchase.id, "?confirm=close"))!;
    expect(asked.confirm.preview).toEqual({ outcome: "cancel", refusal: "too_few", joined: 0, minSchools: 5 });
    const done = (await act(purchase.id, { intent: "close" })) as Response;
    expect(done.headers.get("Location")).toBe(`/collective-purchases/${purchase.id}?done=collectiveCancelled`);
  });

  it("says what cancelling a confirmed purchase will credit and refund", async () => {
    const purchase = await open(3);
    await join(purchase.id);
    await act(purchase.id, { intent: "close" });
    const asked = dataOf<{ confirm: { kind: string; effect: Record<string, number> } }>(await page(purchase.id, "?confirm=cancel"))!;
    expect(asked.confirm).toMatchObject({ kind: "cancel", effect: { orders: 5, creditedPence: 5 * 82_500, potRefundPence: 37_500, paidByBankPence: 0 } });
    const refused = await act(purchase.id, { intent: "cancel", reason: "" });
    expect(refused.status).toBe(400);
    const done = (await act(purchase.id, { intent: "cancel", reason: "The trainer is unavailable" })) as Response;
    expect(done.headers.get("Location")).toBe(`/collective-purchases/${purchase.id}?done=collectiveCancelled`);
    const again = (await act(purchase.id, { intent: "cancel", reason: "The trainer is unavailable" })) as Response;
    expect(again.headers.get("Location")).toBe(done.headers.get("Location"));
  });
});
