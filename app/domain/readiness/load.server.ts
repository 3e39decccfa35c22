import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { READINESS_JUDGEMENTS, type Ratings, type ReadinessJudgement, type ReadinessRating } from "./rules";
import { idsOf } from "~/domain/ids";

const { readinessSnapshots, readinessJudgements, readinessResponses, users, consortia, organisations } = schema;

/** May this person see this consortium's readiness: the authority's officers, or its own lead. */
export const maySeeReadiness = (actor: Actor, authorityId: string, consortiumId: string) =>
  can(actor.grants, "view:readiness", { authorityId, organisationId: consortiumId });
export const mayRecordReadiness = (actor: Actor, authorityId: string) => can(actor.grants, "record:readiness", { authorityId });
export const mayRespondToReadiness = (actor: Actor, authorityId: string, consortiumId: string) =>
  actor.grants.some((g) => g.authorityId === authorityId && g.organisationId === consortiumId && g.role === "consortium_lead") &&
  can(actor.grants, "respond:readiness", { authorityId, organisationId: consortiumId });

export async function authorityConsortia(db: Queryable, authorityId: string) {
  return db
    .select({ id: consortia.organisationId, name: organisations.name, phase: consortia.phase })
    .from(consortia)
    .innerJoin(organisations, eq(organisations.id, consortia.organisationId))
    .where(eq(consortia.authorityId, authorityId))
    .orderBy(asc(organisations.name));
}

export type Snapshot = {
  id: string;
  consortiumId: string;
  assessedOn: string;
  createdAt: Date;
  recordedBy: string | null;
  judgements: { judgement: ReadinessJudgement; rating: ReadinessRating; evidence: string; rationale: string; evidenceCy: string; rationaleCy: string }[];
  ratings: Ratings;
};

/** The consortia's snapshots, latest first for each, with their judgements in the review's order. */
export async function snapshotsOf(db: Queryable, authorityId: string, consortiumIds: string[]): Promise<Snapshot[]> {
  if (consortiumIds.length === 0) return [];
  const snapshots = await db
    .select({
      id: readinessSnapshots.id,
      consortiumId: readinessSnapshots.consortiumId,
      assessedOn: readinessSnapshots.assessedOn,
      createdAt: readinessSnapshots.createdAt,
      recordedBy: users.name,
    })
    .from(readinessSnapshots)
    .leftJoin(users, eq(users.id, readinessSnapshots.recordedBy))
    .where(and(eq(readinessSnapshots.authorityId, authorityId), inArray(readinessSnapshots.consortiumId, consortiumIds)))
    .orderBy(desc(readinessSnapshots.assessedOn), desc(readinessSnapshots.createdAt));
  if (snapshots.length === 0) return [];
  const rows = await db
    .select({
      snapshotId: readinessJudgements.snapshotId,
      judgement: readinessJudgements.judgement,
      rating: readinessJudgements.rating,
      evidence: readinessJudgements.evidence,
      rationale: readinessJudgements.rationale,
      evidenceCy: readinessJudgements.evidenceCy,
      rationaleCy: readinessJudgements.rationaleCy,
    })
    .from(readinessJudgements)
    .where(and(eq(readinessJudgements.authorityId, authorityId), inArray(readinessJudgements.snapshotId, idsOf(snapshots))));
  return snapshots.map((s) => {
    const judgements = rows
      .filter((r) => r.snapshotId === s.id)
      .sort((a, b) => READINESS_JUDGEMENTS.indexOf(a.judgement) - READINESS_JUDGEMENTS.indexOf(b.judgement));
    return { ...s, judgements, ratings: Object.fromEntries(judgements.map((j) => [j.judgement, j.rating])) as Ratings };
  });
}

export async function responsesTo(db: Queryable, authorityId: string, snapshotIds: string[]) {
  if (snapshotIds.length === 0) return [];
  return db
    .select({
      id: readinessResponses.id,
      snapshotId: readinessResponses.snapshotId,
      name: users.name,
      agrees: readinessResponses.agrees,
      comment: readinessResponses.comment,
      createdAt: readinessResponses.createdAt,
    })
    .from(readinessResponses)
    .innerJoin(users, eq(users.id, readinessResponses.userId))
    .where(and(eq(readinessResponses.authorityId, authorityId), inArray(readinessResponses.snapshotId, snapshotIds)))
    .orderBy(asc(readinessResponses.createdAt));
}
