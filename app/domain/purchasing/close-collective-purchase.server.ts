import { and, asc, eq, lte } from "drizzle-orm";
import { schema, type Database, type Tx } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { onSaleCondition } from "~/domain/catalogue/on-sale.server";
import { AppError } from "~/domain/errors";
import { parseEnv } from "~/env.server";
import { formatPence } from "~/format";
import { ensureCan, type Actor } from "./actor";
import { createAndChargeOrders, type NewOrder } from "./charge.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { ensureSchoolReceivables, lockAccounts, officeAccounts, potAccount, potAvailable } from "./accounts.server";
import { tellOutcome } from "./notify.server";
import { quoteCollective } from "./pricing";
import { buyerType } from "./rules";

const { collectivePurchases, pledges, schools, organisations, offers, offerRevisions, providers } = schema;

export type CloseCollectivePurchaseOptions = {
  /** The lead closing early; null when the closing date has come (the periodic task). */
  actor: Actor | null;
  authorityId: string;
  collectivePurchaseId: string;
  appUrl: string;
  now?: Date;
};

export type CloseResult = { status: "open" | "confirmed" | "cancelled"; changed: boolean };

/**
 * Close a collective purchase: with enough schools it is confirmed at the tier their number
 * reaches, and every school gets its order, its invoice or recharge, the pot paying its part;
 * with too few it is cancelled and nobody is charged. All in one transaction, under the purchase
 * row's lock: closing twice, or again after a crash half way, ends in the same state.
 */
export async function closeCollectivePurchase(db: Database, options: CloseCollectivePurchaseOptions): Promise<CloseResult> {
  const { actor, authorityId, collectivePurchaseId, now = new Date() } = options;
  return db.transaction(async (tx) => {
    const [purchase] = await tx
      .select()
      .from(collectivePurchases)
      .where(and(eq(collectivePurchases.id, collectivePurchaseId), eq(collectivePurchases.authorityId, authorityId)))
      .for("update");
    if (!purchase) throw new AppError("NOT_FOUND", "Collective purchase not found");
    if (actor) ensureCan(actor, "open:collective-purchase", { organisationId: purchase.consortiumId, authorityId }, "Only the consortium's lead can close this collective purchase");
    if (purchase.status !== "open") return { status: purchase.status, changed: false };
    if (!actor && purchase.closesAt.getTime() > now.getTime()) return { status: purchase.status, changed: false };
    return settle(tx, purchase, options.appUrl, actor?.id ?? null, now);
  });
}

type Purchase = typeof collectivePurchases.$inferSelect;

