import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { confirmDelivery } from "~/domain/delivery/confirm-delivery.server";
import { markDelivered } from "~/domain/delivery/mark-delivered.server";
import * as deliveryRoute from "~/routes/purchases.$orderId_.delivery";
import * as evaluationRoute from "~/routes/purchases.$orderId_.evaluation";
import { useTestDatabase } from "../factories/database";
import { createDeliveryWorld, createOrder, type DeliveryWorld } from "../factories/delivery";
import { addToConsortium, createConsortium } from "../factories/ledger";
import { createMember, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { rowCounts } from "../setup/rows";

const APP_URL = "http://localhost:3000";

// The rule: a school of another consortium cannot evaluate or see a delivered order, even
// in the same authority (other authorities are covered in delivery.test.ts).
describe("a delivered order and the schools of another consortium of the same authority", () => {
  const db = useTestDatabase();
  let world: DeliveryWorld;
  let outsider: { headId: string; schoolId: string; leadId: string; consortiumId: string };
  beforeAll(async () => {
    world = await createDeliveryWorld(db(), { schools: 2 });
    const consortium = await createConsortium(db(), world.authority.id);
    const lead = await createMember(db(), consortium, "consortium_lead");
    const { organisation: school } = await createSchool(db(), world.authority.id);
    await addToConsortium(db(), { authorityId: world.authority.id, consortiumId: consortium.id, schoolId: school.id });
    const head = await createMember(db(), school, "headteacher");
    outsider = { headId: head.id, schoolId: school.id, leadId: lead.id, consortiumId: consortium.id };
  });

  type Route = { loader: (args: never) => Promise<unknown>; action: (args: never) => Promise<unknown> };
  const get = (route: Route, path: string, params: Record<string, string>, cookie: string) =>
    respond(() => (route.loader as (args: unknown) => Promise<unknown>)({ request: request(path, { cookie }), params, context: appContext(db()) }));
  const post = (route: Route, path: string, params: Record<string, string>, cookie: string, form: Record<string, string | string[]>) =>
    respond(() => (route.action as (args: unknown) => Promise<unknown>)({ request: request(path, { cookie, form }), params, context: appContext(db()) }));

  /** How many rows every table an attempt could write to holds. */
  const written = () =>
    rowCounts(db(), {
      evaluations: schema.evaluations,
      evaluationRequests: schema.evaluationRequests,
      deliveryConfirmations: schema.deliveryConfirmations,
      impactFollowUps: schema.impactFollowUps,
      deliverySessions: schema.deliverySessions,
      sessionPlaces: schema.sessionPlaces,
      orderMilestones: schema.orderMilestones,
      offerRatings: schema.offerRatings,
      auditLog: schema.auditLog,
      outbox: schema.outbox,
    });

  const evaluationForms = (userId: string): Record<string, string>[] => [
    { intent: "evaluate", priorities: "Phonics", quality: "1", impact: "1", valueForMoney: "1", wouldRecommend: "no", comments: "" },
    { intent: "nameEvaluator", evaluatorId: userId },
    { intent: "signOff" },
    { intent: "question", question: "Why?" },
    { intent: "impact", outcome: "Phonics check", measure: "Pupils at the expected standard", baseline: "62%", followUp: "10%" },
  ];
  const deliveryForms: Record<string, string>[] = [
    { intent: "confirm" },
    { intent: "dispute", reason: "It never happened." },
    { intent: "addMilestone", title: "Extra" },
    { intent: "deliver" },
  ];

  const refusedEverything = async (orderId: string, userId: string, organisationId: string) => {
    const cookie = await sessionCookieFor(db(), userId, organisationId);
    const params = { orderId };
    const evaluationPath = `/purchases/${orderId}/evaluation`;
    const deliveryPath = `/purchases/${orderId}/delivery`;
    const before = await written();
    expect([403, 404]).toContain((await get(evaluationRoute, evaluationPath, params, cookie)).status);
    expect([403, 404]).toContain((await get(deliveryRoute, deliveryPath, params, cookie)).status);
    for (const form of evaluationForms(userId)) {
      expect([403, 404], JSON.stringify(form)).toContain((await post(evaluationRoute, evaluationPath, params, cookie, form)).status);
    }
    for (const form of deliveryForms) {
      expect([403, 404], JSON.stringify(form)).toContain((await post(deliveryRoute, deliveryPath, params, cookie, form)).status);
    }
    expect(await written()).toEqual(before);
  };

  it("the head of a school of another consortium can neither see it nor evaluate it, before or after the school confirms it", async () => {
    const order = await createOrder(db(), world, 0);
    const provider = await world.actor(world.providerAdmin);
    await markDelivered(db(), { actor: provider, authorityId: world.authority.id, orderId: order.id, appUrl: APP_URL });
    await refusedEverything(order.id, outsider.headId, outsider.schoolId);

    // Confirmed by its own school, the order is open to evaluation: still not to the other consortium's head.
    await confirmDelivery(db(), { actor: await world.actor(world.members[0].head), authorityId: world.authority.id, orderId: order.id });
    await refusedEverything(order.id, outsider.headId, outsider.schoolId);
  });

  it("nor can the other consortium's lead", async () => {
    const order = await createOrder(db(), world, 1, { status: "delivered", deliveredAt: new Date() });
    await refusedEverything(order.id, outsider.leadId, outsider.consortiumId);
  });

  it("while the order's own head still can (the refusals above are about who, not about the order)", async () => {
    const order = await createOrder(db(), world, 1, { status: "delivered", deliveredAt: new Date() });
    const cookie = await sessionCookieFor(db(), world.members[1].head.id, world.members[1].school.id);
    expect((await get(evaluationRoute, `/purchases/${order.id}/evaluation`, { orderId: order.id }, cookie)).status).toBe(200);
    expect((await get(deliveryRoute, `/purchases/${order.id}/delivery`, { orderId: order.id }, cookie)).status).toBe(200);
  });
});
