import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "#db/seed/index";
import { seedDemoReadiness } from "#db/seed/readiness";
import { schema } from "~/db.server";
import { movements, READINESS_JUDGEMENTS, type Ratings } from "~/domain/readiness/rules";
import { useTestDatabase } from "../factories/database";

const TODAY = new Date("2026-03-16T09:00:00Z");

describe("the demo county's consortium readiness", () => {
  const db = useTestDatabase();

  beforeAll(async () => {
    await seedDemo(db(), { password: "a-demo-password-for-tests", today: TODAY, steps: [seedDemoReadiness] });
  });

  it("reviews every consortium of Arden and Glan Teifi, some twice, all twelve judgements each time", async () => {
    const consortia = await db().select({ id: schema.consortia.organisationId, authorityId: schema.consortia.authorityId }).from(schema.consortia);
    const snapshots = await db().select().from(schema.readinessSnapshots);
    const judgements = await db().select().from(schema.readinessJudgements);
    expect(new Set(consortia.map((c) => c.authorityId)).size).toBe(2);
    for (const c of consortia) {
      const mine = snapshots.filter((s) => s.consortiumId === c.id);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      for (const s of mine) {
        expect(s.authorityId).toBe(c.authorityId);
        expect(
          judgements
            .filter((j) => j.snapshotId === s.id)
            .map((j) => j.judgement)
            .sort(),
        ).toEqual([...READINESS_JUDGEMENTS].sort());
        expect(s.assessedOn <= "2026-03-16").toBe(true);
      }
    }
    const twice = consortia.filter((c) => snapshots.filter((s) => s.consortiumId === c.id).length === 2);
    expect(twice.length).toBeGreaterThan(0);
    // The two reviews differ somewhere, so the grid has movement to show.
    const moved = twice.some((c) => {
      const [older, newer] = snapshots.filter((s) => s.consortiumId === c.id).sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
      const ratingsOf = (id: string) => Object.fromEntries(judgements.filter((j) => j.snapshotId === id).map((j) => [j.judgement, j.rating])) as Ratings;
      return Object.values(movements(ratingsOf(older.id), ratingsOf(newer.id))).some((m) => m !== "same");
    });
    expect(moved).toBe(true);
    expect((await db().select().from(schema.readinessResponses)).length).toBeGreaterThan(0);
    // Glan Teifi writes its evidence and rationale in Welsh as well as English; Arden in English only.
    const authorities = await db().select({ id: schema.authorities.id, nation: schema.authorities.nation }).from(schema.authorities);
    const welsh = new Set(authorities.filter((a) => a.nation === "wales").map((a) => a.id));
    for (const j of judgements) {
      if (welsh.has(j.authorityId)) expect(j.evidenceCy !== "" && j.rationaleCy !== "").toBe(true);
      else expect([j.evidenceCy, j.rationaleCy]).toEqual(["", ""]);
    }
  });
});
