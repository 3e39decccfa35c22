import { and, eq, inArray } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { hasSignedLatest } from "~/domain/funding/rules";
import { latestMous } from "./latest-mous.server";
import { idsOf } from "~/domain/ids";

const { mouSignatures, mous } = schema;

/**
 * "consortiumId:schoolId" for each school whose head signed the latest version of its consortium's memorandum for the year:
 * every school of the authority, or only the one school given in its consortium (one school's page reads one signature).
 */
export async function signedSchools(db: Queryable, authorityId: string, year: string, only?: { consortiumId: string; schoolId: string }): Promise<Set<string>> {
  const latest = await latestMous(db, { year, authorityId, consortiumIds: only && [only.consortiumId] });
  if (latest.length === 0) return new Set();
  const latestVersion = new Map(latest.map((m) => [m.consortiumId, m.version]));
  const rows = await db
    .select({ schoolId: mouSignatures.schoolId, consortiumId: mous.consortiumId, version: mous.version })
    .from(mouSignatures)
    .innerJoin(mous, eq(mous.id, mouSignatures.mouId))
    .where(and(inArray(mouSignatures.mouId, idsOf(latest)), only && eq(mouSignatures.schoolId, only.schoolId)));
  return new Set(rows.filter((r) => hasSignedLatest(latestVersion.get(r.consortiumId) ?? null, [r.version])).map((r) => `${r.consortiumId}:${r.schoolId}`));
}
