import { and, eq, inArray, isNull } from "drizzle-orm";
import { schema, type PaymentRoute, type Queryable, type Role } from "~/db.server";
import type { EmailName, EmailProps } from "#emails/index";
import { recipientLanguages } from "~/domain/identity/reader-language.server";
import type { CollectivePurchaseOutcomeProps } from "#emails/collective-purchase-outcome";

/** The people who buy for these schools: their headteachers and business managers. */
export async function schoolBuyers(tx: Queryable, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return tx
    .select({ schoolId: schema.memberships.organisationId, email: schema.users.email, name: schema.users.name })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(
      and(
        inArray(schema.memberships.organisationId, schoolIds),
        inArray(schema.memberships.role, ["headteacher", "school_business_manager"]),
        isNull(schema.users.disabledAt),
      ),
    );
}

/**
 * Many emails in one insert, in the caller's transaction: the same rows `queueEmail` writes one
 * at a time (each in its recipient's language), for a close that tells hundreds of schools at once.
 */
export async function queueEmails<N extends EmailName>(tx: Queryable, authorityId: string, template: N, emails: { to: string; props: EmailProps<N> }[]) {
  const unique = [...new Map(emails.map((e) => [`${e.to.toLowerCase()} ${JSON.stringify(e.props)}`, e])).values()];
  if (unique.length === 0) return;
  const languages = await recipientLanguages(tx, { emails: unique.map((e) => e.to), authorityId });
  await tx.insert(schema.outbox).values(
    unique.map((e) => ({
      kind: "email" as const,
      topic: template,
      recipient: e.to.toLowerCase(),
      language: languages.get(e.to.toLowerCase()),
      payload: e.props as Record<string, unknown>,
      authorityId,
    })),
  );
}

/** Email the buyers of these schools, each with what the email says to their own school. */
export async function emailSchoolBuyers<N extends EmailName>(
  tx: Queryable,
  authorityId: string,
  template: N,
  schoolIds: string[],
  propsFor: (schoolId: string) => EmailProps<N>,
) {
  const buyers = await schoolBuyers(tx, schoolIds);
  await queueEmails(
    tx,
    authorityId,
    template,
    buyers.map((b) => ({ to: b.email, props: propsFor(b.schoolId) })),
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
  }: {
    authorityId: string;
    collectivePurchaseId: string;
    outcome: "confirmed" | "cancelled";
    consortiumName: string;
    offerTitle: string;
    schools: { schoolId: string; name: string }[];
    detailFor: (schoolId: string) => Pick<CollectivePurchaseOutcomeProps, "confirmed" | "cancelled">;
    appUrl: string;
  },
) {
  const names = new Map(schools.map((s) => [s.schoolId, s.name]));
  const url = new URL(`/collective-purchases/${collectivePurchaseId}`, appUrl).toString();
  await emailSchoolBuyers(
    tx,
    authorityId,
    "collective-purchase-outcome",
    schools.map((s) => s.schoolId),
    (schoolId) => ({ outcome, consortiumName, offerTitle, schoolName: names.get(schoolId)!, ...detailFor(schoolId), url }),
  );
}

/** The people of these organisations who hold one of these roles, and are not disabled. */
export async function peopleOf(tx: Queryable, organisationIds: string[], roles: Role[]) {
  if (organisationIds.length === 0) return [];
  return tx
    .selectDistinct({ organisationId: schema.memberships.organisationId, email: schema.users.email, name: schema.users.name })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(inArray(schema.memberships.organisationId, organisationIds), inArray(schema.memberships.role, roles), isNull(schema.users.disabledAt)));
}

/** A school bought on its own: its buyers and the provider's people are told, in the order's transaction. */
export async function tellOrderPlaced(
  tx: Queryable,
  {
    authorityId,
    order,
    schoolName,
    providerName,
    offerTitle,
    appUrl,
  }: {
    authorityId: string;
    order: { id: string; schoolId: string; providerId: string; payablePence: number; grossPence: number; paymentRoute: PaymentRoute };
    schoolName: string;
    providerName: string;
    offerTitle: string;
    appUrl: string;
  },
) {
  const common = {
    schoolName,
    providerName,
    offerTitle,
    amountPence: order.grossPence,
    paymentRoute: order.paymentRoute,
    url: new URL(`/purchases/${order.id}`, appUrl).toString(),
  };
  const school = await schoolBuyers(tx, [order.schoolId]);
  const provider = await peopleOf(tx, [order.providerId], ["provider_admin", "provider_staff"]);
  await queueEmails(tx, authorityId, "order-placed", [
    ...school.map((p) => ({ to: p.email, props: { ...common, audience: "school" as const } })),
    ...provider.map((p) => ({ to: p.email, props: { ...common, audience: "provider" as const } })),
  ]);
}

/** A school asks to pay from its consortium's pot: the lead is asked. */
export async function tellPotRequested(
  tx: Queryable,
  {
    authorityId,
    order,
    consortiumId,
    schoolName,
    offerTitle,
    appUrl,
  }: { authorityId: string; order: { id: string; netPence: number }; consortiumId: string; schoolName: string; offerTitle: string; appUrl: string },
) {
  const [consortium] = await tx.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, consortiumId));
  const leads = await peopleOf(tx, [consortiumId], ["consortium_lead"]);
  const props = {
    consortiumName: consortium?.name ?? "",
    schoolName,
    offerTitle,
    amountPence: order.netPence,
    url: new URL(`/consortia/${consortiumId}`, appUrl).toString(),
  };
  await queueEmails(
    tx,
    authorityId,
    "pot-request",
    leads.map((l) => ({ to: l.email, props })),
  );
}

/** The lead answered a pot request: the school's buyers are told. */
export async function tellPotDecided(
  tx: Queryable,
  {
    authorityId,
    order,
    decision,
    appUrl,
  }: {
    authorityId: string;
    order: { id: string; schoolId: string; consortiumId: string | null; revisionId: string; netPence: number };
    decision: "approved" | "refused";
    appUrl: string;
  },
) {
  const [names] = await tx
    .select({ schoolName: schema.organisations.name, offerTitle: schema.offerRevisions.title })
    .from(schema.organisations)
    .innerJoin(schema.offerRevisions, eq(schema.offerRevisions.id, order.revisionId))
    .where(eq(schema.organisations.id, order.schoolId));
  const [consortium] = order.consortiumId
    ? await tx.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, order.consortiumId))
    : [];
  const props = {
    decision,
    consortiumName: consortium?.name ?? "",
    schoolName: names.schoolName,
    offerTitle: names.offerTitle,
    amountPence: order.netPence,
    url: new URL(`/purchases/${order.id}`, appUrl).toString(),
  };
  await emailSchoolBuyers(tx, authorityId, "pot-decision", [order.schoolId], () => props);
}
