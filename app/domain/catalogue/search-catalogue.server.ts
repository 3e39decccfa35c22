import { and, arrayOverlaps, asc, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { offerRevisions, offers, organisations, providers, shortlistItems, type Queryable } from "~/db.server";
import type { CatalogueQuery } from "./catalogue-query";
import { onSaleCondition } from "./on-sale.server";

export type SearchCatalogueOptions = { authorityId: string; userId: string; query: CatalogueQuery; now?: Date };

/** The filters of a query as one `where`: on sale, in the buyer's authority, matching the words and every filter. */
function conditionsFor(authorityId: string, query: CatalogueQuery, now: Date, tsquery: SQL): SQL {
  const conditions: SQL[] = [eq(offers.authorityId, authorityId), onSaleCondition(now)];
  if (query.q) conditions.push(sql`${offerRevisions.searchVector} @@ ${tsquery}`);
  if (query.subjects.length) conditions.push(arrayOverlaps(offerRevisions.subjectAreas, query.subjects));
  if (query.phases.length) conditions.push(arrayOverlaps(offerRevisions.phases, query.phases));
  if (query.terms.length) conditions.push(arrayOverlaps(offerRevisions.terms, query.terms));
  if (query.formats.length) conditions.push(inArray(offerRevisions.deliveryFormat, query.formats));
  if (query.providerKinds.length) conditions.push(inArray(providers.providerKind, query.providerKinds));
  if (query.maxPricePence !== null) conditions.push(lte(offerRevisions.fromPricePence, query.maxPricePence));
  return and(...conditions)!;
}

/**
 * One page of on-sale offers with the total count, in one statement (the count rides along
 * as a window function), and a second only when the page asked for is past the end.
 */
export async function searchCatalogue(db: Queryable, { authorityId, userId, query, now = new Date() }: SearchCatalogueOptions) {
  // websearch_to_tsquery never rejects its input: quotes, "or", "-" and stray symbols are read as a person would mean them.
  const tsquery = sql`websearch_to_tsquery('english', ${query.q})`;
  const where = conditionsFor(authorityId, query, now, tsquery);
  const rank = query.q ? sql<number>`ts_rank_cd(${offerRevisions.searchVector}, ${tsquery})` : sql<number>`0`;
  const orderBy = {
    relevance: [desc(rank), desc(offers.approvedAt), asc(offers.id)],
    "price-asc": [sql`${offerRevisions.fromPricePence} asc nulls last`, asc(offers.id)],
    "price-desc": [sql`${offerRevisions.fromPricePence} desc nulls last`, asc(offers.id)],
    newest: [sql`${offers.approvedAt} desc nulls last`, asc(offers.id)],
  }[query.sort];

  const rows = await db
    .select({
      id: offers.id,
      title: offerRevisions.title,
      summary: offerRevisions.summary,
      subjectAreas: offerRevisions.subjectAreas,
      phases: offerRevisions.phases,
      deliveryFormat: offerRevisions.deliveryFormat,
      pricingModel: offerRevisions.pricingModel,
      fromPricePence: offerRevisions.fromPricePence,
      terms: offerRevisions.terms,
      approvedAt: offers.approvedAt,
      commissionedAt: offers.commissionedAt,
      providerName: organisations.name,
      providerKind: providers.providerKind,
      providerVerified: sql<boolean>`${providers.verifiedAt} is not null`,
      shortlisted: sql<boolean>`exists (select 1 from ${shortlistItems} where ${shortlistItems.userId} = ${userId} and ${shortlistItems.offerId} = ${offers.id})`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(offers)
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .innerJoin(organisations, eq(organisations.id, offers.providerId))
    .leftJoin(providers, eq(providers.organisationId, offers.providerId))
    .where(where)
    .orderBy(...orderBy)
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [count] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(offers)
      .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
      .leftJoin(providers, eq(providers.organisationId, offers.providerId))
      .where(where);
    total = count.total;
  }
  return {
    total,
    totalPages: Math.max(1, Math.ceil(total / query.perPage)),
    results: rows.map(({ total: _total, ...row }) => row),
  };
}

export type CatalogueResult = Awaited<ReturnType<typeof searchCatalogue>>["results"][number];
