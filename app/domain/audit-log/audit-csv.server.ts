import { can } from "~/auth/permissions";
import { csvHeadings, toCsv } from "~/csv.server";
import type { Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { auditActionLabel, displayValue, parseCursor } from "./rules";
import { auditLogRows, type AuditFilter } from "./search-audit-log.server";

const BATCH = 1000;

/**
 * The filtered log as CSV, streamed a keyset batch at a time, so a million rows never sit in memory.
 * Every batch goes through the app's one CSV writer (toCsv), which defuses what a spreadsheet would run as a formula.
 */
export function auditCsv(
  db: Queryable,
  { actor, authorityId, filter }: { actor: Actor; authorityId: string; filter: AuditFilter },
): ReadableStream<Uint8Array> {
  if (!can(actor.grants, "view:audit", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.auditLog.administratorsReadAuditLog"));
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const header = [
          "audit.csv.when",
          "audit.csv.person",
          "audit.csv.email",
          "audit.csv.action",
          "audit.csv.code",
          "audit.csv.entityType",
          "audit.csv.entityId",
          "audit.csv.organisation",
          "audit.csv.before",
          "audit.csv.after",
        ] as const;
        controller.enqueue(encoder.encode(toCsv([csvHeadings(header)])));
        return;
      }
      if (done) return controller.close();
      const page = await auditLogRows(db, { authorityId, filter, cursor: parseCursor(cursor), direction: "older", limit: BATCH });
      const rows = page.entries.map((e) => [
        e.at.toISOString(),
        e.actorName ?? "",
        e.actorEmail ?? "",
        auditActionLabel(e.action),
        e.action,
        e.entityType,
        e.entityId,
        e.organisationName ?? "",
        displayValue(e.before) ?? "",
        displayValue(e.after) ?? "",
      ]);
      if (rows.length) controller.enqueue(encoder.encode(toCsv(rows)));
      cursor = page.entries.at(-1)?.cursor ?? null;
      if (!page.hasOlder || !cursor) done = true;
    },
  });
}
