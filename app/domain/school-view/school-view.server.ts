import { asc, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { categoriesOf } from "~/domain/categories/rules";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { filterSchools, needsAttention, SCHOOL_VIEW_PAGE_SIZE, sortSchools, type SchoolViewQuery } from "./rules";
import { authorityYear, schoolViewRows } from "./school-rows.server";

export type SchoolViewOptions = { actor: Actor; authorityId: string; query: SchoolViewQuery; today: string };

export const maySeeSchools = (actor: Actor, authorityId: string) => can(actor.grants, "view:schools", { authorityId });

/**
 * The authority's schools, filtered and sorted as asked: every matching row (for the CSV) and the
 * page of them the list shows. Filter values that are not the authority's (another authority's
 * consortium, the other nation's category) are dropped from the query, as unknown values are.
 */
export async function schoolView(db: Queryable, { actor, authorityId, query, today }: SchoolViewOptions) {
  if (!maySeeSchools(actor, authorityId)) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  const { nation, year } = await authorityYear(db, authorityId, today);
  const scheme = categoriesOf(nation);
  const consortia = await db
    .select({ id: schema.consortia.organisationId, name: schema.organisations.name })
    .from(schema.consortia)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.consortia.organisationId))
    .where(eq(schema.consortia.authorityId, authorityId))
    .orderBy(asc(schema.organisations.name));
  const known = new Set(consortia.map((c) => c.id));
  const cleaned: SchoolViewQuery = {
    ...query,
    consortia: query.consortia.filter((id) => known.has(id)),
    categories: query.categories.filter((c) => scheme.includes(c)),
  };
  const all = await schoolViewRows(db, { authorityId, today, year });
  const matching = sortSchools(filterSchools(all, cleaned, { viewerId: actor.id, nation }), cleaned, scheme).map((r) => ({
    ...r,
    attention: needsAttention(nation, r),
  }));
  const totalPages = Math.max(1, Math.ceil(matching.length / SCHOOL_VIEW_PAGE_SIZE));
  const page = Math.min(cleaned.page, totalPages);
  return {
    query: { ...cleaned, page },
    nation,
    year,
    matching,
    rows: matching.slice((page - 1) * SCHOOL_VIEW_PAGE_SIZE, page * SCHOOL_VIEW_PAGE_SIZE),
    total: matching.length,
    totals: {
      schools: all.length,
      spentPence: matching.reduce((s, r) => s + r.spentThisYearPence, 0),
      orders: matching.reduce((s, r) => s + r.ordersThisYear, 0),
    },
    page,
    totalPages,
    options: { consortia, categories: scheme, isAdviser: actor.grants.some((g) => g.authorityId === authorityId && g.role === "challenge_adviser") },
  };
}

/** A challenge adviser's schools for their home: each with its category and whether it needs their attention. */
export async function adviserSchools(db: Queryable, { authorityId, adviserUserId, today }: { authorityId: string; adviserUserId: string; today: string }) {
  const { nation, year } = await authorityYear(db, authorityId, today);
  const rows = await schoolViewRows(db, { authorityId, today, year });
  return rows
    .filter((r) => r.adviser?.id === adviserUserId)
    .map((r) => ({ id: r.id, name: r.name, urn: r.urn, category: r.category, ordersThisYear: r.ordersThisYear, attention: needsAttention(nation, r) }))
    .sort((a, b) => Number(b.attention) - Number(a.attention));
}
