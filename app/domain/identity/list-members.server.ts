import { and, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";

/** The organisation's members by name, scoped by its authority; "invited" until they set a password. */
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
  return rows.map(({ passwordHash, ...m }) => ({ ...m, status: passwordHash ? ("active" as const) : ("invited" as const) }));
}
