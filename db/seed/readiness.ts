// Each consortium's readiness to deliver, as the authority reviewed it with the consortium's lead
// (the Wales readiness review, Nov 2012): every consortium was reviewed a month ago, and every other
// one also six months before that, so the grid shows how judgements moved. Judgements lean to amber
// early on, as the review found ("one would not expect consortia to be green across the board").
import { and, eq } from "drizzle-orm";
import { READINESS_JUDGEMENTS, READINESS_RATINGS, type ReadinessRating } from "../schema/readiness-vocabulary";
import type { Tx } from "../client";
import { memberships, readinessJudgements, readinessResponses, readinessSnapshots } from "../schema";
import type { DemoCounty } from "./index";
import { addDays, isoDate, type DemoAuthority } from "./plan";
import { createRandom, seedFrom, type Random } from "./random";

const EVIDENCE: Record<ReadinessRating, readonly string[]> = {
  green: [
    "The business plan sets out a clear timeline and the consortium has delivered against it.",
    "Heads describe the consortium's priorities in the same words; minutes of the board show decisions followed through.",
    "Recruitment was rigorous and schools involved in it were positive about the selection criteria.",
  ],
  amber_green: [
    "Good progress on paper; communicating it to every school remains a challenge.",
    "Most processes are defined; the operational detail of brokering support is still being written.",
    "Staff are credible with most schools, with some variation in quality.",
  ],
  amber_red: [
    "Plans exist for the next phase but are less developed, and milestones are not yet shared with schools.",
    "Roles between the consortium and the authority overlap; schools are unsure whom to ask.",
    "Data is collected but not yet used to target support school by school.",
  ],
  red: [
    "There is no agreed way to hear back from schools on the quality of the support they bought.",
    "Too early to tell: the service leader is not yet appointed.",
    "Governance meetings have not yet met with the new members.",
  ],
};

const RATIONALE: Record<ReadinessRating, string> = {
  green: "On balance on track, with some issues to resolve.",
  amber_green: "On track, but the evidence is mixed.",
  amber_red: "Off track in places; the evidence is mixed.",
  red: "Off track, with no clear plan yet to address it.",
};

const pickRating = (rng: Random, base: number): ReadinessRating => READINESS_RATINGS[Math.max(0, Math.min(3, base + rng.int(-1, 1)))];

async function seedAuthority(tx: Tx, authority: DemoAuthority, today: string) {
  const rng = createRandom(seedFrom(`${authority.slug}:readiness`));
  const [admin] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.authorityId, authority.authorityId), eq(memberships.role, "la_admin")))
    .limit(1);
  const leads = await tx
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.authorityId, authority.authorityId), eq(memberships.role, "consortium_lead")));
  for (const [i, consortium] of authority.consortia.entries()) {
    const reviews = i % 2 === 0 ? [addDays(today, -210), addDays(today, -30)] : [addDays(today, -30)];
    // Later reviews are a little stronger on average: the consortia grow into their plans.
    let base = rng.int(1, 2);
    for (const [n, assessedOn] of reviews.entries()) {
      const [snapshot] = await tx
        .insert(readinessSnapshots)
        .values({
          authorityId: authority.authorityId,
          consortiumId: consortium.id,
          assessedOn,
          recordedBy: admin?.userId ?? null,
          createdAt: new Date(`${assessedOn}T16:00:00Z`),
        })
        .returning({ id: readinessSnapshots.id });
      await tx.insert(readinessJudgements).values(
        READINESS_JUDGEMENTS.map((judgement) => {
          const rating = pickRating(rng, base);
          return {
            authorityId: authority.authorityId,
            snapshotId: snapshot.id,
            judgement,
            rating,
            evidence: rng.pick(EVIDENCE[rating]),
            rationale: RATIONALE[rating],
          };
        }),
      );
      const lead = leads.find((l) => l.organisationId === consortium.id);
      if (lead && n === 0 && reviews.length === 2) {
        await tx.insert(readinessResponses).values({
          authorityId: authority.authorityId,
          snapshotId: snapshot.id,
          userId: lead.userId,
          agrees: true,
          comment: "We agree, and will share the plan for the next phase with every head this term.",
          createdAt: new Date(`${addDays(assessedOn, 7)}T09:00:00Z`),
        });
      }
      base = Math.min(3, base + rng.int(0, 1));
    }
  }
}

export async function seedDemoReadiness(tx: Tx, county: DemoCounty) {
  for (const authority of county.authorities) await seedAuthority(tx, authority, isoDate(county.today));
}
