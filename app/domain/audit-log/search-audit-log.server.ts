import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { formatCursor, type Cursor } from "./rules";
import { t } from "~/i18n";

const { auditLog, users, organisations, memberships } = schema;

export type AuditFilter = {
  actorUserId?: string;
  organisationId?: string;
  action?: string;
  /** Instants: from inclusive, to exclusive. */
  from?: Date;
  to?: Date;
};

export type AuditPageOptions = {
  authorityId: string;
  filter: AuditFilter;
  /** Start after this row (older ones), or with `direction: "newer"` before it. */
  cursor?: Cursor | null;
  direction?: "older" | "newer";
  limit?: number;
};

const cursorAt = sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const rowKey = sql`(${auditLog.createdAt}, ${auditLog.id})`;
const organisation = alias(organisations, "audit_organisation");

function conditions(authorityId: string, filter: AuditFilter): SQL[] {
  const where: SQL[] = [eq(auditLog.authorityId, authorityId)];
  if (filter.actorUserId) where.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.organisationId) where.push(eq(auditLog.organisationId, filter.organisationId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) where.push(lt(auditLog.createdAt, filter.to));
  return where;
}

/**
 * One page of the authority's log, newest first, by keyset: the page after (or before) a row is a
 * range scan of the index that serves the filter, as fast on the millionth row as on the first.
 */
export async function auditLogRows(db: Queryable, { authorityId, filter, cursor, direction = "older", limit = 50 }: AuditPageOptions) {
  const where = conditions(authorityId, filter);
  const newer = direction === "newer" && cursor;
  if (cursor) where.push(newer ? sql`${rowKey} > (${cursor.at}::timestamptz, ${cursor.id})` : sql`${rowKey} < (${cursor.at}::timestamptz, ${cursor.id})`);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      cursorAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      organisationId: auditLog.organisationId,
      organisationName: organisation.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organisation, eq(organisation.id, auditLog.organisationId))
    .where(and(...where))
    .orderBy(...(newer ? [asc(auditLog.createdAt), asc(auditLog.id)] : [desc(auditLog.createdAt), desc(auditLog.id)]))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (newer) page.reverse();
  const entries = page.map(({ cursorAt: at, ...row }) => ({ ...row, cursor: formatCursor({ at, id: row.id }) }));
  return {
    entries,
    // Whether there is anything beyond the page on either side (the side we came from always has rows).
    hasOlder: newer ? Boolean(cursor) : more,
    hasNewer: newer ? more : Boolean(cursor),
  };
}

/** The kinds of change the authority's log holds: a skip scan of the action index, not a scan of the log. */
export async function auditActions(db: Queryable, authorityId: string): Promise<string[]> {
  const rows = await db.execute<{ action: string }>(sql`
    with recursive kinds(action) as (
      (select action from audit_log where authority_id = ${authorityId} order by action limit 1)
      union all
      select (select a.action from audit_log a where a.authority_id = ${authorityId} and a.action > kinds.action order by a.action limit 1)
      from kinds where kinds.action is not null
    )
    select action from kinds where action is not null`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { action: string }[] }).rows).map((r) => r.action);
}

/** Everything the audit page needs: the filter's choices and whether the viewer may see the log at all. */
export async function auditLogPage(db: Queryable, { actor, authorityId, query }: { actor: Actor; authorityId: string; query: AuditPageOptions | null }) {
  if (!can(actor.grants, "view:audit", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.auditLog.administratorsReadAuditLog"));
  const [people, orgs, actions] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(memberships.authorityId, authorityId))
      .orderBy(asc(users.name), asc(users.email), asc(users.id)),
    db
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.authorityId, authorityId))
      .orderBy(asc(organisations.name)),
    auditActions(db, authorityId),
  ]);
  const page = query ? await auditLogRows(db, query) : { entries: [], hasOlder: false, hasNewer: false };
  return { people, organisations: orgs, actions, ...page, canExport: true };
}

/** Are these ids the authority's own? (A filter naming another authority's person or organisation finds nothing.) */
export async function filterBelongsTo(db: Queryable, authorityId: string, filter: AuditFilter) {
  if (filter.actorUserId) {
    const [m] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, filter.actorUserId), eq(memberships.authorityId, authorityId)))
      .limit(1);
    if (!m) return false;
  }
  if (filter.organisationId) {
    const [o] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(inArray(organisations.id, [filter.organisationId]), eq(organisations.authorityId, authorityId)));
    if (!o) return false;
  }
  return true;
}
