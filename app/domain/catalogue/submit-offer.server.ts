import { eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { canTransition, editMode, nextStatus } from "~/domain/quality/offer-workflow";
import { revisionFields } from "./offer-schema";
import { loadProvider, loadProviderOffer, lockOffer } from "./offers.server";
import { assertCanSubmit, createRevision, submitRevision } from "./save-offer.server";
import { t } from "~/i18n";

type Options = { actor: Actor; authorityId: string; providerId: string; offerId: string; appUrl: string; now?: Date };

/**
 * Send an offer's latest content to the panel as it stands: a draft goes itself; a decided
 * revision (an approval that ran out, changes the provider answered elsewhere) is copied into
 * a new revision that goes to review while the approved one stays as it is.
 */
export async function submitOffer(db: Database, { actor, authorityId, providerId, offerId, appUrl, now = new Date() }: Options) {
  return db.transaction(async (tx) => {
    const provider = await loadProvider(tx, { authorityId, providerId });
    await lockOffer(tx, { authorityId, offerId });
    const { offer, latest } = await loadProviderOffer(tx, { authorityId, providerId, offerId });
    assertCanSubmit(actor, provider, revisionFields(latest));
    if (editMode(latest.status) === "locked") throw new AppError("INVALID_STATE", t("refusal.catalogue.offerAlreadyQaPanel"));
    if (latest.status === "changes_requested") throw new AppError("INVALID_STATE", t("refusal.catalogue.makeChangesPanelAsked"));
    const revision =
      latest.status === "draft"
        ? latest
        : await createRevision(tx, { actor, offerId: offer.id, authorityId, after: latest, fields: revisionFields(latest), now });
    const submitted = await submitRevision(tx, { actor, revision, provider, appUrl, now });
    return { offerId: offer.id, revisionId: submitted.id };
  });
}

/** The provider takes its pending revision back from the panel (or abandons a draft). */
export async function withdrawOffer(db: Database, { actor, authorityId, providerId, offerId, now = new Date() }: Omit<Options, "appUrl">) {
  if (!can(actor.grants, "edit:offer", { organisationId: providerId, authorityId }))
    throw new AppError("FORBIDDEN", t("refusal.catalogue.cannotWithdrawProviderOffers"));
  return db.transaction(async (tx) => {
    await lockOffer(tx, { authorityId, offerId });
    const { latest } = await loadProviderOffer(tx, { authorityId, providerId, offerId });
    if (!canTransition(latest.status, "withdraw")) throw new AppError("INVALID_STATE", t("refusal.catalogue.draftRevisionWaitingPanel"));
    const status = nextStatus(latest.status, "withdraw");
    await tx.update(schema.offerRevisions).set({ status, updatedAt: now }).where(eq(schema.offerRevisions.id, latest.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "offer.withdrawn",
      entityType: "offer_revision",
      entityId: latest.id,
      before: { status: latest.status },
      after: { status },
    });
    return { revisionId: latest.id, status };
  });
}
