import { and, eq, inArray } from "drizzle-orm";
import { offers, shortlistItems, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { isUuid } from "~/domain/ids";

export type RemoveFromShortlistOptions = { authorityId: string; userId: string; offerId: string };

/** Take an offer off the buyer's shortlist, whether or not it is still on sale. Removing twice changes nothing. */
export const removeFromShortlist = async (db: Database, { authorityId, userId, offerId }: RemoveFromShortlistOptions) => {
  if (!isUuid(offerId)) return { removed: false };
  return db.transaction(async (tx) => {
    const ofAuthority = tx
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.id, offerId), eq(offers.authorityId, authorityId)));
    const removed = await tx
      .delete(shortlistItems)
      .where(and(eq(shortlistItems.userId, userId), eq(shortlistItems.offerId, offerId), inArray(shortlistItems.offerId, ofAuthority)))
      .returning({ offerId: shortlistItems.offerId });
    if (removed.length === 0) return { removed: false };
    await audit(tx, { authorityId, actorUserId: userId, action: "shortlist.remove", entityType: "offer", entityId: offerId });
    return { removed: true };
  });
};
