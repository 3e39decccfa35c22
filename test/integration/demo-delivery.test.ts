import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "#db/seed/index";
import { schema } from "~/db.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { ratingsOfOffer } from "~/domain/delivery/queries.server";
import { authorityYear, schoolViewRows } from "~/domain/school-view/school-rows.server";
import { useTestDatabase } from "../factories/database";
import { idsOf } from "~/domain/ids";
import { authorityIdBySlug } from "../setup/demo-authorities";

const TODAY = new Date("2026-03-16T09:00:00Z");

describe("the demo county after the sale", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await seedDemo(db(), { password: "a-demo-password-for-tests", today: TODAY });
  }, 120_000);

  const userId = async (email: string) => (await db().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)))[0].id;

  it("has delivered orders with sessions, attendance and evaluations, some signed off by the demo adviser", async () => {
    const ardenId = await authorityIdBySlug(db(), "arden");
    const delivered = await db()
      .select()
      .from(schema.orders)
      .where(and(eq(schema.orders.authorityId, ardenId), eq(schema.orders.status, "delivered")));
    expect(delivered.length).toBeGreaterThanOrEqual(5);
    const places = await db()
      .select()
      .from(schema.sessionPlaces)
      .where(inArray(schema.sessionPlaces.orderId, idsOf(delivered)));
    expect(places.some((p) => p.attended)).toBe(true);
    const evaluations = await db().select().from(schema.evaluations).where(eq(schema.evaluations.authorityId, ardenId));
    expect(evaluations.filter((e) => e.status === "signed_off").length).toBeGreaterThanOrEqual(2);
    expect(evaluations.filter((e) => e.status === "submitted").length).toBeGreaterThanOrEqual(1);
    // The adviser who signs them off is the one assigned to each school.
    const adviser = await userId("adviser@arden.demo");
    const assigned = await db().select().from(schema.schoolAdvisers).where(eq(schema.schoolAdvisers.adviserUserId, adviser));
    expect(evaluations.filter((e) => e.status !== "signed_off" && assigned.some((a) => a.schoolId === e.schoolId)).length).toBeGreaterThanOrEqual(1);
    // The ratings the offers show add up to their evaluations.
    for (const offerId of new Set(evaluations.map((e) => e.offerId))) {
      const rating = await ratingsOfOffer(db(), { authorityId: ardenId, offerId });
      expect(rating?.evaluations).toBe(evaluations.filter((e) => e.offerId === offerId).length);
    }
    expect(await db().select().from(schema.impactFollowUps).where(eq(schema.impactFollowUps.authorityId, ardenId))).not.toHaveLength(0);
  });

  it("leaves the head one order to evaluate and the provider one to deliver, with the ledger balanced", async () => {
    const ardenId = await authorityIdBySlug(db(), "arden");
    const head = await userId("head@arden.demo");
    const [school] = await db()
      .select({ id: schema.memberships.organisationId })
      .from(schema.memberships)
      .where(and(eq(schema.memberships.userId, head), eq(schema.memberships.role, "headteacher")));
    const orders = await db().select().from(schema.orders).where(eq(schema.orders.schoolId, school.id));
    const evaluated = new Set((await db().select({ orderId: schema.evaluations.orderId }).from(schema.evaluations)).map((e) => e.orderId));
    expect(orders.filter((o) => o.status === "delivered" && !evaluated.has(o.id))).toHaveLength(1);
    // The county's sales history has other orders of this school; the one to deliver is the one with a session booked.
    const scheduled = new Set((await db().select({ orderId: schema.deliverySessions.orderId }).from(schema.deliverySessions)).map((s) => s.orderId));
    expect(orders.filter((o) => o.status !== "delivered" && scheduled.has(o.id))).toHaveLength(1);
    expect(await trialBalance(db(), ardenId)).toBe(0);
    expect(await checkLedger(db(), ardenId)).toEqual([]);
  });

  it("shows each school's evaluations, impact and memorandum in the school-by-school view, as the records hold them", async () => {
    const ardenId = await authorityIdBySlug(db(), "arden");
    const today = TODAY.toISOString().slice(0, 10);
    const { year } = await authorityYear(db(), ardenId, today);
    const rows = await schoolViewRows(db(), { authorityId: ardenId, today, year });
    const evaluations = await db().select().from(schema.evaluations).where(eq(schema.evaluations.authorityId, ardenId));
    const followUps = await db().select().from(schema.impactFollowUps).where(eq(schema.impactFollowUps.authorityId, ardenId));
    expect(evaluations.length).toBeGreaterThan(0);
    for (const row of rows) {
      const own = evaluations.filter((e) => e.schoolId === row.id);
      const average = own.length ? Math.round((own.reduce((sum, e) => sum + e.quality + e.impact + e.valueForMoney, 0) * 100) / (3 * own.length)) : null;
      expect({ school: row.name, evaluations: row.evaluations, average: row.averageScoreHundredths, impact: row.impactRecords }).toEqual({
        school: row.name,
        evaluations: own.length,
        average,
        impact: followUps.filter((f) => f.schoolId === row.id).length,
      });
    }
    const signed = rows.filter((r) => r.mouSigned === true).length;
    const unsigned = rows.filter((r) => r.mouSigned === false).length;
    // Most heads signed this year's memorandum, not all.
    expect(signed).toBeGreaterThan(unsigned);
    expect(unsigned).toBeGreaterThan(0);
  });
});
