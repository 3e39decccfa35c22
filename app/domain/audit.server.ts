import { and, desc, eq, inArray } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { isUuid } from "~/domain/ids";

export type AuditEntry = {
  authorityId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The organisation the change concerns; found from the entity or its before/after when not given. */
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Write an audit row. Call it with the transaction that makes the change. */
export async function audit(tx: Queryable, entry: AuditEntry) {
  await auditAll(tx, [entry]);
}

/** Write many audit rows at once (a document for each of hundreds of schools), in the transaction that makes the changes. */
export async function auditAll(tx: Queryable, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(schema.auditLog).values(
    entries.map((entry) => ({
      ...entry,
      organisationId: entry.organisationId === undefined ? organisationOf(entry) : entry.organisationId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  );
}

/** The newest audit row of one entity with one of these actions: what the banner after a change reads. */
export async function latestAuditOf(
  db: Queryable,
  { authorityId, entityType, entityId, actions }: { authorityId: string; entityType: string; entityId: string; actions: string[] },
) {
  const { auditLog } = schema;
  const [row] = await db
    .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.authorityId, authorityId), eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId), inArray(auditLog.action, actions)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

const ORGANISATION_ENTITIES = new Set(["organisation", "school", "consortium", "provider"]);
const ORGANISATION_FIELDS = ["organisationId", "schoolId", "consortiumId", "providerId"] as const;

/** The organisation a change concerns, so the log can be filtered by it without every caller naming it. */
export function organisationOf(entry: Pick<AuditEntry, "entityType" | "entityId" | "before" | "after">): string | null {
  if (ORGANISATION_ENTITIES.has(entry.entityType) && isUuid(entry.entityId)) return entry.entityId;
  for (const state of [entry.after, entry.before]) {
    if (!state || typeof state !== "object") continue;
    for (const field of ORGANISATION_FIELDS) {
      const value = (state as Record<string, unknown>)[field];
      if (isUuid(value)) return value;
    }
  }
  return null;
}
