// The authority's bank statement, uploaded by finance as CSV: read (columns by name, money to
// integer pence), stored once per line whatever the number of uploads, and searched for the
// invoice number each line quotes.
import { createHash, randomUUID } from "node:crypto";
import { and, eq, gte, lte } from "drizzle-orm";
import { csvRecords } from "~/csv-records.server";
import { schema, type Database, type Queryable } from "~/db.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { audit, latestAuditOf } from "~/domain/audit.server";
import { parseDay } from "~/domain/categories/rules";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { documentPrefix } from "~/domain/purchasing/rules";
import { parsePounds } from "~/forms/fields";
import { t } from "~/i18n";

const { bankStatementLines, authorities } = schema;

/** A statement file is at most this big, and this many lines: a month of an authority's account is far less. */
export const STATEMENT_MAX_BYTES = 1_000_000;
export const STATEMENT_MAX_LINES = 5_000;

export type StatementLine = { line: number; bookedOn: string; reference: string; amountPence: number; hash: string };
export type StatementError = { line: number; message: string };

const DATE_COLUMNS = ["date", "transaction date", "posting date", "posted", "value date", "booked"];
const REFERENCE_COLUMNS = ["reference", "description", "details", "narrative", "memo", "transaction description"];
const AMOUNT_COLUMNS = ["amount", "amount (£)", "amount gbp", "amount (gbp)", "value"];
const IN_COLUMNS = ["paid in", "money in", "credit", "credit amount"];
const OUT_COLUMNS = ["paid out", "money out", "debit", "debit amount"];

/** "£1,234.56", "-12.30", "(12.30)" or "−12.30" as signed integer pence; null when it is not an amount of pounds. */
export function signedPence(input: string): number | null {
  let text = input.trim().replace(/\u2212/g, "-");
  let sign = 1;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) [text, sign] = [bracketed[1].trim(), -1];
  if (/^-/.test(text)) [text, sign] = [text.slice(1).trim(), -sign];
  else if (/^£-/.test(text)) [text, sign] = [`£${text.slice(2)}`, -sign];
  if (text.startsWith("+")) text = text.slice(1);
  const pence = parsePounds(text);
  return pence === null || !Number.isFinite(pence) ? null : sign * pence;
}

const normalise = (reference: string) => reference.trim().replace(/\s+/g, " ");

/** The key a line is stored under: equal lines of one file (two payments of £10 on a day, same reference) are told apart by occurrence. */
export function lineHash(line: { bookedOn: string; reference: string; amountPence: number }, occurrence: number) {
  return createHash("sha256")
    .update([line.bookedOn, normalise(line.reference).toUpperCase(), String(line.amountPence), String(occurrence)].join("\u0000"))
    .digest("hex");
}

/**
 * The lines of a statement file (date, reference or description, and an amount, or paid in and
 * paid out, read by name in any order). Every bad line is reported by its number; a file with
 * any bad line is refused whole.
 */
export function readBankStatement(text: string): { lines: StatementLine[]; errors: StatementError[] } {
  const records = csvRecords(text);
  if (!records) return { lines: [], errors: [{ line: 1, message: t("bankStatement.error.notCsv") }] };
  if (records.length < 2) return { lines: [], errors: [{ line: 1, message: t("bankStatement.error.empty") }] };
  if (records.length - 1 > STATEMENT_MAX_LINES)
    return { lines: [], errors: [{ line: 1, message: t("bankStatement.error.tooManyLines", { max: STATEMENT_MAX_LINES }) }] };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const dateAt = col(DATE_COLUMNS);
  const referenceAt = col(REFERENCE_COLUMNS);
  const amountAt = col(AMOUNT_COLUMNS);
  const inAt = col(IN_COLUMNS);
  const outAt = col(OUT_COLUMNS);
  const missing = [
    dateAt < 0 ? t("bankStatement.column.date") : null,
    referenceAt < 0 ? t("bankStatement.column.reference") : null,
    amountAt < 0 && inAt < 0 ? t("bankStatement.column.amount") : null,
  ].filter(Boolean);
  if (missing.length) return { lines: [], errors: [{ line: 1, message: t("bankStatement.error.missingColumns", { missing: missing.join(", ") }) }] };

  const lines: StatementLine[] = [];
  const errors: StatementError[] = [];
  const occurrences = new Map<string, number>();
  records.slice(1).forEach(({ record: cells }, i) => {
    // A quoted field may run over several lines: a row starts on the line after the one before it ends.
    const line = records[i].info.lines + 1;
    const cell = (at: number) => (at < 0 ? "" : (cells[at] ?? "").trim());
    const bookedOn = parseDay(cell(dateAt));
    if (!bookedOn) return errors.push({ line, message: t("bankStatement.error.date", { value: cell(dateAt).slice(0, 20) }) });
    const reference = normalise(cell(referenceAt));
    if (reference.length > 500) return errors.push({ line, message: t("bankStatement.error.referenceTooLong") });
    let amountPence: number | null;
    if (amountAt >= 0) amountPence = signedPence(cell(amountAt));
    else {
      const paidIn = cell(inAt) === "" ? 0 : signedPence(cell(inAt));
      const paidOut = cell(outAt) === "" ? 0 : signedPence(cell(outAt));
      amountPence = paidIn === null || paidOut === null ? null : paidIn - Math.abs(paidOut);
    }
    const raw = amountAt >= 0 ? cell(amountAt) : `${cell(inAt)} ${cell(outAt)}`.trim();
    if (amountPence === null || Math.abs(amountPence) > 1_000_000_000_00)
      return errors.push({ line, message: t("bankStatement.error.amount", { value: raw.slice(0, 20) }) });
    // A line of nothing (a balance brought forward, a header repeated) moves no money: passed over.
    if (amountPence === 0) return;
    const key = `${bookedOn}\u0000${reference.toUpperCase()}\u0000${amountPence}`;
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    lines.push({ line, bookedOn, reference, amountPence, hash: lineHash({ bookedOn, reference, amountPence }, occurrence) });
  });
  return { lines, errors };
}

