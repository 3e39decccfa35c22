import { and, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { pendingJoinInvitations } from "./accept-join-invitation.server";

/**
 * The organisation's members by name, scoped by its authority; "invited" until they set a password,
 * or, for someone who already had an account, until they accept. Both read the same, so the list
 * does not tell whether an invited address already had an account.
 */
export async function listMembers(db: Queryable, { organisationId, authorityId }: { organisationId: string; authorityId: string }) {
  const rows = await db
    .select({
      membershipId: schema.memberships.id,
      userId: schema.users.id,
      name: schema.users.name,
      email: schema.users.email,
      role: schema.memberships.role,
      passwordHash: schema.users.passwordHash,
      createdAt: schema.memberships.createdAt,
    })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(eq(schema.memberships.organisationId, organisationId), eq(schema.memberships.authorityId, authorityId)))
    .orderBy(schema.users.name, schema.memberships.role);
  const members = rows.map(({ passwordHash, ...m }) => ({ ...m, status: passwordHash ? ("active" as const) : ("invited" as const) }));
  const pending = (await pendingJoinInvitations(db, { organisationId })).map((p) => ({
    membershipId: p.id,
    userId: null,
    name: p.name,
    email: p.email,
    role: p.role,
    createdAt: p.createdAt,
    status: "invited" as const,
  }));
  return [...members, ...pending].sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.role.localeCompare(b.role));
}
