// Finance keeps the termly report as it stands: once taken, a term's snapshot never changes.
import { and, eq } from "drizzle-orm";
import { schema, type Database, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ensureCan, type Actor } from "~/domain/actor";
import { parseTermKey } from "./rules";
import { termlyFigures, type TermlyFigures } from "./termly-report.server";
import { t } from "~/i18n";

export type TakeTermlySnapshotOptions = { actor: Actor; authorityId: string; term: string };

export async function takeTermlySnapshot(db: Database, { actor, authorityId, term }: TakeTermlySnapshotOptions) {
  ensureCan(actor, "take:report-snapshot", { authorityId }, t("refusal.reporting.financeAdministratorsKeepTermlyReport"));
  const parsed = parseTermKey(term);
  if (!parsed) throw new AppError("NOT_FOUND", t("refusal.reporting.termNotFound"));
  return db.transaction(async (tx) => {
    // One snapshot per term: the lock makes two people taking it at once queue, and the second finds the first.
    const existing = await storedSnapshot(tx, { authorityId, term, lock: true });
    if (existing) throw new AppError("INVALID_STATE", t("refusal.reporting.termlyReportAlreadyKept"));
    const figures = await termlyFigures(tx, { authorityId, ...parsed });
    const [row] = await tx
      .insert(schema.termlyReportSnapshots)
      .values({ authorityId, term, figures: figures as unknown as Record<string, unknown>, takenBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("INVALID_STATE", t("refusal.reporting.termlyReportAlreadyKept"));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "report.termly.snapshot",
      entityType: "termly_report_snapshot",
      entityId: row.id,
      after: { term },
    });
    return row;
  });
}

export async function storedSnapshot(db: Queryable, { authorityId, term, lock = false }: { authorityId: string; term: string; lock?: boolean }) {
  const query = db
    .select({
      id: schema.termlyReportSnapshots.id,
      figures: schema.termlyReportSnapshots.figures,
      createdAt: schema.termlyReportSnapshots.createdAt,
      takenBy: schema.users.name,
    })
    .from(schema.termlyReportSnapshots)
    .innerJoin(schema.users, eq(schema.users.id, schema.termlyReportSnapshots.takenBy))
    .where(and(eq(schema.termlyReportSnapshots.authorityId, authorityId), eq(schema.termlyReportSnapshots.term, term)));
  const [row] = lock ? await query.for("update", { of: schema.termlyReportSnapshots }) : await query;
  return row ? { ...row, figures: row.figures as unknown as TermlyFigures } : null;
}

/** The report for a term: the kept snapshot where there is one, else today's figures. */
export async function termlyReport(db: Queryable, { authorityId, term }: { authorityId: string; term: string }) {
  const parsed = parseTermKey(term);
  if (!parsed) throw new AppError("NOT_FOUND", t("refusal.reporting.termNotFound"));
  const snapshot = await storedSnapshot(db, { authorityId, term });
  if (snapshot) return { figures: snapshot.figures, snapshot: { takenAt: snapshot.createdAt, takenBy: snapshot.takenBy } };
  return { figures: await termlyFigures(db, { authorityId, ...parsed }), snapshot: null };
}
