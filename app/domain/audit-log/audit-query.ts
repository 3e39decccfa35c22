import { z } from "zod";
import { isUuid } from "~/domain/ids";
import { isCalendarDate, periodBounds } from "~/domain/ledger/statement-period";
import { withDateParams } from "~/forms/fields";
import { t } from "~/i18n";
import { parseCursor, type Cursor } from "./rules";
import type { AuditFilter } from "./search-audit-log.server";

const blank = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const id = (message: string) => z.preprocess(blank, z.string().refine(isUuid, message).optional());
const day = z.preprocess(blank, z.string().max(10, t("audit.filter.invalidDate")).refine(isCalendarDate, t("audit.filter.invalidDate")).optional());

/** The audit log's filter, as the GET form sends it (and the CSV link repeats it). */
export const AuditQuerySchema = z
  .object({
    person: id(t("audit.filter.invalidPerson")),
    organisation: id(t("audit.filter.invalidOrganisation")),
    action: z.preprocess(
      blank,
      z
        .string()
        .max(100, t("audit.filter.invalidAction"))
        .regex(/^[a-z_.]+$/, t("audit.filter.invalidAction"))
        .optional(),
    ),
    from: day,
    to: day,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: t("audit.filter.order"), path: ["to"] });

export type AuditQuery = z.output<typeof AuditQuerySchema>;

export function auditFilterOf(query: AuditQuery): AuditFilter {
  const { from, to } = periodBounds({ from: query.from, to: query.to });
  return { actorUserId: query.person, organisationId: query.organisation, action: query.action, from, to };
}

/** Where the page starts: after (older) or before (newer) a row named by a link. */
export function pageStartOf(params: URLSearchParams): { cursor: Cursor | null; direction: "older" | "newer" } {
  const before = parseCursor(params.get("before"));
  if (before) return { cursor: before, direction: "older" };
  return { cursor: parseCursor(params.get("after")), direction: "newer" };
}

const FILTER_FIELDS = ["person", "organisation", "action", "from", "to"];

/** The filter's fields as the address gives them (dates from the GOV.UK date inputs put together), each cut short. */
export function filterValuesOf(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...withDateParams(params, ["from", "to"])].filter(([k]) => FILTER_FIELDS.includes(k)).map(([k, v]) => [k, v.slice(0, 200)]));
}

/** The filter as query-string fields, for the paging and CSV links. */
export function filterParams(values: Record<string, string>) {
  const params = new URLSearchParams();
  for (const key of FILTER_FIELDS) if (values[key]) params.set(key, values[key]);
  return params;
}
