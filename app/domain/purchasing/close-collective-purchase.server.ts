import { and, asc, eq, lte } from "drizzle-orm";
import { schema, type Database, type InvoiceLineBasis, type PricingModel, type Queryable, type Tx } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { message, say, type StoredMessage } from "~/domain/ledger/described";
import { onSaleCondition } from "~/domain/catalogue/on-sale.server";
import { AppError } from "~/domain/errors";
import { ensureCan, type Actor } from "~/domain/actor";
import { createAndChargeOrders, type NewOrder } from "./charge.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { ensureSchoolReceivables, lockAccounts, officeAccounts, potAccount, potAvailable } from "./accounts.server";
import { tellOutcome } from "./notify.server";
import { buyerType, orderAmounts, quoteCollective, vatTreatmentFor } from "./rules";
import { t } from "~/i18n";

const { collectivePurchases, pledges, schools, organisations, offers, offerRevisions, providers, ledgerAccounts } = schema;

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
    if (!purchase) throw new AppError("NOT_FOUND", t("refusal.purchasing.collectivePurchaseNotFound"));
    if (actor)
      ensureCan(
        actor,
        "open:collective-purchase",
        { organisationId: purchase.consortiumId, authorityId },
        t("refusal.purchasing.consortiumLeadCloseCollective"),
      );
    if (purchase.status !== "open") return { status: purchase.status, changed: false };
    if (!actor && purchase.closesAt.getTime() > now.getTime()) return { status: purchase.status, changed: false };
    if (actor && purchase.potApproval === "requested") {
      throw new AppError("POT_NOT_APPROVED", t("refusal.purchasing.consortiumLeadYetApproved"));
    }
    return settle(tx, purchase, options.appUrl, actor?.id ?? null, now);
  });
}

type Purchase = typeof collectivePurchases.$inferSelect;

/** Why a purchase cancels itself, in the words its outcome email uses. */
const cancelReason = (refusal: CloseRefusal, joined: number, min: number): StoredMessage =>
  message(`email.collectiveOutcome.reason.${refusal}`, refusal === "too_few" || refusal === "no_tier" ? { count: joined, min } : undefined);

type CloseInputs = Awaited<ReturnType<typeof loadCloseInputs>>;

/** What a close works from: the offer as revised, the consortium and the schools that joined, in joining order. */
async function loadCloseInputs(tx: Queryable, purchase: Purchase, now: Date) {
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
  return { offer, consortium, joined, model: offer.pricingModel ?? ("per_school" as const) };
}

export type CloseRefusal = "pot_undecided" | "off_sale" | "too_few" | "no_tier";

/** Confirmed at a quote, or cancelled for a reason: the one decision both the close and its preview make. */
function decideClose(purchase: Purchase, { offer, joined, model }: CloseInputs, potAvailablePence: number) {
  // A pot rule the lead never approved cannot take the pot's money; the schools did not agree to pay it all either.
  if (purchase.potApproval === "requested") return { quote: null, refusal: "pot_undecided" as const };
  if (!offer.onSale) return { quote: null, refusal: "off_sale" as const };
  if (joined.length < purchase.minSchools) return { quote: null, refusal: "too_few" as const };
  const potRule =
    purchase.potApproval === "refused"
      ? {}
      : {
          percentBps: purchase.potPercentBps ?? undefined,
          perSchoolPence: purchase.potPerSchoolPence ?? undefined,
          capPence: purchase.potCapPence ?? undefined,
        };
  const quote = quoteCollective({
    tiers: offer.priceTiers,
    model,
    participants: joined.map((j) => ({ id: j.schoolId, pupils: j.pupils, delegates: j.delegates })),
    rule: potRule,
    method: purchase.shareMethod,
    capAtSolo: purchase.capAtSolo,
    potAvailablePence,
  });
  return quote ? { quote, refusal: null } : { quote: null, refusal: "no_tier" as const };
}

