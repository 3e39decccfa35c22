import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { disputeDelivery } from "~/domain/delivery/dispute-delivery.server";
import { recordImpact } from "~/domain/delivery/record-impact.server";
import { submitEvaluation } from "~/domain/delivery/submit-evaluation.server";
import * as deliveryRoute from "~/routes/purchases.$orderId_.delivery";
import * as evaluationRoute from "~/routes/purchases.$orderId_.evaluation";
import * as disputesRoute from "~/routes/delivery.disputes";
import * as authorityImpactRoute from "~/routes/authority.impact";
import * as purchaseNew from "~/routes/purchases.new";
import { useTestDatabase } from "../factories/database";
import { createDeliveryWorld, createOrder, type DeliveryWorld } from "../factories/delivery";
import { createMember } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

const APP_URL = "http://localhost:3000";
type Result = Response | { data: unknown; status: number };
type Route = { loader?: (args: never) => Promise<unknown>; action?: (args: never) => Promise<unknown> };
const locationOf = (r: Result) => (r instanceof Response ? r.headers.get("Location") : null);
const dataOf = <T>(r: Result) => (r instanceof Response ? null : (r.data as T));
const goodEvaluation = { priorities: "Reading for pleasure", quality: 4, impact: 3, valueForMoney: 3, wouldRecommend: true, comments: "" };

