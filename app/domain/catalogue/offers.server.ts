// Reading offers for their provider, and the people an offer's news goes to.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { schema, type Queryable, type Tx } from "~/db.server";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { fromPricePence, revisionFields, type OfferFields } from "./offer-schema";
import { t } from "~/i18n";

const { offers, offerRevisions, organisations, providers, memberships, users } = schema;

export type Revision = typeof offerRevisions.$inferSelect;
export type Offer = typeof offers.$inferSelect;

/**
 * Lock one offer of this authority (named by its id or one of its revisions') until the
 * transaction ends. Every change to an offer or its revisions takes this lock before it reads
 * the state it checks, so two changes to one offer run one after the other and the second
 * sees what the first did. Nothing is locked for an id that is not one of the authority's offers.
 */
export async function lockOffer(tx: Tx, { authorityId, ...by }: { authorityId: string } & ({ offerId: string } | { revisionId: string })) {
  if (!isUuid("offerId" in by ? by.offerId : by.revisionId)) return;
  const which =
    "offerId" in by
      ? eq(offers.id, by.offerId)
      : inArray(offers.id, tx.select({ id: offerRevisions.offerId }).from(offerRevisions).where(eq(offerRevisions.id, by.revisionId)));
  await tx
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.authorityId, authorityId), which))
    .for("update");
}

/** An offer of this provider in this authority with its latest revision, or NOT_FOUND. */
export async function loadProviderOffer(db: Queryable, { authorityId, providerId, offerId }: { authorityId: string; providerId: string; offerId: string }) {
  if (!isUuid(offerId)) throw notFound(t("refusal.catalogue.offerNotFound"));
  const [row] = await db
    .select({ offer: offers, latest: offerRevisions })
    .from(offers)
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.latestRevisionId))
    .where(and(eq(offers.id, offerId), eq(offers.providerId, providerId), eq(offers.authorityId, authorityId)));
  if (!row) throw notFound(t("refusal.catalogue.offerNotFound"));
  return row;
}

/** A provider of this authority, with its organisation's name; NOT_FOUND for another authority's. */
export async function loadProvider(db: Queryable, { authorityId, providerId }: { authorityId: string; providerId: string }) {
  if (!isUuid(providerId)) throw notFound(t("refusal.catalogue.providerNotFound"));
  const [row] = await db
    .select({
      id: providers.organisationId,
      authorityId: providers.authorityId,
      name: organisations.name,
      kind: providers.providerKind,
      schoolId: providers.schoolId,
      verifiedAt: providers.verifiedAt,
    })
    .from(providers)
    .innerJoin(organisations, eq(organisations.id, providers.organisationId))
    .where(and(eq(providers.organisationId, providerId), eq(providers.authorityId, authorityId)));
  if (!row) throw notFound(t("refusal.catalogue.providerNotFound"));
  return row;
}

/** Every revision of an offer, newest first. */
export const offerRevisionHistory = (db: Queryable, { offerId, authorityId }: { offerId: string; authorityId: string }) =>
  db
    .select()
    .from(offerRevisions)
    .where(and(eq(offerRevisions.offerId, offerId), eq(offerRevisions.authorityId, authorityId)))
    .orderBy(desc(offerRevisions.number));

/** The revision before this one, to show reviewers what changed. */
export async function previousRevision(db: Queryable, revision: Pick<Revision, "offerId" | "number">): Promise<Revision | null> {
  const [row] = await db
    .select()
    .from(offerRevisions)
    .where(and(eq(offerRevisions.offerId, revision.offerId), eq(offerRevisions.number, revision.number - 1)));
  return row ?? null;
}

/** The columns to write for a revision's content (fromPricePence follows the first tier). */
export const contentColumns = (fields: OfferFields) => ({ ...revisionFields(fields), fromPricePence: fromPricePence(fields.priceTiers) });

/** People with a role in some organisations, once each: who an email goes to. */
export async function peopleWithRole(
  db: Queryable,
  { organisationIds, roles }: { organisationIds: string[]; roles: (typeof memberships.$inferSelect)["role"][] },
) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.organisationId, organisationIds), inArray(memberships.role, roles)))
    .orderBy(users.email);
  return rows;
}

/** The improvement boards of an authority: their members are its QA panel. */
export const boardIds = async (db: Queryable, authorityId: string) =>
  (
    await db.select({ id: schema.improvementBoards.organisationId }).from(schema.improvementBoards).where(eq(schema.improvementBoards.authorityId, authorityId))
  ).map((b) => b.id);

/** A provider's offers with their latest revision and what is on sale. */
export const providerOffers = (db: Queryable, { authorityId, providerId }: { authorityId: string; providerId: string }) =>
  db
    .select({
      offerId: offers.id,
      title: offerRevisions.title,
      number: offerRevisions.number,
      status: offerRevisions.status,
      liveRevisionId: offers.liveRevisionId,
      approvedAt: offers.approvedAt,
      approvalExpiresAt: offers.approvalExpiresAt,
      suspendedAt: offers.suspendedAt,
      commissionedAt: offers.commissionedAt,
      updatedAt: offerRevisions.updatedAt,
    })
    .from(offers)
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.latestRevisionId))
    .where(and(eq(offers.authorityId, authorityId), eq(offers.providerId, providerId)))
    .orderBy(asc(offerRevisions.title));
