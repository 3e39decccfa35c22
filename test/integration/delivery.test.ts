import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { deliveryPage } from "~/domain/delivery/delivery-page.server";
import { giveUpPlace } from "~/domain/delivery/give-up-place.server";
import { markDelivered } from "~/domain/delivery/mark-delivered.server";
import { nameDelegate } from "~/domain/delivery/name-delegate.server";
import { ratingsOfOffer, evaluationsOfSchool, unevaluatedOrdersOf } from "~/domain/delivery/queries.server";
import { recordAttendance } from "~/domain/delivery/record-attendance.server";
import { remindUnevaluated } from "~/domain/delivery/remind-evaluations.server";
import { scheduleSession } from "~/domain/delivery/schedule-session.server";
import { submitEvaluation } from "~/domain/delivery/submit-evaluation.server";
import { confirmDelivery } from "~/domain/delivery/confirm-delivery.server";
import { searchCatalogue } from "~/domain/catalogue/search-catalogue.server";
import { parseCatalogueQuery } from "~/domain/catalogue/catalogue-query";
import * as certificatePage from "~/routes/certificates.$placeId";
import * as deliveryRoute from "~/routes/purchases.$orderId_.delivery";
import * as evaluationRoute from "~/routes/purchases.$orderId_.evaluation";
import * as thresholdRoute from "~/routes/authority.rating-threshold";
import * as disputesRoute from "~/routes/delivery.disputes";
import * as consortiumImpactRoute from "~/routes/consortia.$consortiumId_.impact";
import { useTestDatabase } from "../factories/database";
import { createCollectiveOrders, createDeliveryWorld, createOrder, type DeliveryWorld } from "../factories/delivery";
import { createMember } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

const APP_URL = "http://localhost:3000";
type Result = Response | { data: unknown; status: number };
const locationOf = (r: Result) => (r instanceof Response ? r.headers.get("Location") : null);
const dataOf = <T = Record<string, unknown>>(r: Result) => (r instanceof Response ? null : (r.data as T));

