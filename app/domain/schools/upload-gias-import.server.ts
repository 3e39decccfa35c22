import { eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { decodeGiasFile, isGiasProblem, parseGias, type GiasProblem } from "./gias";
import { authorityLaCode } from "./stored-schools.server";

export type UploadGiasImportOptions = { actor: Actor; authorityId: string; fileName: string; bytes: Uint8Array };

/** The message shown by the file field for a file that cannot be read. */
export function problemMessage(problem: GiasProblem): string {
  switch (problem.code) {
    case "EMPTY":
      return t("gias.error.empty");
    case "NOT_TEXT":
      return t("gias.error.notText");
    case "NOT_CSV":
      return t("gias.error.notCsv", { line: problem.line });
    case "MISSING_COLUMNS":
      return t("gias.error.missingColumns", { columns: problem.columns.join(", ") });
    case "NO_ROWS":
      return t("gias.error.noRows");
  }
}

/**
 * Read a GIAS establishment file and keep the authority's rows (and any school it holds that the
 * file now lists under another LA) for the preview. Nothing about the schools changes yet.
 */
export async function uploadGiasImport(db: Database, { actor, authorityId, fileName, bytes }: UploadGiasImportOptions): Promise<{ importId: string }> {
  if (!can(actor.grants, "import:schools", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  const authority = await authorityLaCode(db, authorityId);
  if (!authority?.laCode) throw new AppError("INVALID_STATE", t("gias.error.noLaCode"));
  const laCode = authority.laCode;

  const decoded = decodeGiasFile(bytes);
  if (isGiasProblem(decoded)) throw new AppError("INVALID_INPUT", problemMessage(decoded));
  const held = new Set(
    (await db.select({ urn: schema.schools.urn }).from(schema.schools).where(eq(schema.schools.authorityId, authorityId))).map((r) => r.urn),
  );
  const parsed = parseGias(decoded.text, (row) => row.laCode === laCode || held.has(row.urn));
  if (isGiasProblem(parsed)) throw new AppError("INVALID_INPUT", problemMessage(parsed));
  if (!parsed.rows.some((row) => row.laCode === laCode)) {
    throw new AppError("INVALID_INPUT", t("gias.error.notThisLa", { laCode, authority: authority.name, rows: parsed.totalRows }));
  }

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(schema.schoolImports)
      .values({
        authorityId,
        uploadedBy: actor.id,
        fileName: fileName.slice(0, 255) || "establishments.csv",
        encoding: decoded.encoding,
        totalRows: parsed.totalRows,
        rows: parsed.rows,
      })
      .returning({ id: schema.schoolImports.id });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "school_import.uploaded",
      entityType: "school_import",
      entityId: created.id,
      after: { fileName, encoding: decoded.encoding, totalRows: parsed.totalRows, rowsOfAuthority: parsed.rows.length },
    });
    return { importId: created.id };
  });
}
