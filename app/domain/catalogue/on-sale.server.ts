import { and, gt, isNotNull, isNull, type SQL } from "drizzle-orm";
import { offers } from "~/db.server";
import { ON_SALE, type SaleClause } from "./on-sale";

const CONDITION: Record<SaleClause, (column: (typeof offers)[(typeof ON_SALE)[number][0]], now: Date) => SQL> = {
  present: (column) => isNotNull(column),
  after_now: (column, now) => gt(column, now),
  absent: (column) => isNull(column),
};

/** The rule of ./on-sale as a condition over `offers`, for queries. Callers add the authority scope. */
export function onSaleCondition(now: Date): SQL {
  return and(...ON_SALE.map(([column, clause]) => CONDITION[clause](offers[column], now)))!;
}