describe("delivery and evaluation", () => {
  const db = useTestDatabase();
  let world: DeliveryWorld;
  beforeAll(async () => {
    world = await createDeliveryWorld(db());
  });

  const cookieFor = (userId: string, organisationId: string) => sessionCookieFor(db(), userId, organisationId);
  const post = async (
    route: { action: (args: never) => Promise<unknown> },
    path: string,
    params: Record<string, string>,
    cookie: string,
    form: Record<string, string | string[]>,
  ) => respond(() => (route.action as (args: unknown) => Promise<unknown>)({ request: request(path, { cookie, form }), params, context: appContext(db()) }));
  const get = async (route: { loader: (args: never) => Promise<unknown> }, path: string, params: Record<string, string>, cookie: string) =>
    respond(() => (route.loader as (args: unknown) => Promise<unknown>)({ request: request(path, { cookie }), params, context: appContext(db()) }));
  /** Each school of the world has an order delivered and evaluates it so, one after another; their answers in order. */
  const everySchoolEvaluates = async (local: DeliveryWorld, evaluation: Parameters<typeof submitEvaluation>[1]["evaluation"]) => {
    const results = [];
    for (const [i, member] of local.members.entries()) {
      const order = await createOrder(db(), local, i, { status: "delivered", deliveredAt: new Date() });
      results.push(
        await submitEvaluation(db(), {
          actor: await local.actor(member.head),
          authorityId: local.authority.id,
          orderId: order.id,
          evaluation,
          appUrl: APP_URL,
        }),
      );
    }
    return results;
  };
  const outboxTo = async (email: string, topic: string) => {
    const [row] = await db()
      .select({ n: count() })
      .from(schema.outbox)
      .where(and(eq(schema.outbox.recipient, email.toLowerCase()), eq(schema.outbox.topic, topic)));
    return row.n;
  };

  it("a provider schedules and delivers, the head evaluates and the adviser signs it off", async () => {
    const order = await createOrder(db(), world, 0, { delegates: 2 });
    const head = world.members[0].head;
    const providerCookie = await cookieFor(world.providerAdmin.id, world.provider.id);
    const headCookie = await cookieFor(head.id, world.members[0].school.id);
    const adviserCookie = await cookieFor(world.adviser.id, world.office.id);
    const path = `/purchases/${order.id}/delivery`;
    const params = { orderId: order.id };
    const next = new Date(Date.now() + 30 * 86_400_000);

    const scheduled = await post(deliveryRoute, path, params, providerCookie, {
      intent: "schedule",
      dayDay: String(next.getUTCDate()),
      dayMonth: String(next.getUTCMonth() + 1),
      dayYear: String(next.getUTCFullYear()),
      time: "09:30",
      duration: "180",
      mode: "venue",
      venue: "Arden Teachers' Centre",
      capacity: "20",
    });
    expect(locationOf(scheduled)).toBe(`${path}?done=sessionScheduled`);
    expect(await outboxTo(head.email, "session-booked")).toBe(1);
    const [session] = await db().select().from(schema.deliverySessions).where(eq(schema.deliverySessions.orderId, order.id));
    expect(session.startsAt.getUTCMinutes()).toBe(30);

    expect(locationOf(await post(deliveryRoute, path, params, headCookie, { intent: "name", sessionId: session.id, delegateName: "Priya Shah" }))).toBe(
      `${path}?done=delegateNamed`,
    );
    // The provider records attendance once the session has happened.
    const [place] = await db().select().from(schema.sessionPlaces).where(eq(schema.sessionPlaces.sessionId, session.id));
    expect(place.status).toBe("booked");
    await recordAttendance(db(), {
      actor: await world.actor(world.providerAdmin),
      authorityId: world.authority.id,
      orderId: order.id,
      sessionId: session.id,
      attendedPlaceIds: [place.id],
      now: new Date(next.getTime() + 86_400_000),
    });
    const certificate = dataOf<{ delegateName: string }>(await get(certificatePage, `/certificates/${place.id}`, { placeId: place.id }, headCookie));
    expect(certificate?.delegateName).toBe("Priya Shah");

    expect(locationOf(await post(deliveryRoute, path, params, providerCookie, { intent: "deliver" }))).toBe(`${path}?done=orderDelivered`);
    expect(await outboxTo(head.email, "delivered-please-evaluate")).toBe(1);
    expect(locationOf(await post(deliveryRoute, path, params, headCookie, { intent: "confirm" }))).toBe(
      `/purchases/${order.id}/evaluation?done=deliveryConfirmed`,
    );

    const evaluationPath = `/purchases/${order.id}/evaluation`;
    const evaluated = await post(evaluationRoute, evaluationPath, params, headCookie, {
      intent: "evaluate",
      priorities: "Phonics in Key Stage 1",
      quality: "4",
      impact: "3",
      valueForMoney: "4",
      wouldRecommend: "yes",
      comments: "Practical and well paced.",
    });
    expect(locationOf(evaluated)).toBe(`${evaluationPath}?done=evaluationSubmitted`);
    const signed = await post(evaluationRoute, evaluationPath, params, adviserCookie, { intent: "signOff" });
    expect(locationOf(signed)).toBe(`${evaluationPath}?done=evaluationSignedOff`);
    expect(await outboxTo(head.email, "evaluation-signed-off")).toBe(1);

    const [evaluation] = await evaluationsOfSchool(db(), { authorityId: world.authority.id, schoolId: world.members[0].school.id });
    expect(evaluation).toMatchObject({ status: "signed_off", quality: 4, impact: 3, valueForMoney: 4, wouldRecommend: true });
    const rating = await ratingsOfOffer(db(), { authorityId: world.authority.id, offerId: world.offer.id });
    expect(rating).toMatchObject({ evaluations: 1, label: "3.7", recommend: 1 });
    const audits = await db().select({ action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.authorityId, world.authority.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "delivery.session_scheduled",
        "delivery.delegate_named",
        "delivery.attendance_recorded",
        "order.delivered",
        "delivery.confirmed",
        "evaluation.submitted",
        "evaluation.signed_off",
      ]),
    );

    // The impact a term later shows on the consortium's page.
    expect(
      locationOf(
        await post(evaluationRoute, evaluationPath, params, headCookie, {
          intent: "impact",
          outcome: "Phonics check",
          measure: "Pupils at the expected standard",
          baseline: "62%",
          followUp: "74%",
        }),
      ),
    ).toBe(`${evaluationPath}?done=impactRecorded`);
    const leadCookie = await cookieFor(world.lead.id, world.consortium.id);
    const impact = dataOf<{ impact: { followUp: string }[] }>(
      await get(consortiumImpactRoute, `/consortia/${world.consortium.id}/impact`, { consortiumId: world.consortium.id }, leadCookie),
    );
    expect(impact?.impact.map((i) => i.followUp)).toEqual(["74%"]);

    // A rated offer is found by a rating filter and sorted first by rating.
    const { query } = parseCatalogueQuery(new URLSearchParams("minRating=3.5&sort=rating"));
    const found = await searchCatalogue(db(), { authorityId: world.authority.id, userId: head.id, query });
    expect(found.results.map((r) => r.id)).toEqual([world.offer.id]);
  });

  it("sends an offer back to the QA panel when its rating falls under the authority's line, once", async () => {
    const local = await createDeliveryWorld(db(), { schools: 4 });
    const poor = { priorities: "Writing", quality: 2, impact: 2, valueForMoney: 2, wouldRecommend: false, comments: "" };
    const results = await everySchoolEvaluates(local, poor);
    expect(results.map((r) => r.reReview)).toEqual([false, false, true, false]);
    const revisions = await db().select().from(schema.offerRevisions).where(eq(schema.offerRevisions.offerId, local.offer.id));
    expect(revisions.map((r) => r.status).sort()).toEqual(["approved", "submitted"]);
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, local.offer.id));
    expect(offer.liveRevisionId).toBe(local.offer.liveRevisionId);
    expect(await outboxTo(local.commissioner.email, "offer-re-review")).toBe(1);
    expect(await outboxTo(local.reviewer.email, "offer-submitted")).toBe(1);
    const rating = await ratingsOfOffer(db(), { authorityId: local.authority.id, offerId: local.offer.id });
    expect(rating?.reReviewRequestedAt).not.toBeNull();
  });

  it("tells every commissioner of the authority about a re-review when the offer's subject areas have no lead, each once", async () => {
    const local = await createDeliveryWorld(db(), { schools: 3 });
    await db().delete(schema.subjectLeads).where(eq(schema.subjectLeads.authorityId, local.authority.id));
    const another = await createMember(db(), local.office, "commissioner");
    const poor = { priorities: "Writing", quality: 1, impact: 1, valueForMoney: 1, wouldRecommend: false, comments: "" };
    await everySchoolEvaluates(local, poor);
    expect(await outboxTo(local.commissioner.email, "offer-re-review")).toBe(1);
    expect(await outboxTo(another.email, "offer-re-review")).toBe(1);
  });

  it("lets the authority move its line, and refuses a line that is not a rating", async () => {
    const local = await createDeliveryWorld(db(), { schools: 1 });
    const admin = await createMember(db(), local.office, "la_admin");
    const cookie = await cookieFor(admin.id, local.office.id);
    const bad = await post(thresholdRoute, "/authority/rating-threshold", {}, cookie, { threshold: "5", minEvaluations: "3" });
    expect(bad.status).toBe(400);
    expect(await db().select().from(schema.ratingSettings).where(eq(schema.ratingSettings.authorityId, local.authority.id))).toEqual([]);
    expect(locationOf(await post(thresholdRoute, "/authority/rating-threshold", {}, cookie, { threshold: "3.25", minEvaluations: "5" }))).toBe(
      "/authority/rating-threshold?done=ratingLineSaved",
    );
    const [row] = await db().select().from(schema.ratingSettings).where(eq(schema.ratingSettings.authorityId, local.authority.id));
    expect(row).toMatchObject({ thresholdHundredths: 325, minEvaluations: 5 });
    // A head cannot set it.
    const headCookie = await cookieFor(local.members[0].head.id, local.members[0].school.id);
    expect((await post(thresholdRoute, "/authority/rating-threshold", {}, headCookie, { threshold: "1", minEvaluations: "1" })).status).toBe(403);
  });

  it("keeps an order's delivery from other schools and other authorities", async () => {
    const order = await createOrder(db(), world, 1, { status: "delivered", deliveredAt: new Date() });
    const params = { orderId: order.id };
    const otherHead = world.members[2].head;
    const otherCookie = await cookieFor(otherHead.id, world.members[2].school.id);
    const evaluation = { intent: "evaluate", priorities: "x", quality: "1", impact: "1", valueForMoney: "1", wouldRecommend: "no", comments: "" };
    expect((await get(deliveryRoute, `/purchases/${order.id}/delivery`, params, otherCookie)).status).toBe(403);
    const tried = await post(evaluationRoute, `/purchases/${order.id}/evaluation`, params, otherCookie, evaluation);
    expect(tried.status).toBe(403);

    const elsewhere = await createDeliveryWorld(db(), { schools: 1 });
    const foreignCookie = await cookieFor(elsewhere.members[0].head.id, elsewhere.members[0].school.id);
    expect((await get(evaluationRoute, `/purchases/${order.id}/evaluation`, params, foreignCookie)).status).toBe(404);
    expect((await post(evaluationRoute, `/purchases/${order.id}/evaluation`, params, foreignCookie, evaluation)).status).toBe(404);
    // Another authority's adviser cannot sign off, nor see the disputes.
    const foreignAdviser = await cookieFor(elsewhere.adviser.id, elsewhere.office.id);
    expect((await post(evaluationRoute, `/purchases/${order.id}/evaluation`, params, foreignAdviser, { intent: "signOff" })).status).toBe(404);
    expect(await db().select().from(schema.evaluations).where(eq(schema.evaluations.orderId, order.id))).toEqual([]);
    const disputes = dataOf<{ disputes: unknown[] }>(
      await get(disputesRoute, "/delivery/disputes", {}, await cookieFor(elsewhere.finance.id, elsewhere.office.id)),
    );
    expect(disputes?.disputes).toEqual([]);
    // A malformed id is not found.
    const headCookie = await cookieFor(world.members[1].head.id, world.members[1].school.id);
    expect((await get(deliveryRoute, "/purchases/not-a-uuid/delivery", { orderId: "not-a-uuid" }, headCookie)).status).toBe(404);
    expect((await get(certificatePage, "/certificates/x", { placeId: "x" }, headCookie)).status).toBe(404);
  });

  it("answers bad input with 400 and writes nothing", async () => {
    const order = await createOrder(db(), world, 3);
    const params = { orderId: order.id };
    const path = `/purchases/${order.id}/delivery`;
    const providerCookie = await cookieFor(world.providerAdmin.id, world.provider.id);
    const before = await db().select({ n: count() }).from(schema.deliverySessions);
    const badSchedules: Record<string, string>[] = [
      { intent: "schedule", dayDay: "31", dayMonth: "2", dayYear: "2030", time: "09:30", duration: "60", mode: "venue", venue: "Hall", capacity: "10" },
      { intent: "schedule", dayDay: "1", dayMonth: "2", dayYear: "2030", time: "25:00", duration: "60", mode: "venue", venue: "Hall", capacity: "10" },
      { intent: "schedule", dayDay: "1", dayMonth: "2", dayYear: "2030", time: "09:00", duration: "60", mode: "venue", venue: "Hall\u0000", capacity: "0" },
      { intent: "schedule", dayDay: "1", dayMonth: "2", dayYear: "2020", time: "09:00", duration: "60", mode: "venue", venue: "Hall", capacity: "5" },
      { intent: "nonsense" },
      {},
    ];
    for (const form of badSchedules) {
      const result = await post(deliveryRoute, path, params, providerCookie, form);
      expect(result.status, JSON.stringify(form)).toBe(400);
    }
    expect(await db().select({ n: count() }).from(schema.deliverySessions)).toEqual(before);

    const delivered = await createOrder(db(), world, 3, { status: "delivered", deliveredAt: new Date() });
    const headCookie = await cookieFor(world.members[3].head.id, world.members[3].school.id);
    const badEvaluations: Record<string, string>[] = [
      { intent: "evaluate", priorities: "", quality: "4", impact: "4", valueForMoney: "4", wouldRecommend: "yes" },
      { intent: "evaluate", priorities: "Maths", quality: "5", impact: "4", valueForMoney: "4", wouldRecommend: "yes" },
      { intent: "evaluate", priorities: "Maths", quality: "4", impact: "4", valueForMoney: "4" },
      { intent: "evaluate", priorities: "x".repeat(5000), quality: "4", impact: "4", valueForMoney: "4", wouldRecommend: "yes" },
    ];
    for (const form of badEvaluations) {
      expect((await post(evaluationRoute, `/purchases/${delivered.id}/evaluation`, { orderId: delivered.id }, headCookie, form)).status).toBe(400);
    }
    expect(await db().select().from(schema.evaluations).where(eq(schema.evaluations.orderId, delivered.id))).toEqual([]);
    // An order not yet delivered cannot be evaluated: a refusal, nothing written.
    const early = await post(evaluationRoute, `/purchases/${order.id}/evaluation`, params, headCookie, {
      intent: "evaluate",
      priorities: "Maths",
      quality: "4",
      impact: "4",
      valueForMoney: "4",
      wouldRecommend: "yes",
    });
    expect(early.status).toBe(409);
  });

  it("gives the last place on a session to one school and puts the other on the waiting list, then offers it a freed place", async () => {
    const { orders } = await createCollectiveOrders(db(), world, [0, 1, 2]);
    const provider = await world.actor(world.providerAdmin);
    const session = await scheduleSession(db(), {
      actor: provider,
      authorityId: world.authority.id,
      orderId: orders[0].id,
      day: "2030-03-05",
      time: { hours: 10, minutes: 0 },
      durationMinutes: 120,
      online: true,
      venue: "",
      capacity: 2,
      appUrl: APP_URL,
    });
    // Every school of the purchase is asked to name delegates.
    for (const i of [0, 1, 2]) expect(await outboxTo(world.members[i].head.email, "session-booked")).toBeGreaterThanOrEqual(1);
    await nameDelegate(db(), {
      actor: await world.actor(world.members[0].head),
      authorityId: world.authority.id,
      orderId: orders[0].id,
      sessionId: session.id,
      delegateName: "Ann Early",
    });
    const [a, b] = await Promise.all(
      [1, 2].map(async (i) =>
        nameDelegate(db(), {
          actor: await world.actor(world.members[i].head),
          authorityId: world.authority.id,
          orderId: orders[i].id,
          sessionId: session.id,
          delegateName: `Delegate ${i}`,
        }),
      ),
    );
    expect([a.status, b.status].sort()).toEqual(["booked", "waiting"]);
    const waiting = a.status === "waiting" ? { place: a, index: 1 } : { place: b, index: 2 };
    const booked = a.status === "booked" ? { place: a, index: 1 } : { place: b, index: 2 };
    const page = await deliveryPage(db(), { actor: await world.actor(world.providerAdmin), authorityId: world.authority.id, orderId: orders[0].id });
    expect(page.sessions[0].places.filter((p) => p.status === "booked")).toHaveLength(2);

    const freed = await giveUpPlace(db(), {
      actor: await world.actor(world.members[booked.index].head),
      authorityId: world.authority.id,
      orderId: orders[booked.index].id,
      placeId: booked.place.id,
      appUrl: APP_URL,
    });
    expect(freed.promoted.map((p) => p.id)).toEqual([waiting.place.id]);
    const [now] = await db().select().from(schema.sessionPlaces).where(eq(schema.sessionPlaces.id, waiting.place.id));
    expect(now.status).toBe("booked");
    expect(await outboxTo(world.members[waiting.index].head.email, "place-offered")).toBe(1);
  });

  it("reminds a school of delivered support it has not evaluated, and asks before it buys again", async () => {
    const local = await createDeliveryWorld(db(), { schools: 1 });
    const deliveredAt = new Date("2026-01-01T10:00:00Z");
    const order = await createOrder(db(), local, 0, { status: "delivered", deliveredAt });
    const head = local.members[0].head;
    const now = new Date("2026-01-20T10:00:00Z");
    await remindUnevaluated(db(), now, { appUrl: APP_URL });
    await remindUnevaluated(db(), now, { appUrl: APP_URL });
    expect(await outboxTo(head.email, "delivered-please-evaluate")).toBe(1);
    expect(await unevaluatedOrdersOf(db(), { authorityId: local.authority.id, schoolId: local.members[0].school.id, offerId: local.offer.id })).toEqual([
      { id: order.id, deliveredAt },
    ]);
  });

  it("lets the school dispute a delivery, which finance sees, and hooks paying the provider into confirming", async () => {
    const local = await createDeliveryWorld(db(), { schools: 2 });
    const disputed = await createOrder(db(), local, 0, { status: "delivered", deliveredAt: new Date() });
    const headCookie = await cookieFor(local.members[0].head.id, local.members[0].school.id);
    const emptyReason = await post(deliveryRoute, `/purchases/${disputed.id}/delivery`, { orderId: disputed.id }, headCookie, {
      intent: "dispute",
      reason: "  ",
    });
    expect(emptyReason.status).toBe(400);
    await post(deliveryRoute, `/purchases/${disputed.id}/delivery`, { orderId: disputed.id }, headCookie, {
      intent: "dispute",
      reason: "The third coaching visit never happened.",
    });
    const financeCookie = await cookieFor(local.finance.id, local.office.id);
    const seen = dataOf<{ disputes: { reason: string }[] }>(await get(disputesRoute, "/delivery/disputes", {}, financeCookie));
    expect(seen?.disputes.map((d) => d.reason)).toEqual(["The third coaching visit never happened."]);

    const confirmed = await createOrder(db(), local, 1);
    const provider = await local.actor(local.providerAdmin);
    await markDelivered(db(), { actor: provider, authorityId: local.authority.id, orderId: confirmed.id, appUrl: APP_URL });
    const paid: string[] = [];
    const head = await local.actor(local.members[1].head);
    await confirmDelivery(db(), {
      actor: head,
      authorityId: local.authority.id,
      orderId: confirmed.id,
      onConfirmed: async (_tx, order) => void paid.push(order.id),
    });
    await confirmDelivery(db(), {
      actor: head,
      authorityId: local.authority.id,
      orderId: confirmed.id,
      onConfirmed: async (_tx, order) => void paid.push(order.id),
    });
    expect(paid).toEqual([confirmed.id]);
  });
});
