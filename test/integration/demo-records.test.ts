import { count, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo, demoSteps } from "#db/seed/index";
import { schema, SUBJECT_AREAS } from "~/db.server";
import { useTestDatabase } from "../factories/database";

const TODAY = new Date("2026-03-16T09:00:00Z");

describe("the demo county's records", () => {
  const db = useTestDatabase();
  let seconds = 0;

  beforeAll(async () => {
    const started = Date.now();
    // Only the records step after the county itself (offers and money are not needed here).
    await seedDemo(db(), { password: "a-demo-password-for-tests", today: TODAY, steps: [demoSteps[0]] });
    seconds = (Date.now() - started) / 1000;
  });

  it("gives every school two or three years of categories, the latest its category now, each set by its adviser", async () => {
    const schools = await db().select({ id: schema.schools.organisationId, category: schema.schools.category }).from(schema.schools);
    const history = await db().select().from(schema.schoolCategories);
    const advisers = await db().select().from(schema.schoolAdvisers);
    expect(advisers).toHaveLength(schools.length);
    for (const school of schools) {
      const rows = history.filter((h) => h.schoolId === school.id).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.length).toBeLessThanOrEqual(3);
      expect(new Set(rows.map((r) => r.academicYear)).size).toBe(rows.length);
      expect(rows.at(-1)!.category).toBe(school.category);
      expect(rows.every((r) => r.setBy === advisers.find((a) => a.schoolId === school.id)!.adviserUserId)).toBe(true);
    }
    // Categories change over the years for some schools.
    expect(schools.some((s) => history.some((h) => h.schoolId === s.id && h.category !== s.category))).toBe(true);
  });

  it("has several advisers, a lead and chair for every consortium, a lead for every subject, and schools that moved", async () => {
    const authorities = await db().select({ id: schema.authorities.id }).from(schema.authorities);
    const leads = await db().select().from(schema.subjectLeads);
    expect(leads).toHaveLength(authorities.length * SUBJECT_AREAS.length);
    const perAdviser = await db()
      .select({ adviser: schema.schoolAdvisers.adviserUserId, n: count() })
      .from(schema.schoolAdvisers)
      .groupBy(schema.schoolAdvisers.adviserUserId);
    expect(perAdviser.length).toBeGreaterThanOrEqual(authorities.length * 2);
    const consortia = await db().select().from(schema.consortia);
    expect(consortia.every((c) => c.leadUserId && c.chairUserId && c.leadUserId !== c.chairUserId)).toBe(true);
    const moved = await db().select().from(schema.consortiumMemberships).where(isNotNull(schema.consortiumMemberships.leftOn));
    expect(moved.length).toBeGreaterThanOrEqual(2);
    const [named] = await db().select().from(schema.users).where(eq(schema.users.email, "adviser@arden.demo"));
    expect(perAdviser.find((p) => p.adviser === named.id)?.n).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(30);
  });
});
