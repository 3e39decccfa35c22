import { and, eq, isNull } from "drizzle-orm";
import { schema, type Database, type ShareMethod } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { formatDate } from "~/format";
import { ensureCan, type Actor } from "./actor";
import { loadOfferForSale } from "./load.server";
import { queueEmails, schoolBuyers } from "./notify.server";
import { describeTiers } from "./pricing";

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
  message: string;
  appUrl: string;
  now?: Date;
};

export async function loadConsortium(db: Database, authorityId: string, consortiumId: string) {
  const [consortium] = isUuid(consortiumId)
    ? await db
        .select({ id: schema.consortia.organisationId, name: schema.organisations.name })
        .from(schema.consortia)
        .innerJoin(schema.organisations, eq(schema.organisations.id, schema.consortia.organisationId))
        .where(and(eq(schema.consortia.organisationId, consortiumId), eq(schema.consortia.authorityId, authorityId)))
    : [];
  if (!consortium) throw new AppError("NOT_FOUND", "Consortium not found");
  return consortium;
}

export const currentMembers = (db: Database, consortiumId: string) =>
  db
    .select({ schoolId: schema.consortiumMemberships.schoolId })
    .from(schema.consortiumMemberships)
    .where(and(eq(schema.consortiumMemberships.consortiumId, consortiumId), isNull(schema.consortiumMemberships.leftOn)));

/** A consortium lead (or a commissioner) opens a purchase for the consortium's schools, who are invited to join. */
export async function openCollectivePurchase(db: Database, options: OpenCollectivePurchaseOptions) {
  const { actor, authorityId, now = new Date() } = options;
  const consortium = await loadConsortium(db, authorityId, options.consortiumId);
  ensureCan(actor, "open:collective-purchase", { organisationId: consortium.id, authorityId }, "Only the consortium's lead or a commissioner can open a collective purchase for it");
  const offer = await loadOfferForSale(db, { authorityId, offerId: options.offerId, now });
  if (options.closesAt.getTime() <= now.getTime()) throw new AppError("CLOSES_IN_PAST", "The closing date must be in the future", 400);
  const members = await currentMembers(db, consortium.id);
  if (options.minSchools > members.length) throw new AppError("MIN_SCHOOLS_TOO_HIGH", `The consortium has ${members.length} schools: the minimum cannot be more than that`, 400);

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
        message: options.message,
        createdAt: now,
      })
      .returning();
    await audit(tx, { authorityId, actorUserId: actor.id, action: "collective_purchase.open", entityType: "collective_purchase", entityId: purchase.id, after: purchase });
    const buyers = await schoolBuyers(tx, members.map((m) => m.schoolId));
    await queueEmails(
      tx,
      authorityId,
      "collective-purchase-invitation",
      buyers.map((b) => ({
        to: b.email,
        props: {
          consortiumName: consortium.name,
          offerTitle: offer.title,
          openedByName: actor.name,
          closesOn: formatDate(options.closesAt),
          priceSummary: describeTiers(offer.priceTiers, offer.pricingModel),
          message: options.message,
          url: new URL(`/collective-purchases/${purchase.id}`, options.appUrl).toString(),
        },
      })),
    );
    return purchase;
  });
}
