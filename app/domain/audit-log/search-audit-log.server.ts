import { and, asc, desc, eq, exists, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
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

/**
 * The people whose actions the log can be filtered by: everyone who belongs to the authority, and
 * everyone who has done something in it, so a person who has since left can still be found. The
 * actors come from a skip scan of the actor index, one step per person rather than a scan of the log.
 */
export async function auditPeople(db: Queryable, authorityId: string) {
  const actors = sql`(
    with recursive actors(id) as (
      (select actor_user_id from audit_log where authority_id = ${authorityId} and actor_user_id is not null order by actor_user_id limit 1)
      union all
      select (select a.actor_user_id from audit_log a where a.authority_id = ${authorityId} and a.actor_user_id > actors.id order by a.actor_user_id limit 1)
      from actors where actors.id is not null
    )
    select id from actors where id is not null)`;
  const members = db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.authorityId, authorityId));
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(or(inArray(users.id, members), inArray(users.id, actors)))
    .orderBy(asc(users.name), asc(users.email), asc(users.id));
}

/** Everything the audit page needs: the filter's choices and whether the viewer may see the log at all. */
export async function auditLogPage(db: Queryable, { actor, authorityId, query }: { actor: Actor; authorityId: string; query: AuditPageOptions | null }) {
  if (!can(actor.grants, "view:audit", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.auditLog.administratorsReadAuditLog"));
  const [people, orgs, actions] = await Promise.all([
    auditPeople(db, authorityId),
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
    // A member of the authority, or anyone who has acted in it (someone since removed); never a stranger to it.
    const actorUserId = filter.actorUserId;
    const [known] = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, actorUserId),
          or(
            exists(
              db
                .select({ id: memberships.id })
                .from(memberships)
                .where(and(eq(memberships.userId, actorUserId), eq(memberships.authorityId, authorityId))),
            ),
            exists(
              db
                .select({ id: auditLog.id })
                .from(auditLog)
                .where(and(eq(auditLog.authorityId, authorityId), eq(auditLog.actorUserId, actorUserId))),
            ),
          ),
        ),
      );
    if (!known) return false;
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
