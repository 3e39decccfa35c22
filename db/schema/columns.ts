import { bigint, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
/** An amount of money in pence, as a bigint: a 500-school purchase of a large programme passes 2^31 pence. */
export const pence = (name: string) => bigint(name, { mode: "number" });

/**
 * A text kept as the catalogue message that says it (its key and params, a param itself perhaps a
 * message), so it is shown in the reader's language rather than the one it was written in.
 */
export type StoredMessage = { key: string; params?: Record<string, string | number | StoredMessage> };

/** A required reference to another table's row. */
export const refersTo = (name: string, target: () => AnyPgColumn) => uuid(name).notNull().references(target);
/** A primary key that is also a reference: the one row that extends another table's row. */
export const keyOf = (name: string, target: () => AnyPgColumn) => uuid(name).primaryKey().references(target);
