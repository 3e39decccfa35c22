import { index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { userIdColumn } from "./identity";
import { orderIdColumn } from "./purchasing";
import { authorityIdColumn, consortiumIdColumn } from "./tenancy";

/**
 * The termly report to the council and Schools Forum as it stood when finance took it: the
 * figures are kept, so a past term reads the same however much later data arrives.
 */
export const termlyReportSnapshots = pgTable(
  "termly_report_snapshots",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    /** "2026-autumn": the academic year's first calendar year and the term. */
    term: text("term").notNull(),
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull(),
    takenBy: userIdColumn("taken_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("termly_report_snapshots_term_idx").on(t.authorityId, t.term)],
);

/** Each consortium lead's monthly budget briefing queued once: the month is the one it reports. */
export const potBriefingSends = pgTable(
  "pot_briefing_sends",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    consortiumId: consortiumIdColumn(),
    /** "2026-10" */
    month: text("month").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("pot_briefing_sends_month_idx").on(t.consortiumId, t.month)],
);

/**
 * The CFR code finance chose for a purchase where the one proposed from the offer's subject area
 * does not fit; the latest row for an order wins, and each change is audited.
 */
export const orderCfrCodes = pgTable(
  "order_cfr_codes",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    orderId: orderIdColumn(),
    code: text("code").notNull(),
    setBy: userIdColumn("set_by"),
    createdAt: createdAt(),
  },
  (t) => [index("order_cfr_codes_order_idx").on(t.orderId, t.createdAt)],
);