/** Each school's order as the close would raise it. */
function newOrdersFor(
  purchase: Purchase,
  { offer, joined, consortium, model }: CloseInputs,
  quote: NonNullable<ReturnType<typeof quoteCollective>>,
): NewOrder[] {
  const bySchool = new Map(joined.map((j) => [j.schoolId, j]));
  const weight = (j: (typeof joined)[number]) => (purchase.shareMethod === "per_pupil" ? j.pupils : purchase.shareMethod === "per_delegate" ? j.delegates : 1);
  const allWeight = joined.reduce((sum, j) => sum + weight(j), 0);
  // With no pupils or delegates to weigh by, the rule falls back to equal shares (shareCost): say so.
  const method = allWeight === 0 ? ("equal" as const) : purchase.shareMethod;
  const units = quote.charges.reduce((sum, c) => sum + c.quantity, 0);
  return quote.charges.map((charge) => {
    const school = bySchool.get(charge.id)!;
    const buyer = buyerType(school);
    const basis: InvoiceLineBasis = {
      kind: "collective_share",
      method,
      model,
      schools: joined.length,
      tierUnitPricePence: quote.unitPricePence,
      units,
      totalPence: quote.totalPence,
      mine: method === "equal" ? 1 : weight(school),
      of: method === "equal" ? joined.length : allWeight,
      capAtSolo: purchase.capAtSolo,
    };
    return {
      schoolId: charge.id,
      quantity: charge.quantity,
      delegates: school.delegates,
      unitPricePence: quote.unitPricePence,
      netPence: charge.netPence,
      potPence: charge.potPence,
      buyerType: buyer,
      vatTreatment: vatTreatmentFor({ buyer, providerKind: offer.providerKind, offerTreatment: offer.vatTreatment }),
      paymentRoute: school.paymentRoute,
      poNumber: school.poNumber,
      costCentre: school.costCentre,
      consortiumId: purchase.consortiumId,
      idempotencyKey: `collective:${purchase.id}:school:${charge.id}`,
      lineDescription: message("ledgerText.collectiveShareLine", { offer: offer.title, consortium: consortium.name }),
      basis,
    };
  });
}

export type ClosePreview =
  | { outcome: "cancel"; refusal: CloseRefusal; joined: number; minSchools: number }
  | {
      outcome: "confirm";
      schools: number;
      unitPricePence: number;
      pricingModel: PricingModel;
      totalPence: number;
      potPence: number;
      chargedPence: number;
      invoiced: number;
      recharged: number;
    };

/**
 * What closing now would do, computed as the close computes it (the pot's balance read without a
 * lock, so the close itself may find less in the pot): shown on the confirmation step.
 */
export async function previewClose(
  db: Database,
  { authorityId, collectivePurchaseId, now = new Date() }: { authorityId: string; collectivePurchaseId: string; now?: Date },
): Promise<ClosePreview> {
  const [purchase] = await db
    .select()
    .from(collectivePurchases)
    .where(and(eq(collectivePurchases.id, collectivePurchaseId), eq(collectivePurchases.authorityId, authorityId)));
  if (!purchase) throw new AppError("NOT_FOUND", t("refusal.purchasing.collectivePurchaseNotFound"));
  const inputs = await loadCloseInputs(db, purchase, now);
  const [row] = await db
    .select({ balance: ledgerAccounts.balancePence })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.authorityId, authorityId), eq(ledgerAccounts.kind, "consortium_pot"), eq(ledgerAccounts.ownerId, purchase.consortiumId)));
  const { quote, refusal } = decideClose(purchase, inputs, potAvailable(row?.balance));
  if (!quote) return { outcome: "cancel", refusal, joined: inputs.joined.length, minSchools: purchase.minSchools };
  const amounts = newOrdersFor(purchase, inputs, quote).map((o) => ({
    route: o.paymentRoute,
    ...orderAmounts({ netPence: o.netPence, potPence: o.potPence, vatTreatment: o.vatTreatment }),
  }));
  const charged = amounts.filter((a) => a.payablePence > 0);
  return {
    outcome: "confirm",
    schools: inputs.joined.length,
    unitPricePence: quote.unitPricePence,
    pricingModel: inputs.model,
    totalPence: quote.totalPence,
    potPence: quote.potPence,
    chargedPence: charged.reduce((sum, a) => sum + a.payablePence, 0),
    invoiced: charged.filter((a) => a.route !== "internal_recharge").length,
    recharged: charged.filter((a) => a.route === "internal_recharge").length,
  };
}

