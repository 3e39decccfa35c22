import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";

const { mous } = schema;

/** The latest published version of each consortium's memorandum for a year: the one heads sign. */
export async function latestMous(db: Queryable, { year, authorityId, consortiumIds }: { year: string; authorityId?: string; consortiumIds?: string[] }) {
  if (consortiumIds && consortiumIds.length === 0) return [];
  const where: SQL[] = [eq(mous.financialYear, year)];
  if (authorityId) where.push(eq(mous.authorityId, authorityId));
  if (consortiumIds) where.push(inArray(mous.consortiumId, consortiumIds));
  return db
    .selectDistinctOn([mous.consortiumId], {
      id: mous.id,
      authorityId: mous.authorityId,
      consortiumId: mous.consortiumId,
      financialYear: mous.financialYear,
      version: mous.version,
      title: mous.title,
      publishedAt: mous.publishedAt,
    })
    .from(mous)
    .where(and(...where))
    .orderBy(mous.consortiumId, desc(mous.version));
}
