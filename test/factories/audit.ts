// What the audit log holds about one thing.
import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { schema } from "~/db.server";

/** The audit rows of this action on this entity (a user, a membership, an order...). */
export const auditRowsOf = (db: Database, entityId: string, action: string) =>
  db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityId, entityId), eq(schema.auditLog.action, action)));
