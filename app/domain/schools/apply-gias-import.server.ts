import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type Tx } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { auditAll, type AuditEntry } from "~/domain/audit.server";
import { AppError, notFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";
import { diffGias, type SchoolChange } from "./gias-diff";
import { frameworkFor, judgementsFromGias } from "./inspection-frameworks";
import { authorityLaCode, storedSchools, urnsHeldElsewhere } from "./stored-schools.server";

export type ApplyGiasImportOptions = { actor: Actor; authorityId: string; importId: string; now?: Date; batchSize?: number };
export type ImportCounts = { added: number; changed: number; closed: number; inspections: number };
/** "progress": this batch is done and more remain; "applied": the last batch is done; "nothing": the file changed nothing, or was applied already. */
export type ApplyGiasImportResult = { outcome: "progress" | "applied" | "nothing"; done: number; total: number } & ImportCounts;

/** Schools per batch: each batch is one transaction, short enough that progress can be shown between them. */
export const APPLY_BATCH = 2000;

const CHUNK = 1000;
async function inChunks<T>(items: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
}

const isoDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(d);

/** The file's establishments in the order they are applied: a repeated URN keeps its first row, as the preview does. */
export function rowsToApply<T extends { urn: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.urn) ? false : (seen.add(r.urn), true)));
}

const zero: ImportCounts = { added: 0, changed: 0, closed: 0, inspections: 0 };

/**
 * Apply the next batch of an uploaded GIAS file to the authority's schools. Each call is its own
 * transaction holding the import row `for update`, so two people applying at once take turns and
 * each batch is applied once. Idempotent by URN: the batch's comparison is made again inside the
 * transaction, so a school already brought in line is left alone. Call again while the outcome is
 * "progress".
 */
