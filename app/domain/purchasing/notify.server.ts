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

/** Tell the buyers of each joined school how a collective purchase ended, with a line about their school. */
export async function tellOutcome(
  tx: Queryable,
  {
    authorityId,
    collectivePurchaseId,
    outcome,
    consortiumName,
    offerTitle,
    schools,
    detailFor,
    appUrl,
  }: { authorityId: string; collectivePurchaseId: string; outcome: "confirmed" | "cancelled"; consortiumName: string; offerTitle: string; schools: { schoolId: string; name: string }[]; detailFor: (schoolId: string) => string; appUrl: string },
) {
  const names = new Map(schools.map((s) => [s.schoolId, s.name]));
  const url = new URL(`/collective-purchases/${collectivePurchaseId}`, appUrl).toString();
  const buyers = await schoolBuyers(tx, schools.map((s) => s.schoolId));
  await queueEmails(
    tx,
    authorityId,
    "collective-purchase-outcome",
    buyers.map((b) => ({ to: b.email, props: { outcome, consortiumName, offerTitle, schoolName: names.get(b.schoolId)!, detail: detailFor(b.schoolId), url } })),
  );
}
