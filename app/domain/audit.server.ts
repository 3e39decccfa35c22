import { schema, type Queryable } from "~/db.server";

export type AuditEntry = {
  authorityId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Write an audit row. Call it with the transaction that makes the change. */
export async function audit(tx: Queryable, entry: AuditEntry) {
  await tx.insert(schema.auditLog).values({
    ...entry,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