export async function applyGiasImport(
  db: Database,
  { actor, authorityId, importId, now = new Date(), batchSize = APPLY_BATCH }: ApplyGiasImportOptions,
): Promise<ApplyGiasImportResult> {
  if (!can(actor.grants, "import:schools", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  if (!isUuid(importId)) throw notFound(t("refusal.schools.importNotFound"));
  return db.transaction(async (tx) => {
    // One apply at a time per authority: two imports at once would both see the same schools as new.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`school-import:${authorityId}`}))`);
    const [file] = await tx
      .select({
        id: schema.schoolImports.id,
        rows: schema.schoolImports.rows,
        fileName: schema.schoolImports.fileName,
        done: schema.schoolImports.applyDone,
        appliedAt: schema.schoolImports.appliedAt,
        startedAt: schema.schoolImports.applyStartedAt,
        result: schema.schoolImports.result,
      })
      .from(schema.schoolImports)
      .where(and(eq(schema.schoolImports.id, importId), eq(schema.schoolImports.authorityId, authorityId)))
      .for("update");
    if (!file) throw notFound(t("refusal.schools.importNotFound"));
    const all = rowsToApply(file.rows);
    const total = all.length;
    if (file.appliedAt) return { outcome: "nothing" as const, done: total, total, ...zero };
    const authority = await authorityLaCode(tx, authorityId);
    if (!authority?.laCode) throw new AppError("INVALID_STATE", t("gias.error.noLaCode"));

    const batch = all.slice(file.done, file.done + Math.max(1, batchSize));
    const urns = batch.map((r) => r.urn);
    const diff = diffGias({
      laCode: authority.laCode,
      ours: await storedSchools(tx, authorityId, urns),
      heldElsewhere: await urnsHeldElsewhere(tx, authorityId, urns),
      rows: batch,
    });
    const today = isoDay(now);

    const addedIds = new Map<string, string>();
    // Each row names the school as its organisation, so the log filtered by the school finds it.
    const audits: AuditEntry[] = [];
    await inChunks(diff.added, async (chunk) => {
      const organisations = chunk.map((row) => ({ id: randomUUID(), authorityId, kind: "school" as const, name: row.name }));
      chunk.forEach((row, i) => addedIds.set(row.urn, organisations[i].id));
      await tx.insert(schema.organisations).values(organisations);
      await tx.insert(schema.schools).values(
        chunk.map((row) => ({
          organisationId: addedIds.get(row.urn)!,
          authorityId,
          urn: row.urn,
          phase: row.phase,
          establishmentType: row.establishmentType,
          laMaintained: row.laMaintained,
          numberOnRoll: row.numberOnRoll ?? 0,
          typeName: row.typeName || null,
          status: "open" as const,
          postcode: row.postcode,
          town: row.town,
        })),
      );
    });
    for (const row of diff.added) {
      audits.push({
        authorityId,
        actorUserId: actor.id,
        action: "school.added",
        entityType: "organisation",
        entityId: addedIds.get(row.urn)!,
        organisationId: addedIds.get(row.urn)!,
        after: {
          urn: row.urn,
          name: row.name,
          phase: row.phase,
          typeName: row.typeName,
          numberOnRoll: row.numberOnRoll,
          postcode: row.postcode,
          town: row.town,
          importId,
        },
      });
    }
    for (const change of [...diff.changed, ...diff.closed]) {
      await updateSchool(tx, authorityId, change, today);
      const before = Object.fromEntries(change.fields.map((f) => [f.field, f.before]));
      const after = Object.fromEntries(change.fields.map((f) => [f.field, f.after]));
      const closing = diff.closed.includes(change);
      audits.push({
        authorityId,
        actorUserId: actor.id,
        action: closing ? "school.closed" : "school.changed",
        entityType: "organisation",
        entityId: change.schoolId,
        organisationId: change.schoolId,
        before,
        after: { ...after, importId, ...(change.movedToLaCode ? { movedToLaCode: change.movedToLaCode } : {}) },
      });
    }

    const inspections = await newInspections(
      tx,
      authorityId,
      batch.filter((r) => r.laCode === authority.laCode),
      addedIds,
    );
    await inChunks(inspections, (chunk) => tx.insert(schema.inspections).values(chunk).onConflictDoNothing());
    await inChunks(audits, (chunk) => auditAll(tx, chunk));

    const so = file.result ?? zero;
    const result: ImportCounts = {
      added: so.added + diff.added.length,
      changed: so.changed + diff.changed.length,
      closed: so.closed + diff.closed.length,
      inspections: so.inspections + inspections.length,
    };
    const done = file.done + batch.length;
    const progress = { applyDone: done, applyTotal: total, result, ...(file.startedAt ? {} : { applyStartedAt: now, applyStartedBy: actor.id }) };
    if (done < total) {
      await tx.update(schema.schoolImports).set(progress).where(eq(schema.schoolImports.id, file.id));
      return { outcome: "progress" as const, done, total, ...result };
    }
    if (result.added + result.changed + result.closed + result.inspections === 0) {
      // Nothing to record: leave the import as it was, so a file that changed nothing is not "applied".
      await tx
        .update(schema.schoolImports)
        .set({ applyDone: 0, applyTotal: null, applyStartedAt: null, applyStartedBy: null, result: null })
        .where(eq(schema.schoolImports.id, file.id));
      return { outcome: "nothing" as const, done, total, ...result };
    }
    await tx.insert(schema.auditLog).values({
      authorityId,
      actorUserId: actor.id,
      action: "school_import.applied",
      entityType: "school_import",
      entityId: file.id,
      after: { fileName: file.fileName, ...result },
    });
    await tx
      .update(schema.schoolImports)
      .set({ ...progress, appliedAt: now, appliedBy: actor.id })
      .where(eq(schema.schoolImports.id, file.id));
    return { outcome: "applied" as const, done, total, ...result };
  });
}

async function updateSchool(tx: Tx, authorityId: string, change: SchoolChange, today: string) {
  const { row } = change;
  const changed = new Set(change.fields.map((f) => f.field));
  const set: Partial<typeof schema.schools.$inferInsert> = {};
  if (changed.has("phase")) set.phase = row.phase;
  if (changed.has("typeName")) Object.assign(set, { typeName: row.typeName, establishmentType: row.establishmentType, laMaintained: row.laMaintained });
  if (changed.has("numberOnRoll") && row.numberOnRoll !== null) set.numberOnRoll = row.numberOnRoll;
  if (changed.has("postcode")) set.postcode = row.postcode;
  if (changed.has("town")) set.town = row.town;
  if (changed.has("status"))
    Object.assign(set, row.status === "closed" ? { status: "closed", closedOn: row.closedOn ?? today } : { status: "open", closedOn: null });
  if (Object.keys(set).length)
    await tx
      .update(schema.schools)
      .set(set)
      .where(and(eq(schema.schools.organisationId, change.schoolId), eq(schema.schools.authorityId, authorityId)));
  if (changed.has("name"))
    await tx
      .update(schema.organisations)
      .set({ name: row.name })
      .where(and(eq(schema.organisations.id, change.schoolId), eq(schema.organisations.authorityId, authorityId)));
}

/** Ofsted inspections the file names that the schools do not have yet (by school and date). */
async function newInspections(
  tx: Tx,
  authorityId: string,
  rows: { urn: string; ofstedLastInspection: string | null; ofstedRating: string | null }[],
  addedIds: Map<string, string>,
) {
  const dated = rows.filter((r) => r.ofstedLastInspection);
  if (dated.length === 0) return [];
  const schools = await tx
    .select({ id: schema.schools.organisationId, urn: schema.schools.urn })
    .from(schema.schools)
    .where(
      and(
        eq(schema.schools.authorityId, authorityId),
        inArray(
          schema.schools.urn,
          dated.map((r) => r.urn),
        ),
      ),
    );
  const idByUrn = new Map(schools.map((s) => [s.urn, s.id]));
  for (const [urn, id] of addedIds) idByUrn.set(urn, id);
  const existing = await tx
    .select({ schoolId: schema.inspections.schoolId, inspectedOn: schema.inspections.inspectedOn })
    .from(schema.inspections)
    .innerJoin(schema.schools, eq(schema.schools.organisationId, schema.inspections.schoolId))
    .where(
      and(
        eq(schema.schools.authorityId, authorityId),
        inArray(schema.inspections.inspectorate, ["ofsted"]),
        inArray(
          schema.schools.urn,
          dated.map((r) => r.urn),
        ),
      ),
    );
  const have = new Set(existing.map((e) => `${e.schoolId}:${e.inspectedOn}`));
  return dated.flatMap((r) => {
    const schoolId = idByUrn.get(r.urn);
    if (!schoolId || have.has(`${schoolId}:${r.ofstedLastInspection}`)) return [];
    have.add(`${schoolId}:${r.ofstedLastInspection}`);
    const framework = frameworkFor("ofsted", r.ofstedLastInspection!);
    return [
      { schoolId, inspectorate: "ofsted" as const, framework, judgements: judgementsFromGias(framework, r.ofstedRating), inspectedOn: r.ofstedLastInspection! },
    ];
  });
}
