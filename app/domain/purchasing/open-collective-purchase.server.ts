import { schema, type Database, type ShareMethod } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { loadConsortium } from "~/domain/consortia/load.server";
import { schoolsOfConsortiumOn } from "~/domain/consortia/schools-of-consortium-on.server";
import { AppError } from "~/domain/errors";
import { can } from "~/auth/permissions";
import { ensureCan, type Actor } from "~/domain/actor";
import { loadOfferForSale } from "./load.server";
import { emailSchoolBuyers } from "./notify.server";
import { t } from "~/i18n";

export type OpenCollectivePurchaseOptions = {
  actor: Actor & { name: string };
  authorityId: string;
  consortiumId: string;
  offerId: string;
  closesAt: Date;
  minSchools: number;
  maxSchools: number | null;
  delegatesPerSchool: number;
  potPercentBps: number | null;
  potPerSchoolPence: number | null;
  potCapPence: number | null;
  shareMethod: ShareMethod;
  capAtSolo?: boolean;
  message: string;
  appUrl: string;
  now?: Date;
};

/** A consortium lead (or a commissioner) opens a purchase for the consortium's schools, who are invited to join. */
export async function openCollectivePurchase(db: Database, options: OpenCollectivePurchaseOptions) {
  const { actor, authorityId, now = new Date() } = options;
  const consortium = await loadConsortium(db, authorityId, options.consortiumId);
  ensureCan(actor, "open:collective-purchase", { organisationId: consortium.id, authorityId }, t("refusal.purchasing.consortiumLeadCommissionerOpen"));
  const offer = await loadOfferForSale(db, { authorityId, offerId: options.offerId, now });
  if (options.closesAt.getTime() <= now.getTime()) throw new AppError("CLOSES_IN_PAST", t("refusal.purchasing.closingDateMustFuture"));
  const members = await schoolsOfConsortiumOn(db, consortium.id, londonToday(now));
  if (options.minSchools > members.length) throw new AppError("MIN_SCHOOLS_TOO_HIGH", t("refusal.purchasing.minSchoolsTooHigh", { count: members.length }));

  const takesFromPot = (options.potPercentBps ?? 0) > 0 || (options.potPerSchoolPence ?? 0) > 0;
  // Only the lead spends the pot: anyone else's pot rule waits for the lead's approval.
  const potApproval = !takesFromPot
    ? null
    : can(actor.grants, "manage:pot", { organisationId: consortium.id, authorityId })
      ? ("approved" as const)
      : ("requested" as const);

  return db.transaction(async (tx) => {
    const [purchase] = await tx
      .insert(schema.collectivePurchases)
      .values({
        authorityId,
        consortiumId: consortium.id,
        offerId: offer.offerId,
        revisionId: offer.revisionId,
        openedBy: actor.id,
        closesAt: options.closesAt,
        minSchools: options.minSchools,
        maxSchools: options.maxSchools,
        delegatesPerSchool: options.delegatesPerSchool,
        potPercentBps: options.potPercentBps,
        potPerSchoolPence: options.potPerSchoolPence,
        potCapPence: options.potCapPence,
        shareMethod: options.shareMethod,
        capAtSolo: options.capAtSolo ?? false,
        potApproval,
        potDecidedBy: potApproval === "approved" ? actor.id : null,
        potDecidedAt: potApproval === "approved" ? now : null,
        message: options.message,
        createdAt: now,
      })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "collective_purchase.open",
      entityType: "collective_purchase",
      entityId: purchase.id,
      after: purchase,
    });
    await emailSchoolBuyers(
      tx,
      authorityId,
      "collective-purchase-invitation",
      members.map((m) => m.schoolId),
      () => ({
        consortiumName: consortium.name,
        offerTitle: offer.title,
        openedByName: actor.name,
        closesOn: options.closesAt.toISOString(),
        tiers: offer.priceTiers,
        pricingModel: offer.pricingModel,
        message: options.message,
        url: new URL(`/collective-purchases/${purchase.id}`, options.appUrl).toString(),
      }),
    );
    return purchase;
  });
}
