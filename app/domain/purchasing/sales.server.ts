// Finance's view of every sale in the authority: filtered, totalled and a page at a time.
import { and, asc, count, eq, gte, lt, sql, sum } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type Queryable } from "~/db.server";
import { periodBounds } from "~/domain/ledger/statement-period";
import type { OrderStatus, PaymentRoute } from "#db/schema/purchasing-vocabulary";
import { ordersOfAuthorityWhere } from "./queries.server";

const { orders, organisations, consortia, providers } = schema;

export type SalesFilter = {
  /** Whole days in Europe/London, "2026-04-01". */
  from?: string;
  to?: string;
  consortiumId?: string;
  providerId?: string;
  status?: OrderStatus;
  paymentRoute?: PaymentRoute;
};

export type SalesTotals = { orders: number; netPence: number; vatPence: number; grossPence: number };

export const SALES_PAGE_SIZE = 50;

function salesWhere(authorityId: string, filter: SalesFilter) {
  const { from, to } = periodBounds(filter);
  return and(
    eq(orders.authorityId, authorityId),
    from ? gte(orders.createdAt, from) : undefined,
    to ? lt(orders.createdAt, to) : undefined,
    filter.consortiumId ? eq(orders.consortiumId, filter.consortiumId) : undefined,
    filter.providerId ? eq(orders.providerId, filter.providerId) : undefined,
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.paymentRoute ? eq(orders.paymentRoute, filter.paymentRoute) : undefined,
  );
}

/** The totals of every order the filter picks, whatever page is shown. */
async function salesTotals(db: Queryable, authorityId: string, filter: SalesFilter): Promise<SalesTotals> {
  const [row] = await db
    .select({
      orders: count(),
      netPence: sql<string>`coalesce(${sum(orders.netPence)}, 0)`,
      vatPence: sql<string>`coalesce(${sum(orders.vatPence)}, 0)`,
      grossPence: sql<string>`coalesce(${sum(orders.grossPence)}, 0)`,
    })
    .from(orders)
    .where(salesWhere(authorityId, filter));
  return { orders: row.orders, netPence: Number(row.netPence), vatPence: Number(row.vatPence), grossPence: Number(row.grossPence) };
}

/** The consortia and providers of the authority, to filter by. */
async function salesChoices(db: Queryable, authorityId: string) {
  const consortiumOrg = alias(organisations, "consortium_org");
  const providerOrg = alias(organisations, "provider_org");
  const [consortiumRows, providerRows] = await Promise.all([
    db
      .select({ id: consortiumOrg.id, name: consortiumOrg.name })
      .from(consortia)
      .innerJoin(consortiumOrg, eq(consortiumOrg.id, consortia.organisationId))
      .where(eq(consortia.authorityId, authorityId))
      .orderBy(asc(consortiumOrg.name)),
    db
      .select({ id: providerOrg.id, name: providerOrg.name })
      .from(providers)
      .innerJoin(providerOrg, eq(providerOrg.id, providers.organisationId))
      .where(eq(providers.authorityId, authorityId))
      .orderBy(asc(providerOrg.name)),
  ]);
  return { consortia: consortiumRows, providers: providerRows };
}

export type SalesPageOptions = { authorityId: string; filter: SalesFilter; page: number };

/** One page of the filtered sales, newest first, with the totals of all of them and what to filter by. */
export async function salesPage(db: Queryable, { authorityId, filter, page }: SalesPageOptions) {
  const [totals, choices] = await Promise.all([salesTotals(db, authorityId, filter), salesChoices(db, authorityId)]);
  const totalPages = Math.max(1, Math.ceil(totals.orders / SALES_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), totalPages);
  const rows = await ordersOfAuthorityWhere(db, salesWhere(authorityId, filter))
    .limit(SALES_PAGE_SIZE)
    .offset((current - 1) * SALES_PAGE_SIZE);
  return { orders: rows, totals, page: current, totalPages, choices };
}

/** Every order the filter picks, for the CSV, with the same totals the page shows. */
export async function salesForExport(db: Queryable, { authorityId, filter }: Omit<SalesPageOptions, "page">) {
  const [rows, totals] = await Promise.all([ordersOfAuthorityWhere(db, salesWhere(authorityId, filter)), salesTotals(db, authorityId, filter)]);
  return { orders: rows, totals };
}
