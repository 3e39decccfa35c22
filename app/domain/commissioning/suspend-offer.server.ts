import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { peopleWithRole } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { loadLiveOffer } from "./commissioning.server";

const { offers } = schema;

/** A commissioner takes an approved offer off sale, with a reason the provider sees. */
export async function suspendOffer(db: Database, { actor, authorityId, offerId, reason, appUrl, now = new Date() }: { actor: Actor; authorityId: string; offerId: string; reason: string; appUrl: string; now?: Date }) {
  if (!can(actor.grants, "suspend:offer", { authorityId })) throw new AppError("FORBIDDEN", "Only a commissioner can suspend offers");
  const { offer, title } = await loadLiveOffer(db, { authorityId, offerId });
  if (offer.suspendedAt) throw new AppError("INVALID_STATE", "This offer is already suspended");
  return db.transaction(async (tx) => {
    const [suspended] = await tx
      .update(offers)
      .set({ suspendedAt: now, suspendedReason: reason, suspendedBy: actor.id })
      .where(and(eq(offers.id, offer.id), isNull(offers.suspendedAt)))
      .returning();
    if (!suspended) throw new AppError("INVALID_STATE", "This offer is already suspended");
    await audit(tx, { authorityId, actorUserId: actor.id, action: "offer.suspended", entityType: "offer", entityId: offer.id, before: { suspendedAt: null }, after: { suspendedAt: now.toISOString(), reason } });
    for (const admin of await peopleWithRole(tx, { organisationIds: [offer.providerId], roles: ["provider_admin"] }))
      await queueEmail(tx, { to: admin.email, template: "offer-suspended", authorityId, props: { name: admin.name, offerTitle: title, reason, url: `${appUrl}/provider/offers/${offer.id}` } });
    return suspended;
  });
}

/** A commissioner puts a suspended offer back on sale (if its approval has not run out). */
export async function reinstateOffer(db: Database, { actor, authorityId, offerId }: { actor: Actor; authorityId: string; offerId: string }) {
  if (!can(actor.grants, "suspend:offer", { authorityId })) throw new AppError("FORBIDDEN", "Only a commissioner can reinstate offers");
  const { offer } = await loadLiveOffer(db, { authorityId, offerId });
  if (!offer.suspendedAt) throw new AppError("INVALID_STATE", "This offer is not suspended");
  return db.transaction(async (tx) => {
    const [reinstated] = await tx
      .update(offers)
      .set({ suspendedAt: null, suspendedReason: null, suspendedBy: null })
      .where(and(eq(offers.id, offer.id), isNotNull(offers.suspendedAt)))
      .returning();
    if (!reinstated) throw new AppError("INVALID_STATE", "This offer is not suspended");
    await audit(tx, { authorityId, actorUserId: actor.id, action: "offer.reinstated", entityType: "offer", entityId: offer.id, before: { suspendedAt: offer.suspendedAt?.toISOString(), reason: offer.suspendedReason }, after: { suspendedAt: null } });
    return reinstated;
  });
}