/**
 * The invoice number a bank reference quotes (ARD-2026-000042, or as banks shorten it,
 * ARD2026000042 or "ard 2026 000042"), written as the invoice is; null when it quotes none of ours.
 */
export function invoiceNumberIn(reference: string, prefix: string): string | null {
  const match = new RegExp(`(?:^|[^A-Z0-9])${prefix}[-\\s/]?(\\d{4})[-\\s/]?(\\d{6})(?!\\d)`, "i").exec(reference);
  return match ? `${prefix}-${match[1]}-${match[2]}` : null;
}

export async function invoicePrefixOf(db: Queryable, authorityId: string) {
  const [authority] = await db.select({ slug: authorities.slug }).from(authorities).where(eq(authorities.id, authorityId));
  return documentPrefix(authority?.slug ?? "");
}

export type StatementUpload = { uploadId: string; fileName: string; read: number; added: number; alreadyHeld: number; from: string | null; to: string | null };

/**
 * Finance uploads a bank statement: every line is checked before any is written, new lines are
 * stored, lines already held (the same statement again, or an overlapping one) are counted once,
 * and the upload is audited in the same transaction.
 */
export async function importBankStatement(
  db: Database,
  { actor, authorityId, fileName, csv }: { actor: Actor; authorityId: string; fileName: string; csv: string },
): Promise<StatementUpload> {
  ensureCan(actor, "record:payment", { authorityId }, t("refunds.error.notFinance"));
  const { lines, errors } = readBankStatement(csv);
  if (errors.length) {
    const shown = errors.slice(0, 5).map((e) => t("bankStatement.error.line", { line: e.line, message: e.message }));
    const more = errors.length > 5 ? [t("bankStatement.error.more", { count: errors.length - 5 })] : [];
    throw new AppError("INVALID_INPUT", [...shown, ...more].join(" "));
  }
  if (lines.length === 0) throw new AppError("INVALID_INPUT", t("bankStatement.error.empty"));
  const name = fileName.replace(/[^\w .()-]/g, "_").slice(0, 120) || "statement.csv";
  const uploadId = randomUUID();
  const days = lines.map((l) => l.bookedOn).sort();
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(bankStatementLines)
      .values(
        lines.map((l) => ({
          authorityId,
          uploadId,
          lineHash: l.hash,
          bookedOn: l.bookedOn,
          reference: l.reference,
          amountPence: l.amountPence,
          fileLine: l.line,
          fileName: name,
          uploadedBy: actor.id,
        })),
      )
      .onConflictDoNothing({ target: [bankStatementLines.authorityId, bankStatementLines.lineHash] })
      .returning({ id: bankStatementLines.id });
    const result: StatementUpload = {
      uploadId,
      fileName: name,
      read: lines.length,
      added: added.length,
      alreadyHeld: lines.length - added.length,
      from: days[0] ?? null,
      to: days.at(-1) ?? null,
    };
    await audit(tx, { authorityId, actorUserId: actor.id, action: "bank_statement.uploaded", entityType: "bank_statement", entityId: uploadId, after: result });
    return result;
  });
}

/** Statement lines booked in a range of days, oldest first, at most `limit`. */
export function statementLinesBetween(db: Queryable, authorityId: string, { from, to }: { from: string; to: string }, limit: number) {
  return db
    .select({
      id: bankStatementLines.id,
      bookedOn: bankStatementLines.bookedOn,
      reference: bankStatementLines.reference,
      amountPence: bankStatementLines.amountPence,
    })
    .from(bankStatementLines)
    .where(and(eq(bankStatementLines.authorityId, authorityId), gte(bankStatementLines.bookedOn, from), lte(bankStatementLines.bookedOn, to)))
    .orderBy(bankStatementLines.bookedOn, bankStatementLines.id)
    .limit(limit);
}

/** What an upload read, from its audit row, for the banner after it; null for another authority's or an unknown upload. */
export async function uploadSummary(db: Queryable, authorityId: string, uploadId: string | null): Promise<StatementUpload | null> {
  if (!uploadId || !isUuid(uploadId)) return null;
  const row = await latestAuditOf(db, { authorityId, entityType: "bank_statement", entityId: uploadId, actions: ["bank_statement.uploaded"] });
  return (row?.after as StatementUpload | undefined) ?? null;
}
