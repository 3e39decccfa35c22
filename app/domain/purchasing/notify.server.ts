import { and, eq, inArray, isNull } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { EmailName, EmailProps } from "#emails/index";

/** The people who buy for these schools: their headteachers and business managers. */
export async function schoolBuyers(tx: Queryable, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return tx
    .select({ schoolId: schema.memberships.organisationId, email: schema.users.email, name: schema.users.name })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(inArray(schema.memberships.organisationId, schoolIds), inArray(schema.memberships.role, ["headteacher", "school_business_manager"]), isNull(schema.users.disabledAt)));
}

/**
 * Many emails in one insert, in the caller's transaction: the same rows `queueEmail` writes one
 * at a time, for a close that tells hundreds of schools at once.
 */
export async function queueEmails<N extends EmailName>(tx: Queryable, authorityId: string, template: N, emails: { to: string; props: EmailProps<N> }[]) {
  const unique = [...new Map(emails.map((e) => [`${e.to.toLowerCase()} ${JSON.stringify(e.props)}`, e])).values()];
  if (unique.length === 0) return;
  await tx.insert(schema.outbox).values(
    unique.map((e) => ({ kind: "email" as const, topic: template, recipient: e.to.toLowerCase(), payload: e.props as Record<string, unknown>, authorityId })),
  );
}
