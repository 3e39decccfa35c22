// How the audit log is read: what changed between before and after, and where a page starts.
import { isMessageKey, t } from "~/i18n";

export type Change = { field: string; before: string | null; after: string | null };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A field's name as words: "amountPence" and "amount_pence" read "amount pence". */
export function fieldWords(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .toLowerCase()
    .trim();
}

/**
 * A stored value as a person reads it: text as it is, lists joined with commas, a record as
 * "field: value" pairs, a list of records one after another with semicolons. Never raw JSON.
 */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const records = value.some((v) => v !== null && typeof v === "object");
    return value.map((v) => displayValue(v) ?? "").join(records ? "; " : ", ");
  }
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${fieldWords(k)}: ${displayValue(v) ?? "–"}`)
      .join(", ");
  return String(value);
}

/** What a kind of audit entry says in words; a kind without words yet is shown as its code. */
export function auditActionLabel(action: string): string {
  const key = `auditAction.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/**
 * The fields that differ between before and after, in the order they first appear; a field the
 * same on both sides is left out. When either side is not an object, the whole value is one change.
 */
export function auditChanges(before: unknown, after: unknown): Change[] {
  if (!isRecord(before) && !isRecord(after)) {
    const b = displayValue(before);
    const a = displayValue(after);
    return b === a ? [] : [{ field: "", before: b, after: a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .map((field) => ({ field: fieldWords(field), before: displayValue(b[field]), after: displayValue(a[field]) }))
    .filter((change) => change.before !== change.after);
}

/** A position in the log, newest first: the row's time (to the microsecond, as PostgreSQL keeps it) and id. */
export type Cursor = { at: string; id: number };

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)~(\d{1,18})$/;

export const formatCursor = ({ at, id }: Cursor) => `${at}~${id}`;

/** A cursor from a link, or null when it is not one we wrote (nothing else reaches the query). */
export function parseCursor(value: string | null | undefined): Cursor | null {
  const match = value ? CURSOR.exec(value) : null;
  if (!match || Number.isNaN(Date.parse(match[1]))) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { at: match[1], id } : null;
}
