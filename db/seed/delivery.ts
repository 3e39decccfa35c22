// After the sale in the demo county: orders of the demo provider's offers delivered to the demo
// head's school and schools of the demo adviser, with sessions, attendance, evaluations (some signed off by the
// demo adviser) and a follow-up a term later; one order still to deliver and one to evaluate, so
// each person's journey has something real to start from.
import { and, eq, isNotNull, sql, type AnyColumn } from "drizzle-orm";
import { scoreOf } from "~/domain/delivery/rules";
import { createAndChargeOrders } from "~/domain/purchasing/charge.server";
import { loadOfferForSale, loadSchool } from "~/domain/purchasing/load.server";
import { quoteOrder } from "~/domain/purchasing/place-order.server";
import type { Tx } from "../client";
import {
  deliveryConfirmations,
  deliverySessions,
  evaluations,
  impactFollowUps,
  memberships,
  offerRatings,
  offers,
  orderMilestones,
  orders,
  schoolAdvisers,
  sessionPlaces,
} from "../schema";
import type { DemoCounty } from "./index";
import { createRandom } from "./random";

const DAY = 86_400_000;
const DELEGATES = ["Priya Shah", "Tom Whitfield", "Grace Adeyemi", "Owen Price", "Hannah Cole", "Ravi Patel", "Ellie Morgan", "Ben Hughes"];

type Plan = {
  /** Which school: 0 is the demo head's, the others its consortium's. */
  school: number;
  offer: number;
  /** Days before today it was delivered; null while it is still to deliver. */
  deliveredDaysAgo: number | null;
  scores?: [number, number, number];
  signedOff?: boolean;
  impact?: boolean;
  milestones?: string[];
};

const PLANS: Plan[] = [
  { school: 0, offer: 0, deliveredDaysAgo: 120, scores: [4, 4, 3], signedOff: true, impact: true },
  { school: 1, offer: 0, deliveredDaysAgo: 95, scores: [3, 3, 3], signedOff: true },
  { school: 2, offer: 0, deliveredDaysAgo: 60, scores: [4, 3, 4], signedOff: false },
  { school: 3, offer: 1, deliveredDaysAgo: 45, scores: [2, 3, 2], signedOff: false },
  {
    school: 1,
    offer: 1,
    deliveredDaysAgo: 30,
    scores: [3, 2, 3],
    signedOff: true,
    milestones: ["Coaching visit 1: planning", "Coaching visit 2: lesson observations", "Coaching visit 3: review of impact"],
  },
  // The head's to evaluate, and the provider's to schedule and deliver.
  { school: 0, offer: 1, deliveredDaysAgo: 12 },
  { school: 0, offer: 2, deliveredDaysAgo: null },
];

