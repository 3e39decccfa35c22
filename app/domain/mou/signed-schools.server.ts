import { and, eq, inArray } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { hasSignedLatest } from "~/domain/funding/rules";
import { latestMous } from "./latest-mous.server";
import { idsOf } from "~/domain/ids";

const { mouSignatures, mous } = schema;

type LatestMou = Awaited<ReturnType<typeof latestMous>>[number];

/** "consortiumId:schoolId" for each school that signed the latest of the memoranda given (of one school only, when given). */
async function signersOf(db: Queryable, latest: LatestMou[], schoolId?: string): Promise<Set<string>> {
  if (latest.length === 0) return new Set();
  const latestVersion = new Map(latest.map((m) => [m.consortiumId, m.version]));
  const rows = await db
    .select({ schoolId: mouSignatures.schoolId, consortiumId: mous.consortiumId, version: mous.version })
    .from(mouSignatures)
    .innerJoin(mous, eq(mous.id, mouSignatures.mouId))
    .where(and(inArray(mouSignatures.mouId, idsOf(latest)), schoolId ? eq(mouSignatures.schoolId, schoolId) : undefined));
  return new Set(rows.filter((r) => hasSignedLatest(latestVersion.get(r.consortiumId) ?? null, [r.version])).map((r) => `${r.consortiumId}:${r.schoolId}`));
}

/** "consortiumId:schoolId" for each school whose head signed the latest version of its consortium's memorandum for the year. */
export async function signedSchools(db: Queryable, authorityId: string, year: string): Promise<Set<string>> {
  return signersOf(db, await latestMous(db, { year, authorityId }));
}

/**
 * Whether one school's head signed the latest version of its consortium's memorandum for the year, or null when the
 * consortium has published none: one school's page reads its own signature, not the authority's.
 */
export async function schoolSignedLatest(
  db: Queryable,
  { authorityId, year, consortiumId, schoolId }: { authorityId: string; year: string; consortiumId: string; schoolId: string },
): Promise<boolean | null> {
  const latest = await latestMous(db, { year, authorityId, consortiumIds: [consortiumId] });
  if (latest.length === 0) return null;
  return (await signersOf(db, latest, schoolId)).size > 0;
}
