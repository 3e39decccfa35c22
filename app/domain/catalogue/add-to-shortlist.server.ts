import { eq } from "drizzle-orm";
import { shortlistItems, users, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { findOfferOnSale } from "./find-offer-on-sale.server";
import { countShortlist } from "./load-shortlist.server";
import { SHORTLIST_LIMIT, shortlistHasRoom } from "./shortlist";

export type AddToShortlistOptions = { authorityId: string; userId: string; offerId: string; now?: Date };

/** Put an on-sale offer of the buyer's authority on their shortlist; a fifth is refused. */
export const addToShortlist = async (db: Database, { authorityId, userId, offerId, now = new Date() }: AddToShortlistOptions) => {
  const offer = await findOfferOnSale(db, { authorityId, userId, offerId, now });
  if (!offer) throw new AppError("NOT_FOUND", t("catalogue.shortlist.notFound"));
  if (offer.shortlisted) return { added: false };
  return db.transaction(async (tx) => {
    // One add at a time per person, so two quick clicks cannot both take the last place.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const count = await countShortlist(tx, { authorityId, userId });
    if (!shortlistHasRoom(count)) throw new AppError("FULL", t("catalogue.shortlist.full", { limit: SHORTLIST_LIMIT }));
    const inserted = await tx.insert(shortlistItems).values({ userId, offerId }).onConflictDoNothing().returning({ offerId: shortlistItems.offerId });
    if (inserted.length === 0) return { added: false };
    await audit(tx, { authorityId, actorUserId: userId, action: "shortlist.add", entityType: "offer", entityId: offerId });
    return { added: true };
  });
};
