import { eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type Tx } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { editMode, nextStatus } from "~/domain/quality/offer-workflow";
import { isMaterialEdit, revisionDiff } from "~/domain/quality/revision-diff";
import { revisionFields, submissionErrors, type OfferFields } from "./offer-schema";
import { boardIds, contentColumns, loadProvider, loadProviderOffer, lockOffer, peopleWithRole, type Revision } from "./offers.server";
import { t } from "~/i18n";

const { offers, offerRevisions } = schema;

export type SaveOfferOptions = {
  actor: Actor;
  authorityId: string;
  providerId: string;
  /** Absent for a new offer. */
  offerId?: string;
  fields: OfferFields;
  /** "submit" saves and sends the revision to the QA panel in the same transaction. */
  intent: "save" | "submit";
  appUrl: string;
  now?: Date;
};

/**
 * Save a provider's offer. A new offer starts at revision 1; a draft is edited in place;
 * an edit to a decided revision makes revision n+1 (the approved one stays on sale until
 * the new one is approved); a revision with the panel cannot be edited.
 */
export async function saveOffer(db: Database, { actor, authorityId, providerId, offerId, fields, intent, appUrl, now = new Date() }: SaveOfferOptions) {
  return db.transaction(async (tx) => {
    const provider = await loadProvider(tx, { authorityId, providerId });
    if (!can(actor.grants, "edit:offer", { organisationId: provider.id, authorityId }))
      throw new AppError("FORBIDDEN", t("refusal.catalogue.cannotEditProviderOffers"));
    if (intent === "submit") assertCanSubmit(actor, provider, fields);
    if (offerId) await lockOffer(tx, { authorityId, offerId });
    const current = offerId ? await loadProviderOffer(tx, { authorityId, providerId, offerId }) : null;
    const mode = current ? editMode(current.latest.status) : "new_offer";
    if (mode === "locked") throw new AppError("INVALID_STATE", t("refusal.catalogue.offerQaPanelWithdraw"));

    let revision: Revision;
    if (!current) {
      const [offer] = await tx.insert(offers).values({ authorityId, providerId, createdAt: now }).returning();
      [revision] = await tx
        .insert(offerRevisions)
        .values({ offerId: offer.id, authorityId, number: 1, ...contentColumns(fields), createdBy: actor.id, createdAt: now, updatedAt: now })
        .returning();
      await tx.update(offers).set({ latestRevisionId: revision.id }).where(eq(offers.id, offer.id));
      await audit(tx, {
        authorityId,
        actorUserId: actor.id,
        action: "offer.created",
        entityType: "offer",
        entityId: offer.id,
        after: { revisionId: revision.id, title: fields.title },
      });
    } else if (mode === "in_place") {
      const changes = revisionDiff(revisionFields(current.latest), fields);
      [revision] = await tx
        .update(offerRevisions)
        .set({ ...contentColumns(fields), updatedAt: now })
        .where(eq(offerRevisions.id, current.latest.id))
        .returning();
      if (changes.length)
        await audit(tx, {
          authorityId,
          actorUserId: actor.id,
          action: "offer.draft_saved",
          entityType: "offer_revision",
          entityId: revision.id,
          before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
          after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
        });
    } else if (!isMaterialEdit(revisionFields(current.latest), fields) && intent === "save") {
      // Nothing changed: no new revision to review.
      return { offerId: current.offer.id, revisionId: current.latest.id, status: current.latest.status };
    } else {
      revision = await createRevision(tx, { actor, offerId: current.offer.id, authorityId, after: current.latest, fields, now });
    }
    if (intent === "submit") revision = await submitRevision(tx, { actor, revision, provider, appUrl, now });
    return { offerId: revision.offerId, revisionId: revision.id, status: revision.status };
  });
}

export function assertCanSubmit(actor: Actor, provider: { id: string; authorityId: string; verifiedAt: Date | null }, fields: OfferFields) {
  if (!can(actor.grants, "submit:offer", { organisationId: provider.id, authorityId: provider.authorityId }))
    throw new AppError("FORBIDDEN", t("refusal.catalogue.providerAdministratorSubmitOffers"));
  if (!provider.verifiedAt) throw new AppError("INVALID_STATE", t("refusal.catalogue.organisationBeenVerifiedLocal"));
  const missing = Object.values(submissionErrors(fields)).flat();
  if (missing.length) throw new AppError("INVALID_INPUT", t("refusal.catalogue.incomplete", { missing: missing.join("; ") }));
}

/** Revision n+1, a draft, with new content. */
export async function createRevision(
  tx: Tx,
  { actor, offerId, authorityId, after, fields, now }: { actor: Actor; offerId: string; authorityId: string; after: Revision; fields: OfferFields; now: Date },
) {
  const [revision] = await tx
    .insert(offerRevisions)
    .values({ offerId, authorityId, number: after.number + 1, ...contentColumns(fields), createdBy: actor.id, createdAt: now, updatedAt: now })
    .returning();
  await tx.update(offers).set({ latestRevisionId: revision.id }).where(eq(offers.id, offerId));
  const changes = revisionDiff(revisionFields(after), fields);
  await audit(tx, {
    authorityId,
    actorUserId: actor.id,
    action: "offer.revision_created",
    entityType: "offer_revision",
    entityId: revision.id,
    before: { revisionId: after.id, number: after.number, status: after.status },
    after: { number: revision.number, changed: changes.map((c) => c.field) },
  });
  return revision;
}

/** Send a revision to the panel: its status, an audit row, and one email to each panel member. Call it holding the offer's lock (lockOffer). */
export async function submitRevision(
  tx: Tx,
  {
    actor,
    revision,
    provider,
    appUrl,
    now,
  }: { actor: Actor; revision: Revision; provider: { id: string; name: string; authorityId: string }; appUrl: string; now: Date },
) {
  const status = nextStatus(revision.status, "submit");
  const [submitted] = await tx.update(offerRevisions).set({ status, submittedAt: now, updatedAt: now }).where(eq(offerRevisions.id, revision.id)).returning();
  await audit(tx, {
    authorityId: provider.authorityId,
    actorUserId: actor.id,
    action: "offer.submitted",
    entityType: "offer_revision",
    entityId: revision.id,
    before: { status: revision.status },
    after: { status },
  });
  const reviewers = await peopleWithRole(tx, { organisationIds: await boardIds(tx, provider.authorityId), roles: ["qa_panel_member"] });
  for (const reviewer of reviewers)
    await queueEmail(tx, {
      to: reviewer.email,
      template: "offer-submitted",
      authorityId: provider.authorityId,
      props: {
        reviewerName: reviewer.name,
        offerTitle: revision.title,
        providerName: provider.name,
        revisionNumber: revision.number,
        url: `${appUrl}/qa/reviews/${revision.id}`,
      },
    });
  return submitted;
}