async function settle(tx: Tx, purchase: Purchase, appUrl: string, actorUserId: string | null, now: Date): Promise<CloseResult> {
  const { authorityId } = purchase;
  const [offer] = await tx
    .select({
      title: offerRevisions.title,
      priceTiers: offerRevisions.priceTiers,
      pricingModel: offerRevisions.pricingModel,
      vatTreatment: offerRevisions.vatTreatment,
      providerId: offers.providerId,
      providerKind: providers.providerKind,
      onSale: onSaleCondition(now).mapWith(Boolean),
    })
    .from(offerRevisions)
    .innerJoin(offers, eq(offers.id, offerRevisions.offerId))
    .innerJoin(providers, eq(providers.organisationId, offers.providerId))
    .where(eq(offerRevisions.id, purchase.revisionId));
  const [consortium] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, purchase.consortiumId));
  const joined = await tx
    .select({
      schoolId: pledges.schoolId,
      delegates: pledges.delegates,
      poNumber: pledges.poNumber,
      paymentRoute: pledges.paymentRoute,
      name: organisations.name,
      pupils: schools.numberOnRoll,
      establishmentType: schools.establishmentType,
      laMaintained: schools.laMaintained,
      costCentre: schools.costCentre,
    })
    .from(pledges)
    .innerJoin(schools, eq(schools.organisationId, pledges.schoolId))
    .innerJoin(organisations, eq(organisations.id, pledges.schoolId))
    .where(and(eq(pledges.collectivePurchaseId, purchase.id), eq(pledges.status, "joined")))
    .orderBy(asc(pledges.createdAt), asc(pledges.schoolId));
  const model = offer.pricingModel ?? "per_school";
  const tell = (outcome: "confirmed" | "cancelled", detailFor: (schoolId: string) => string) =>
    tellOutcome(tx, { authorityId, collectivePurchaseId: purchase.id, outcome, consortiumName: consortium.name, offerTitle: offer.title, schools: joined, detailFor, appUrl });

  // Every account the close may post to, locked together in one order before the pot's balance is read.
  const pot = await potAccount(tx, authorityId, purchase.consortiumId);
  const office = await officeAccounts(tx, authorityId);
  const receivables = await ensureSchoolReceivables(tx, authorityId, joined.map((j) => j.schoolId));
  const provider = await ensureAccount(tx, { authorityId, kind: "provider_payable", ownerId: offer.providerId });
  const balances = await lockAccounts(tx, [pot, provider.id, ...Object.values(office), ...receivables.values()]);
  const quote =
    offer.onSale && joined.length >= purchase.minSchools
      ? quoteCollective({
          tiers: offer.priceTiers,
          model,
          participants: joined.map((j) => ({ id: j.schoolId, pupils: j.pupils, delegates: j.delegates })),
          rule: {
            percentBps: purchase.potPercentBps ?? undefined,
            perSchoolPence: purchase.potPerSchoolPence ?? undefined,
            capPence: purchase.potCapPence ?? undefined,
          },
          method: purchase.shareMethod,
          potAvailablePence: potAvailable(balances.get(pot)),
        })
      : null;

  if (!quote) {
    const reason = !offer.onSale
      ? "The offer is no longer on sale."
      : joined.length < purchase.minSchools
        ? `${joined.length} of the ${purchase.minSchools} schools needed joined.`
        : `The offer has no price for ${joined.length} schools.`;
    const [after] = await tx
      .update(collectivePurchases)
      .set({ status: "cancelled", closedAt: now, closedBy: actorUserId, cancelledReason: reason })
      .where(eq(collectivePurchases.id, purchase.id))
      .returning();
    await audit(tx, { authorityId, actorUserId, action: "collective_purchase.cancel", entityType: "collective_purchase", entityId: purchase.id, before: purchase, after });
    await tell("cancelled", () => `${reason} Nothing has been charged.`);
    return { status: "cancelled", changed: true };
  }

  const bySchool = new Map(joined.map((j) => [j.schoolId, j]));
  const newOrders: NewOrder[] = quote.charges.map((charge) => {
    const school = bySchool.get(charge.id)!;
    const buyer = buyerType(school);
    return {
      schoolId: charge.id,
      quantity: charge.quantity,
      delegates: school.delegates,
      unitPricePence: quote.unitPricePence,
      netPence: charge.netPence,
      potPence: charge.potPence,
      buyerType: buyer,
      vatTreatment: offer.vatTreatment?.[buyer] ?? "standard",
      paymentRoute: school.paymentRoute,
      poNumber: school.poNumber,
      costCentre: school.costCentre,
      consortiumId: purchase.consortiumId,
      idempotencyKey: `collective:${purchase.id}:school:${charge.id}`,
      lineDescription: `${offer.title}: your share of the collective purchase by ${consortium.name} (${joined.length} schools at ${formatPence(quote.unitPricePence)})`,
    };
  });
  const created = await createAndChargeOrders(
    tx,
    {
      authorityId,
      actorUserId: actorUserId ?? purchase.openedBy,
      now,
      offer: { offerId: purchase.offerId, revisionId: purchase.revisionId, title: offer.title, providerId: offer.providerId, providerKind: offer.providerKind, pricingModel: model },
      collectivePurchaseId: purchase.id,
      payingConsortiumId: purchase.consortiumId,
      describe: `${offer.title}, collective purchase by ${consortium.name}`,
    },
    newOrders,
  );
  const [after] = await tx
    .update(collectivePurchases)
    .set({ status: "confirmed", closedAt: now, closedBy: actorUserId, finalUnitPricePence: quote.unitPricePence, totalPence: quote.totalPence, potContributionPence: quote.potPence })
    .where(eq(collectivePurchases.id, purchase.id))
    .returning();
  await audit(tx, {
    authorityId,
    actorUserId,
    action: "collective_purchase.confirm",
    entityType: "collective_purchase",
    entityId: purchase.id,
    before: purchase,
    after: { ...after, orderIds: created.map((o) => o.id) },
  });
  const orderBySchool = new Map(created.map((o) => [o.schoolId, o]));
  await tell("confirmed", (schoolId) => {
    const order = orderBySchool.get(schoolId)!;
    return `${joined.length} schools at ${formatPence(quote.unitPricePence)}. Your school pays ${formatPence(order.payablePence)}${order.potContributionPence > 0 ? `; the consortium pot paid ${formatPence(order.potContributionPence)}` : ""}.`;
  });
  return { status: "confirmed", changed: true };
}

/** The periodic task: close every open collective purchase whose closing date has come. */
export async function closeDueCollectivePurchases(db: Database, now: Date) {
  const due = await db
    .select({ id: collectivePurchases.id, authorityId: collectivePurchases.authorityId })
    .from(collectivePurchases)
    .where(and(eq(collectivePurchases.status, "open"), lte(collectivePurchases.closesAt, now)))
    .orderBy(asc(collectivePurchases.closesAt))
    .limit(20);
  const appUrl = parseEnv(process.env).APP_URL;
  for (const purchase of due) {
    try {
      await closeCollectivePurchase(db, { actor: null, authorityId: purchase.authorityId, collectivePurchaseId: purchase.id, appUrl, now });
    } catch (error) {
      // One purchase that cannot close (an empty pot, say) must not hold up the others; it is retried next tick.
      console.error(`Closing collective purchase ${purchase.id} failed:`, error);
    }
  }
}

