import { and, gt, isNotNull, isNull, type Column, type SQL } from "drizzle-orm";
import { offers } from "~/db.server";
import { ON_SALE, type OfferSaleState, type SaleClause } from "./on-sale";

const CONDITION: Record<SaleClause, (column: Column, now: Date) => SQL> = {
  present: (column) => isNotNull(column),
  after_now: (column, now) => gt(column, now),
  absent: (column) => isNull(column),
};

/**
 * The rule of ./on-sale as a condition for queries, over `offers` or another table carrying the same sale state
 * (the catalogue's search table). Callers add the authority scope.
 */
export function onSaleCondition(now: Date, table: Record<keyof OfferSaleState, Column> = offers): SQL {
  return and(...ON_SALE.map(([column, clause]) => CONDITION[clause](table[column], now)))!;
}
