// Telling providers about calls for offers and how they were decided, through the outbox in the
// caller's transaction.
import { and, eq, sql } from "drizzle-orm";
import { schema, type Queryable, type SubjectArea } from "~/db.server";
import { peopleOf, queueEmails } from "~/domain/purchasing/notify.server";

/** Providers of the authority with an offer in this subject area: their people hear of a new call for offers. */
export async function tellCallForOffers(
  tx: Queryable,
  { authorityId, need, appUrl }: { authorityId: string; need: { title: string; subjectArea: SubjectArea; closesOn: string }; appUrl: string },
) {
  const providers = await tx
    .selectDistinct({ id: schema.offers.providerId, name: schema.organisations.name })
    .from(schema.offerRevisions)
    .innerJoin(schema.offers, eq(schema.offers.id, schema.offerRevisions.offerId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.offers.providerId))
    .where(and(eq(schema.offers.authorityId, authorityId), sql`${schema.offerRevisions.subjectAreas} @> array[${need.subjectArea}]::text[]`));
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const people = await peopleOf(tx, [...names.keys()], ["provider_admin", "provider_staff"]);
  const url = new URL("/provider/needs", appUrl).toString();
  await queueEmails(
    tx,
    authorityId,
    "call-for-offers",
    people.map((p) => ({
      to: p.email,
      props: { providerName: names.get(p.organisationId)!, needTitle: need.title, subjectArea: need.subjectArea, closesOn: need.closesOn, url },
    })),
  );
}

/** Every provider that answered hears the decision: the chosen one that it was commissioned. */
export async function tellCommissioningDecision(
  tx: Queryable,
  { authorityId, need, commissionedOfferId, appUrl }: { authorityId: string; need: { id: string; title: string }; commissionedOfferId: string; appUrl: string },
) {
  const answers = await tx
    .select({
      offerId: schema.needResponses.offerId,
      providerId: schema.offers.providerId,
      providerName: schema.organisations.name,
      offerTitle: sql<string>`(select r.title from ${schema.offerRevisions} r where r.offer_id = ${schema.offers.id} order by r.number desc limit 1)`,
    })
    .from(schema.needResponses)
    .innerJoin(schema.offers, eq(schema.offers.id, schema.needResponses.offerId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.offers.providerId))
    .where(and(eq(schema.needResponses.needId, need.id), eq(schema.needResponses.authorityId, authorityId)));
  if (answers.length === 0) return;
  const people = await peopleOf(tx, [...new Set(answers.map((a) => a.providerId))], ["provider_admin", "provider_staff"]);
  const emails = answers.flatMap((a) =>
    people
      .filter((p) => p.organisationId === a.providerId)
      .map((p) => ({
        to: p.email,
        props: {
          decision: a.offerId === commissionedOfferId ? ("commissioned" as const) : ("not_chosen" as const),
          providerName: a.providerName,
          needTitle: need.title,
          offerTitle: a.offerTitle,
          url: new URL(`/provider/offers/${a.offerId}`, appUrl).toString(),
        },
      })),
  );
  await queueEmails(tx, authorityId, "commissioning-decision", emails);
}