async function settle(tx: Tx, purchase: Purchase, appUrl: string, actorUserId: string | null, now: Date): Promise<CloseResult> {
  const { authorityId } = purchase;
  const inputs = await loadCloseInputs(tx, purchase, now);
  const { offer, consortium, joined, model } = inputs;
  const tell = (outcome: "confirmed" | "cancelled", detailFor: Parameters<typeof tellOutcome>[1]["detailFor"]) =>
    tellOutcome(tx, {
      authorityId,
      collectivePurchaseId: purchase.id,
      outcome,
      consortiumName: consortium.name,
      offerTitle: offer.title,
      schools: joined,
      detailFor,
      appUrl,
    });
  // The purchase's closing row, with the audit row of how it closed.
  const close = async (action: string, values: Partial<typeof collectivePurchases.$inferInsert>, alsoAfter: object = {}) => {
    const [after] = await tx.update(collectivePurchases).set(values).where(eq(collectivePurchases.id, purchase.id)).returning();
    await audit(tx, {
      authorityId,
      actorUserId,
      action,
      entityType: "collective_purchase",
      entityId: purchase.id,
      before: purchase,
      after: { ...after, ...alsoAfter },
    });
  };

  // Every account the close may post to, locked together in one order before the pot's balance is read.
  const pot = await potAccount(tx, authorityId, purchase.consortiumId);
  const office = await officeAccounts(tx, authorityId);
  const receivables = await ensureSchoolReceivables(
    tx,
    authorityId,
    joined.map((j) => j.schoolId),
  );
  const provider = await ensureAccount(tx, { authorityId, kind: "provider_payable", ownerId: offer.providerId });
  const balances = await lockAccounts(tx, [pot, provider.id, ...Object.values(office), ...receivables.values()]);
  const { quote, refusal } = decideClose(purchase, inputs, potAvailable(balances.get(pot)));

  if (!quote) {
    const reason = cancelReason(refusal, joined.length, purchase.minSchools);
    await close("collective_purchase.cancel", {
      status: "cancelled",
      closedAt: now,
      closedBy: actorUserId,
      cancelledReason: say(reason, "en"),
      cancelledReasonMessage: reason,
    });
    await tell("cancelled", () => ({
      cancelled: { reason: refusal, joined: joined.length, minSchools: purchase.minSchools, leadReason: null, refunded: false },
    }));
    return { status: "cancelled", changed: true };
  }

  const newOrders = newOrdersFor(purchase, inputs, quote);
  const created = await createAndChargeOrders(
    tx,
    {
      authorityId,
      actorUserId: actorUserId ?? purchase.openedBy,
      now,
      offer: {
        offerId: purchase.offerId,
        revisionId: purchase.revisionId,
        title: offer.title,
        providerId: offer.providerId,
        providerKind: offer.providerKind,
        pricingModel: model,
      },
      collectivePurchaseId: purchase.id,
      payingConsortiumId: purchase.consortiumId,
      describe: message("ledgerText.describe.collective", { offer: offer.title, consortium: consortium.name }),
    },
    newOrders,
  );
  await close(
    "collective_purchase.confirm",
    {
      status: "confirmed",
      closedAt: now,
      closedBy: actorUserId,
      finalUnitPricePence: quote.unitPricePence,
      totalPence: quote.totalPence,
      potContributionPence: quote.potPence,
    },
    { orderIds: created.map((o) => o.id) },
  );
  const orderBySchool = new Map(created.map((o) => [o.schoolId, o]));
  await tell("confirmed", (schoolId) => {
    const order = orderBySchool.get(schoolId)!;
    return {
      confirmed: { schools: joined.length, unitPricePence: quote.unitPricePence, payablePence: order.payablePence, potPence: order.potContributionPence },
    };
  });
  return { status: "confirmed", changed: true };
}

/** The periodic task: close every open collective purchase whose closing date has come. */
export async function closeDueCollectivePurchases(db: Database, now: Date, { appUrl }: { appUrl: string }) {
  const due = await db
    .select({ id: collectivePurchases.id, authorityId: collectivePurchases.authorityId })
    .from(collectivePurchases)
    .where(and(eq(collectivePurchases.status, "open"), lte(collectivePurchases.closesAt, now)))
    .orderBy(asc(collectivePurchases.closesAt))
    .limit(20);
  for (const purchase of due) {
    try {
      await closeCollectivePurchase(db, { actor: null, authorityId: purchase.authorityId, collectivePurchaseId: purchase.id, appUrl, now });
    } catch (error) {
      // One purchase that cannot close (an empty pot, say) must not hold up the others; it is retried next tick.
      console.error(`Closing collective purchase ${purchase.id} failed:`, error);
    }
  }
}
