import { and, arrayOverlaps, eq, inArray, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { catalogueSearch, offerRatings, offerRevisions, offers, organisations, providers, shortlistItems, type Queryable } from "~/db.server";
import type { CatalogueQuery, Sort } from "./catalogue-query";
import { onSaleCondition } from "./on-sale.server";
import { providerAndRatingColumns } from "./offer-provider-columns.server";
import { welshTsquery } from "./rules";

export type SearchCatalogueOptions = { authorityId: string; userId: string; query: CatalogueQuery; now?: Date };

/** The filters of a query as one `where` over the search table: on sale, in the buyer's authority, matching the words and every filter. */
function conditionsFor(authorityId: string, query: CatalogueQuery, now: Date, matchesWords: SQL): SQL {
  const conditions: SQL[] = [eq(catalogueSearch.authorityId, authorityId), onSaleCondition(now, catalogueSearch)];
  if (query.q) conditions.push(matchesWords);
  if (query.subjects.length) conditions.push(arrayOverlaps(catalogueSearch.subjectAreas, query.subjects));
  if (query.phases.length) conditions.push(arrayOverlaps(catalogueSearch.phases, query.phases));
  if (query.terms.length) conditions.push(arrayOverlaps(catalogueSearch.terms, query.terms));
  if (query.formats.length) conditions.push(inArray(catalogueSearch.deliveryFormat, query.formats));
  if (query.providerKinds.length) conditions.push(inArray(providers.providerKind, query.providerKinds));
  if (query.maxPricePence !== null) conditions.push(lte(catalogueSearch.fromPricePence, query.maxPricePence));
  // average >= min  <=>  100 × sum >= 3 × count × min, in integers (an unrated offer has no average).
  if (query.minRatingHundredths !== null)
    conditions.push(sql`${offerRatings.evaluations} > 0 and 100 * ${offerRatings.scoreSum} >= 3 * ${offerRatings.evaluations} * ${query.minRatingHundredths}`);
  return and(...conditions)!;
}

/**
 * One page of on-sale offers with the total count, in one statement, and a second only when the
 * page asked for is past the end. The inner query finds, counts and orders the matches in the search
 * table (`catalogue_search`: each offer's sale state beside its live revision's search columns),
 * carrying only their sort keys so the count over every match stays cheap; the outer one fetches
 * what the page shows for those twenty.
 */
export async function searchCatalogue(db: Queryable, { authorityId, userId, query, now = new Date() }: SearchCatalogueOptions) {
  // websearch_to_tsquery never rejects its input: quotes, "or", "-" and stray symbols are read as a person would mean them.
  const tsquery = sql`websearch_to_tsquery('english', ${query.q})`;
  // The words in English (stemmed) or in the Welsh text (whole words in any of their mutated forms; ADR 0015).
  const welsh = welshTsquery(query.q);
  const tsqueryCy = sql`to_tsquery('simple', ${welsh})`;
  const matchesWords = welsh
    ? sql`(${catalogueSearch.searchVector} @@ ${tsquery} or ${catalogueSearch.searchVectorCy} @@ ${tsqueryCy})`
    : sql`${catalogueSearch.searchVector} @@ ${tsquery}`;
  const where = conditionsFor(authorityId, query, now, matchesWords);
  // A text its words do not match ranks 0, but ts_rank_cd takes as long to say so as to rank one they
  // do: with both languages, each is ranked only where its words match (a third of the search's time).
  const rank = !query.q
    ? sql<number>`0`
    : welsh
      ? sql<number>`greatest(
          case when ${catalogueSearch.searchVector} @@ ${tsquery} then ts_rank_cd(${catalogueSearch.searchVector}, ${tsquery}) else 0 end,
          case when ${catalogueSearch.searchVectorCy} @@ ${tsqueryCy} then ts_rank_cd(${catalogueSearch.searchVectorCy}, ${tsqueryCy}) else 0 end)`
      : sql<number>`ts_rank_cd(${catalogueSearch.searchVector}, ${tsquery})`;
  const rating = sql<number | null>`${offerRatings.scoreSum}::numeric / nullif(3 * ${offerRatings.evaluations}, 0)`;
  // The matches: the words' and the filters' indexes of the one search table, ANDed before any row is read (docs/bench.md).
  const matches = db.$with("matches").as(
    db
      .select({
        id: catalogueSearch.offerId,
        rank: rank.as("rank"),
        price: catalogueSearch.fromPricePence,
        approvedAt: catalogueSearch.approvedAt,
        rating: rating.as("rating"),
        total: sql<number>`(count(*) over ())::int`.as("total"),
      })
      .from(catalogueSearch)
      .leftJoin(providers, eq(providers.organisationId, catalogueSearch.providerId))
      .leftJoin(offerRatings, eq(offerRatings.offerId, catalogueSearch.offerId))
      .where(where)
      .orderBy(
        // By the names of the columns above, so that the rank and the rating are worked out once a row.
        ...orderFor(query.sort, {
          rank: sql`${sql.identifier("rank")}`,
          price: catalogueSearch.fromPricePence,
          approvedAt: catalogueSearch.approvedAt,
          rating: sql`${sql.identifier("rating")}`,
          id: catalogueSearch.offerId,
        }),
      )
      .limit(query.perPage)
      .offset((query.page - 1) * query.perPage),
  );

  const rows = await db
    .with(matches)
    .select({
      id: offers.id,
      title: offerRevisions.title,
      summary: offerRevisions.summary,
      titleCy: offerRevisions.titleCy,
      summaryCy: offerRevisions.summaryCy,
      deliveryFormat: offerRevisions.deliveryFormat,
      pricingModel: offerRevisions.pricingModel,
      priceTiers: offerRevisions.priceTiers,
      approvedAt: offers.approvedAt,
      ...providerAndRatingColumns,
      shortlisted: sql<boolean>`exists (select 1 from ${shortlistItems} where ${shortlistItems.userId} = ${userId} and ${shortlistItems.offerId} = ${offers.id})`,
      total: matches.total,
    })
    .from(matches)
    .innerJoin(offers, eq(offers.id, matches.id))
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .innerJoin(organisations, eq(organisations.id, offers.providerId))
    .leftJoin(providers, eq(providers.organisationId, offers.providerId))
    .leftJoin(offerRatings, eq(offerRatings.offerId, offers.id))
    .orderBy(
      ...orderFor(query.sort, {
        rank: sql`${matches.rank}`,
        price: matches.price,
        approvedAt: matches.approvedAt,
        rating: sql`${matches.rating}`,
        id: matches.id,
      }),
    );

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [count] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(catalogueSearch)
      .leftJoin(providers, eq(providers.organisationId, catalogueSearch.providerId))
      .leftJoin(offerRatings, eq(offerRatings.offerId, catalogueSearch.offerId))
      .where(where);
    total = count.total;
  }
  return {
    total,
    totalPages: Math.max(1, Math.ceil(total / query.perPage)),
    results: rows.map(({ total: _total, ...row }) => row),
  };
}

type SortKeys = { rank: SQL; price: SQL.Aliased | AnyColumn; approvedAt: SQL.Aliased | AnyColumn; rating: SQL; id: SQL.Aliased | AnyColumn };

/** The order of each sort, ending on the id so that pages never overlap. */
function orderFor(sort: Sort, k: SortKeys): SQL[] {
  switch (sort) {
    case "relevance":
      return [sql`${k.rank} desc`, sql`${k.approvedAt} desc nulls last`, sql`${k.id} asc`];
    case "price-asc":
      return [sql`${k.price} asc nulls last`, sql`${k.id} asc`];
    case "price-desc":
      return [sql`${k.price} desc nulls last`, sql`${k.id} asc`];
    case "newest":
      return [sql`${k.approvedAt} desc nulls last`, sql`${k.id} asc`];
    case "rating":
      return [sql`${k.rating} desc nulls last`, sql`${k.approvedAt} desc nulls last`, sql`${k.id} asc`];
  }
}

export type CatalogueResult = Awaited<ReturnType<typeof searchCatalogue>>["results"][number];
