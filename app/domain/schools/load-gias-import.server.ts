import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError, notFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";
import { diffGias, PREVIEW_LIMIT } from "./gias-diff";
import { rowsToApply } from "./apply-gias-import.server";
import { authorityLaCode, storedSchools, urnsHeldElsewhere } from "./stored-schools.server";

/** An uploaded file and what applying it would do now, for the preview page. */
export async function loadGiasImport(db: Queryable, { actor, authorityId, importId }: { actor: Actor; authorityId: string; importId: string }) {
  if (!can(actor.grants, "import:schools", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  if (!isUuid(importId)) throw notFound(t("refusal.schools.importNotFound"));
  const applier = alias(schema.users, "applier");
  const starter = alias(schema.users, "starter");
  const [found] = await db
    .select({
      id: schema.schoolImports.id,
      fileName: schema.schoolImports.fileName,
      encoding: schema.schoolImports.encoding,
      totalRows: schema.schoolImports.totalRows,
      rows: schema.schoolImports.rows,
      createdAt: schema.schoolImports.createdAt,
      appliedAt: schema.schoolImports.appliedAt,
      appliedByName: applier.name,
      result: schema.schoolImports.result,
      uploadedByName: schema.users.name,
      applyDone: schema.schoolImports.applyDone,
      applyStartedAt: schema.schoolImports.applyStartedAt,
      applyStartedByName: starter.name,
    })
    .from(schema.schoolImports)
    .innerJoin(schema.users, eq(schema.users.id, schema.schoolImports.uploadedBy))
    .leftJoin(applier, eq(applier.id, schema.schoolImports.appliedBy))
    .leftJoin(starter, eq(starter.id, schema.schoolImports.applyStartedBy))
    .where(and(eq(schema.schoolImports.id, importId), eq(schema.schoolImports.authorityId, authorityId)));
  if (!found) throw notFound(t("refusal.schools.importNotFound"));
  const authority = await authorityLaCode(db, authorityId);
  const laCode = authority?.laCode ?? "";
  const diff = diffGias({ laCode, ours: await storedSchools(db, authorityId), heldElsewhere: await urnsHeldElsewhere(db, authorityId), rows: found.rows });
  const { rows, applyDone, applyStartedAt, applyStartedByName, ...file } = found;
  // Mid-apply the preview shows what is left to do; progress says how far it has got.
  const progress =
    applyStartedAt && !found.appliedAt
      ? { done: applyDone, total: rowsToApply(rows).length, startedAt: applyStartedAt, startedByName: applyStartedByName ?? "", soFar: found.result }
      : null;
  return {
    progress,
    file: { ...file, rowsOfAuthority: rows.filter((r) => r.laCode === laCode).length },
    laCode,
    counts: {
      added: diff.added.length,
      changed: diff.changed.length,
      closed: diff.closed.length,
      unchanged: diff.unchanged,
      closedNotHeld: diff.closedNotHeld,
      heldElsewhere: diff.heldElsewhere.length,
    },
    added: diff.added
      .slice(0, PREVIEW_LIMIT)
      .map((r) => ({ urn: r.urn, name: r.name, phase: r.phase, typeName: r.typeName, numberOnRoll: r.numberOnRoll, postcode: r.postcode })),
    changed: diff.changed.slice(0, PREVIEW_LIMIT).map(({ row: _row, ...c }) => c),
    closed: diff.closed.slice(0, PREVIEW_LIMIT).map(({ row, ...c }) => ({ ...c, closedOn: row.closedOn })),
    canApply: true,
  };
}

/** The upload page: the authority's LA code and its latest imports. */
export async function loadGiasImports(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  if (!can(actor.grants, "import:schools", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  const authority = await authorityLaCode(db, authorityId);
  const recent = await db
    .select({
      id: schema.schoolImports.id,
      fileName: schema.schoolImports.fileName,
      createdAt: schema.schoolImports.createdAt,
      appliedAt: schema.schoolImports.appliedAt,
    })
    .from(schema.schoolImports)
    .where(eq(schema.schoolImports.authorityId, authorityId))
    .orderBy(desc(schema.schoolImports.createdAt))
    .limit(10);
  return { laCode: authority?.laCode ?? null, recent };
}