// The delivery journeys the issue names that delivery.test.ts does not walk: a programme delivered
// milestone by milestone, an evaluator the head names, the disputes and impact views, and the
// question a school is asked before buying the same offer again.
describe("delivery journeys", () => {
  const db = useTestDatabase();
  let world: DeliveryWorld;
  beforeAll(async () => {
    world = await createDeliveryWorld(db(), { schools: 4 });
  });

  const cookieFor = (userId: string, organisationId: string) => sessionCookieFor(db(), userId, organisationId);
  const post = (route: Route, path: string, params: Record<string, string>, cookie: string, form: Record<string, string>) =>
    respond(() => (route.action as (args: unknown) => Promise<unknown>)({ request: request(path, { cookie, form }), params, context: appContext(db()) }));
  const get = (route: Route, path: string, params: Record<string, string>, cookie: string) =>
    respond(() => (route.loader as (args: unknown) => Promise<unknown>)({ request: request(path, { cookie }), params, context: appContext(db()) }));
  const auditOf = async (orderId: string) =>
    (
      await db()
        .select({ action: schema.auditLog.action, actor: schema.auditLog.actorUserId })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entityType, "order"), eq(schema.auditLog.entityId, orderId)))
        .orderBy(asc(schema.auditLog.id))
    ).map((r) => r.action);
  const statusOf = async (orderId: string) =>
    (await db().select({ status: schema.orders.status }).from(schema.orders).where(eq(schema.orders.id, orderId)))[0].status;

  it("delivers a programme milestone by milestone: the provider marks each part, the school confirms each, then the order is delivered", async () => {
    const order = await createOrder(db(), world, 0);
    const path = `/purchases/${order.id}/delivery`;
    const params = { orderId: order.id };
    const provider = await cookieFor(world.providerAdmin.id, world.provider.id);
    const head = await cookieFor(world.members[0].head.id, world.members[0].school.id);
    const parts = ["Visit 1: audit of phonics teaching", "Visit 2: coaching in class", "Visit 3: review with leaders"];
    for (const title of parts)
      expect(locationOf(await post(deliveryRoute, path, params, provider, { intent: "addMilestone", title }))).toBe(`${path}?done=milestoneAdded`);
    const milestones = await db()
      .select()
      .from(schema.orderMilestones)
      .where(eq(schema.orderMilestones.orderId, order.id))
      .orderBy(asc(schema.orderMilestones.position));
    expect(milestones.map((m) => [m.position, m.title])).toEqual(parts.map((title, i) => [i + 1, title]));

    // The school cannot add parts nor mark one delivered; the provider cannot confirm for the school.
    expect((await post(deliveryRoute, path, params, head, { intent: "addMilestone", title: "Extra" })).status).toBe(403);
    expect((await post(deliveryRoute, path, params, head, { intent: "deliverMilestone", milestoneId: milestones[0].id })).status).toBe(403);
    // Nothing delivered yet: the school has nothing to confirm, and the order cannot be marked delivered.
    expect((await post(deliveryRoute, path, params, head, { intent: "confirmMilestone", milestoneId: milestones[0].id })).status).toBe(409);
    expect((await post(deliveryRoute, path, params, provider, { intent: "deliver" })).status).toBe(409);

    for (const [i, milestone] of milestones.entries()) {
      expect(locationOf(await post(deliveryRoute, path, params, provider, { intent: "deliverMilestone", milestoneId: milestone.id }))).toBe(
        `${path}?done=milestoneDelivered`,
      );
      expect((await post(deliveryRoute, path, params, provider, { intent: "confirmMilestone", milestoneId: milestone.id })).status).toBe(403);
      expect(locationOf(await post(deliveryRoute, path, params, head, { intent: "confirmMilestone", milestoneId: milestone.id }))).toBe(
        `${path}?done=milestoneConfirmed`,
      );
      // A second click changes nothing.
      await post(deliveryRoute, path, params, head, { intent: "confirmMilestone", milestoneId: milestone.id });
      const page = dataOf<{ milestones: { id: string; deliveredAt: unknown; confirmedAt: unknown }[] }>(await get(deliveryRoute, path, params, head));
      expect(page?.milestones.map((m) => [Boolean(m.deliveredAt), Boolean(m.confirmedAt)])).toEqual(
        milestones.map((_, j) => (j <= i ? [true, true] : [false, false])),
      );
      // Until the last part is delivered, the order is not.
      if (i < milestones.length - 1) {
        expect((await post(deliveryRoute, path, params, provider, { intent: "deliver" })).status).toBe(409);
        expect(await statusOf(order.id)).toBe("confirmed");
      }
    }
    const rows = await db().select().from(schema.orderMilestones).where(eq(schema.orderMilestones.orderId, order.id));
    expect(rows.every((m) => m.deliveredBy === world.providerAdmin.id && m.confirmedBy === world.members[0].head.id)).toBe(true);

    expect(locationOf(await post(deliveryRoute, path, params, provider, { intent: "deliver" }))).toBe(`${path}?done=orderDelivered`);
    expect(await statusOf(order.id)).toBe("delivered");
    // Once delivered, no more parts can be added.
    expect((await post(deliveryRoute, path, params, provider, { intent: "addMilestone", title: "Visit 4" })).status).toBe(409);
    expect(await auditOf(order.id)).toEqual([
      ...parts.map(() => "delivery.milestone_added"),
      ...parts.flatMap(() => ["delivery.milestone_delivered", "delivery.milestone_confirmed"]),
      "order.delivered",
    ]);
  });

  it("lets the person the head names evaluate the order, and nobody else of the school", async () => {
    const order = await createOrder(db(), world, 1, { status: "delivered", deliveredAt: new Date() });
    const school = world.members[1].school;
    const deputy = await createMember(db(), school, "school_business_manager");
    const colleague = await createMember(db(), school, "school_business_manager");
    const path = `/purchases/${order.id}/evaluation`;
    const params = { orderId: order.id };
    const form = { intent: "evaluate", priorities: "Phonics", quality: "3", impact: "3", valueForMoney: "4", wouldRecommend: "yes", comments: "Useful." };
    const deputyCookie = await cookieFor(deputy.id, school.id);
    expect((await post(evaluationRoute, path, params, deputyCookie, form)).status).toBe(403);
    // Only the head names the evaluator.
    expect((await post(evaluationRoute, path, params, deputyCookie, { intent: "nameEvaluator", evaluatorId: deputy.id })).status).toBe(403);

    const headCookie = await cookieFor(world.members[1].head.id, school.id);
    expect(locationOf(await post(evaluationRoute, path, params, headCookie, { intent: "nameEvaluator", evaluatorId: deputy.id }))).toBe(
      `${path}?done=evaluatorNamed`,
    );
    const [asked] = await db()
      .select({ n: count() })
      .from(schema.outbox)
      .where(and(eq(schema.outbox.recipient, deputy.email.toLowerCase()), eq(schema.outbox.topic, "delivered-please-evaluate")));
    expect(asked.n).toBe(1);
    expect((await post(evaluationRoute, path, params, await cookieFor(colleague.id, school.id), form)).status).toBe(403);

    expect(locationOf(await post(evaluationRoute, path, params, deputyCookie, form))).toBe(`${path}?done=evaluationSubmitted`);
    const [evaluation] = await db().select().from(schema.evaluations).where(eq(schema.evaluations.orderId, order.id));
    expect(evaluation).toMatchObject({ evaluatorId: deputy.id, schoolId: school.id, quality: 3, impact: 3, valueForMoney: 4, wouldRecommend: true });
    expect(await auditOf(order.id)).toContain("evaluation.evaluator_named");
    const submitted = await db()
      .select({ actor: schema.auditLog.actorUserId })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "evaluation.submitted"), eq(schema.auditLog.authorityId, world.authority.id)));
    expect(submitted.map((r) => r.actor)).toEqual([deputy.id]);
  });

  it("shows delivery disputes to the authority's commissioners and finance, listing only disputed orders of the authority", async () => {
    const local = await createDeliveryWorld(db(), { schools: 3 });
    const disputed = await createOrder(db(), local, 0, { status: "delivered", deliveredAt: new Date() });
    const confirmedOrder = await createOrder(db(), local, 1, { status: "delivered", deliveredAt: new Date() });
    await createOrder(db(), local, 2, { status: "delivered", deliveredAt: new Date() });
    await disputeDelivery(db(), {
      actor: await local.actor(local.members[0].head),
      authorityId: local.authority.id,
      orderId: disputed.id,
      reason: "Only one of the two training days took place.",
    });
    await post(
      deliveryRoute,
      `/purchases/${confirmedOrder.id}/delivery`,
      { orderId: confirmedOrder.id },
      await cookieFor(local.members[1].head.id, local.members[1].school.id),
      {
        intent: "confirm",
      },
    );
    // A dispute in another authority stays there.
    const elsewhere = await createDeliveryWorld(db(), { schools: 1 });
    const foreign = await createOrder(db(), elsewhere, 0, { status: "delivered", deliveredAt: new Date() });
    await disputeDelivery(db(), {
      actor: await elsewhere.actor(elsewhere.members[0].head),
      authorityId: elsewhere.authority.id,
      orderId: foreign.id,
      reason: "Elsewhere.",
    });

    const expected = [
      {
        orderId: disputed.id,
        schoolName: local.members[0].school.name,
        providerName: local.provider.name,
        reason: "Only one of the two training days took place.",
        disputedBy: local.members[0].head.name,
        netPence: 90_000,
      },
    ];
    for (const viewer of [local.commissioner, local.finance]) {
      const seen = dataOf<{ disputes: Record<string, unknown>[] }>(
        await get(disputesRoute, "/delivery/disputes", {}, await cookieFor(viewer.id, local.office.id)),
      );
      expect(seen?.disputes).toEqual([expect.objectContaining(expected[0])]);
    }
    const admin = await createMember(db(), local.office, "la_admin");
    const refused: [string, string][] = [
      [local.members[0].head.id, local.members[0].school.id],
      [local.providerAdmin.id, local.provider.id],
      [local.lead.id, local.consortium.id],
      [local.adviser.id, local.office.id],
      [admin.id, local.office.id],
    ];
    for (const [userId, organisationId] of refused) {
      expect((await get(disputesRoute, "/delivery/disputes", {}, await cookieFor(userId, organisationId))).status, userId).toBe(403);
    }
  });

  it("shows the authority's impact follow-ups, offer by offer, to its officers and advisers only", async () => {
    const local = await createDeliveryWorld(db(), { schools: 2 });
    const followUps = [
      { outcome: "Phonics check", measure: "Pupils at the expected standard", baseline: "62%", followUp: "74%" },
      { outcome: "Reading age", measure: "Pupils reading at their age", baseline: "55%", followUp: "61%" },
    ];
    for (const [i, impact] of followUps.entries()) {
      const order = await createOrder(db(), local, i, { status: "delivered", deliveredAt: new Date() });
      const actor = await local.actor(local.members[i].head);
      await submitEvaluation(db(), { actor, authorityId: local.authority.id, orderId: order.id, evaluation: goodEvaluation, appUrl: APP_URL });
      await recordImpact(db(), { actor, authorityId: local.authority.id, orderId: order.id, impact, now: new Date(Date.UTC(2026, 3, 1 + i)) });
    }
    const elsewhere = await createDeliveryWorld(db(), { schools: 1 });
    const foreign = await createOrder(db(), elsewhere, 0, { status: "delivered", deliveredAt: new Date() });
    const foreignHead = await elsewhere.actor(elsewhere.members[0].head);
    await submitEvaluation(db(), { actor: foreignHead, authorityId: elsewhere.authority.id, orderId: foreign.id, evaluation: goodEvaluation, appUrl: APP_URL });
    await recordImpact(db(), {
      actor: foreignHead,
      authorityId: elsewhere.authority.id,
      orderId: foreign.id,
      impact: { outcome: "Elsewhere", measure: "x", baseline: "1", followUp: "2" },
    });

    const [{ title }] = await db()
      .select({ title: schema.offerRevisions.title })
      .from(schema.offerRevisions)
      .where(eq(schema.offerRevisions.id, local.offer.liveRevisionId));
    const admin = await createMember(db(), local.office, "la_admin");
    for (const viewer of [local.commissioner, local.adviser, admin]) {
      const page = dataOf<{ impact: Record<string, unknown>[] }>(
        await get(authorityImpactRoute, "/authority/impact", {}, await cookieFor(viewer.id, local.office.id)),
      );
      // Newest first, each with its school, the offer and the measure moved.
      expect(page?.impact).toEqual(
        [...followUps.entries()]
          .reverse()
          .map(([i, f]) => expect.objectContaining({ ...f, schoolName: local.members[i].school.name, title, offerId: local.offer.id })),
      );
    }
    for (const [userId, organisationId] of [
      [local.members[0].head.id, local.members[0].school.id],
      [local.providerAdmin.id, local.provider.id],
      [local.finance.id, local.office.id],
    ]) {
      expect((await get(authorityImpactRoute, "/authority/impact", {}, await cookieFor(userId, organisationId))).status).toBe(403);
    }
  });

  it("asks a school about its last delivered purchase of an offer before it buys the same offer again, until it has evaluated it", async () => {
    const local = await createDeliveryWorld(db(), { schools: 2 });
    const headCookie = await cookieFor(local.members[0].head.id, local.members[0].school.id);
    const askedAbout = async (cookie: string) =>
      dataOf<{ unevaluatedOrderId: string | null }>(await get(purchaseNew, `/purchases/new?offerId=${local.offer.id}`, {}, cookie))?.unevaluatedOrderId;
    // Nothing delivered: nothing to ask.
    const placed = await createOrder(db(), local, 0);
    expect(await askedAbout(headCookie)).toBeNull();
    const older = await createOrder(db(), local, 0, { status: "delivered", deliveredAt: new Date("2026-01-10T10:00:00Z") });
    const latest = await createOrder(db(), local, 0, { status: "delivered", deliveredAt: new Date("2026-02-10T10:00:00Z") });
    expect(await askedAbout(headCookie)).toBe(latest.id);
    // Another school of the same consortium is not asked about it.
    expect(await askedAbout(await cookieFor(local.members[1].head.id, local.members[1].school.id))).toBeNull();
    const actor = await local.actor(local.members[0].head);
    await submitEvaluation(db(), { actor, authorityId: local.authority.id, orderId: latest.id, evaluation: goodEvaluation, appUrl: APP_URL });
    expect(await askedAbout(headCookie)).toBe(older.id);
    await submitEvaluation(db(), { actor, authorityId: local.authority.id, orderId: older.id, evaluation: goodEvaluation, appUrl: APP_URL });
    expect(await askedAbout(headCookie)).toBeNull();
    expect(placed.status).toBe("confirmed");
  });
});