export async function seedDemoDelivery(tx: Tx, county: DemoCounty) {
  const authorityId = county.authorityId;
  const userId = (email: string) => county.userIds[email];
  const headId = userId("head@arden.demo");
  const providerUserId = userId("provider@arden.demo");
  const adviserId = userId("adviser@arden.demo");
  if (!headId || !providerUserId || !adviserId) return;
  const rng = createRandom(4242);
  const today = county.today;
  const [headSchool] = await tx
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, headId), eq(memberships.role, "headteacher")));
  const [provider] = await tx
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, providerUserId), eq(memberships.role, "provider_admin")));
  // The other schools are the demo adviser's, so the adviser's journeys start here.
  const advised = await tx
    .select({ schoolId: schoolAdvisers.schoolId })
    .from(schoolAdvisers)
    .where(eq(schoolAdvisers.adviserUserId, adviserId))
    .orderBy(schoolAdvisers.schoolId);
  const schoolIds = [headSchool.id, ...advised.map((a) => a.schoolId).filter((id) => id !== headSchool.id)].slice(0, 4);

  const live = await tx
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.authorityId, authorityId), eq(offers.providerId, provider.id), isNotNull(offers.liveRevisionId)))
    .orderBy(offers.createdAt);
  const sellable = [];
  for (const { id } of live) {
    const offer = await loadOfferForSale(tx, { authorityId, offerId: id, now: today }).catch(() => null);
    if (offer) sellable.push(offer);
    if (sellable.length === 3) break;
  }
  if (sellable.length < 3 || schoolIds.length < 4) return;

  let delegate = 0;
  for (const [n, plan] of PLANS.entries()) {
    const offer = sellable[plan.offer];
    const school = await loadSchool(tx, { authorityId, schoolId: schoolIds[plan.school] });
    const { quote, buyer, treatment } = quoteOrder(offer, school, 2);
    if (!quote) continue;
    const placedAt = new Date(today.getTime() - ((plan.deliveredDaysAgo ?? 0) + 40) * DAY);
    const [order] = await createAndChargeOrders(
      tx,
      {
        authorityId,
        actorUserId: headId,
        now: placedAt,
        offer,
        collectivePurchaseId: null,
        payingConsortiumId: null,
        describe: `${offer.title} for ${school.name}`,
      },
      [
        {
          schoolId: school.id,
          quantity: quote.quantity,
          delegates: 2,
          unitPricePence: quote.unitPricePence,
          netPence: quote.netPence,
          potPence: 0,
          buyerType: buyer,
          vatTreatment: treatment,
          paymentRoute: "invoice",
          poNumber: `PO-${4100 + n}`,
          costCentre: school.costCentre,
          consortiumId: school.consortiumId,
          idempotencyKey: `demo:delivery:${authorityId}:${n}`,
          lineDescription: offer.title,
        },
      ],
    );
    const heldOn = new Date(today.getTime() - (plan.deliveredDaysAgo ?? -21) * DAY);
    heldOn.setUTCHours(9, 30, 0, 0);
    const [session] = await tx
      .insert(deliverySessions)
      .values({
        authorityId,
        providerId: offer.providerId,
        offerId: offer.offerId,
        orderId: order.id,
        startsAt: heldOn,
        durationMinutes: 180,
        online: n % 3 === 2,
        venue: n % 3 === 2 ? "" : "Arden Teachers’ Centre, Warwick",
        capacity: 12,
        createdBy: providerUserId,
        createdAt: placedAt,
      })
      .returning();
    const delivered = plan.deliveredDaysAgo !== null;
    await tx.insert(sessionPlaces).values(
      [0, 1].map((i) => ({
        authorityId,
        sessionId: session.id,
        orderId: order.id,
        schoolId: school.id,
        delegateName: DELEGATES[delegate++ % DELEGATES.length],
        status: "booked" as const,
        requestedAt: new Date(placedAt.getTime() + (i + 1) * DAY),
        bookedAt: new Date(placedAt.getTime() + (i + 1) * DAY),
        attended: delivered ? i === 0 || rng.next() < 0.8 : null,
        attendanceRecordedAt: delivered ? heldOn : null,
        createdBy: headId,
      })),
    );
    if (plan.milestones)
      await tx.insert(orderMilestones).values(
        plan.milestones.map((title, i) => ({
          authorityId,
          orderId: order.id,
          position: i + 1,
          title,
          deliveredAt: heldOn,
          deliveredBy: providerUserId,
          confirmedAt: heldOn,
          confirmedBy: headId,
        })),
      );
    if (!delivered) continue;
    await tx.update(orders).set({ status: "delivered", deliveredAt: heldOn }).where(eq(orders.id, order.id));
    await tx
      .insert(deliveryConfirmations)
      .values({ orderId: order.id, authorityId, outcome: "confirmed", decidedBy: headId, decidedAt: new Date(heldOn.getTime() + 2 * DAY) });
    if (!plan.scores) continue;
    const [quality, impact, valueForMoney] = plan.scores;
    const submittedAt = new Date(heldOn.getTime() + 5 * DAY);
    const [evaluation] = await tx
      .insert(evaluations)
      .values({
        authorityId,
        orderId: order.id,
        offerId: offer.offerId,
        schoolId: school.id,
        evaluatorId: headId,
        priorities: "Raising attainment in early reading; consistent phonics teaching across Key Stage 1",
        quality,
        impact,
        valueForMoney,
        wouldRecommend: quality + impact + valueForMoney >= 9,
        comments: quality >= 3 ? "Practical sessions that staff could use the next day." : "Useful in parts; the follow-up visit was rushed.",
        status: plan.signedOff ? "signed_off" : "submitted",
        adviserId: plan.signedOff ? adviserId : null,
        signedOffAt: plan.signedOff ? new Date(submittedAt.getTime() + 3 * DAY) : null,
        submittedAt,
      })
      .returning();
    const score = scoreOf({ quality, impact, valueForMoney });
    await tx
      .insert(offerRatings)
      .values({ offerId: offer.offerId, authorityId, evaluations: 1, scoreSum: score })
      .onConflictDoUpdate({
        target: offerRatings.offerId,
        set: { evaluations: sqlAdd(offerRatings.evaluations, 1), scoreSum: sqlAdd(offerRatings.scoreSum, score) },
      });
    if (plan.impact)
      await tx.insert(impactFollowUps).values({
        authorityId,
        evaluationId: evaluation.id,
        schoolId: school.id,
        outcome: "More pupils meet the expected standard in the phonics screening check",
        measure: "Year 1 pupils at the expected standard in the phonics check",
        baseline: "68%",
        followUp: "79%",
        recordedBy: headId,
        recordedAt: new Date(heldOn.getTime() + 90 * DAY),
      });
  }
}

const sqlAdd = (column: AnyColumn, n: number) => sql`${column} + ${n}`;
