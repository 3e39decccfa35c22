import { eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type Tx } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit, type AuditEntry } from "~/domain/audit.server";
import { lockOffer, peopleWithRole } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { notifySubjectLeads } from "~/domain/subject-leads/subject-leads.server";
import { loadLiveOffer } from "./commissioning.server";
import { t } from "~/i18n";

const { offers } = schema;

type SuspendOfferOptions = { actor: Actor; authorityId: string; offerId: string; reason: string; appUrl: string; now?: Date };

/** Put the offer's suspension (or its absence) on its row, and audit the change. */
async function setSuspension(
  tx: Tx,
  { actor, authorityId, offerId, action }: { actor: Actor; authorityId: string; offerId: string; action: "offer.suspended" | "offer.reinstated" },
  suspension: { suspendedAt: Date | null; suspendedReason: string | null; suspendedBy: string | null },
  change: Pick<AuditEntry, "before" | "after">,
) {
  const [row] = await tx.update(offers).set(suspension).where(eq(offers.id, offerId)).returning();
  await audit(tx, { authorityId, actorUserId: actor.id, action, entityType: "offer", entityId: offerId, ...change });
  return row;
}

/** A commissioner takes an approved offer off sale, with a reason the provider sees. */
export async function suspendOffer(db: Database, { actor, authorityId, offerId, reason, appUrl, now = new Date() }: SuspendOfferOptions) {
  if (!can(actor.grants, "suspend:offer", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.commissioning.commissionerSuspendOffers"));
  return db.transaction(async (tx) => {
    await lockOffer(tx, { authorityId, offerId });
    const { offer, title, subjectAreas } = await loadLiveOffer(tx, { authorityId, offerId });
    if (offer.suspendedAt) throw new AppError("INVALID_STATE", t("refusal.commissioning.offerAlreadySuspended"));
    const suspended = await setSuspension(
      tx,
      { actor, authorityId, offerId: offer.id, action: "offer.suspended" },
      { suspendedAt: now, suspendedReason: reason, suspendedBy: actor.id },
      { before: { suspendedAt: null }, after: { suspendedAt: now.toISOString(), reason } },
    );
    for (const admin of await peopleWithRole(tx, { organisationIds: [offer.providerId], roles: ["provider_admin"] }))
      await queueEmail(tx, {
        to: admin.email,
        template: "offer-suspended",
        authorityId,
        props: { name: admin.name, offerTitle: title, reason, url: `${appUrl}/provider/offers/${offer.id}` },
      });
    await notifySubjectLeads(tx, {
      authorityId,
      areas: subjectAreas,
      actor,
      event: "offer-suspended",
      title,
      url: `${appUrl}/commissioning/offers/${offer.id}`,
    });
    return suspended;
  });
}

/** A commissioner puts a suspended offer back on sale (if its approval has not run out). */
export async function reinstateOffer(db: Database, { actor, authorityId, offerId }: { actor: Actor; authorityId: string; offerId: string }) {
  if (!can(actor.grants, "suspend:offer", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.commissioning.commissionerReinstateOffers"));
  return db.transaction(async (tx) => {
    await lockOffer(tx, { authorityId, offerId });
    const { offer } = await loadLiveOffer(tx, { authorityId, offerId });
    if (!offer.suspendedAt) throw new AppError("INVALID_STATE", t("refusal.commissioning.offerSuspended"));
    const reinstated = await setSuspension(
      tx,
      { actor, authorityId, offerId: offer.id, action: "offer.reinstated" },
      { suspendedAt: null, suspendedReason: null, suspendedBy: null },
      { before: { suspendedAt: offer.suspendedAt?.toISOString(), reason: offer.suspendedReason }, after: { suspendedAt: null } },
    );
    return reinstated;
  });
}
