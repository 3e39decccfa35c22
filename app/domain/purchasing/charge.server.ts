// Raising the charges for new orders and splitting paid sales: the money path of
// docs/decisions/0006-money-path.md. Always inside the caller's transaction.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  schema,
  type BuyerType,
  type InvoiceLineBasis,
  type PaymentRoute,
  type PricingModel,
  type ProviderKind,
  type Queryable,
  type VatTreatment,
} from "~/db.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { postEntry, type Posting, debitCredit } from "~/domain/ledger/post-entry.server";
import { incomeSplitRuleFor } from "~/domain/ledger/split-rules.server";
import { ensureSchoolReceivables, lockAccounts, officeAccounts, potAccount, type OfficeAccounts } from "./accounts.server";
import { documentNumber, documentPrefix, dueOn, incomeSplit, orderAmounts, rechargeReference } from "./rules";
import { message, toStore, type StoredMessage } from "~/domain/ledger/described";
import type { MessageKey } from "~/i18n";
import { idsOf } from "~/domain/ids";

const { orders, invoices, invoiceLines, recharges, documentCounters, authorities } = schema;

export type Cause = { type: "order" | "collective_purchase"; id: string };
const keyOf = (cause: Cause, what: string) => `${cause.type === "order" ? "order" : "collective"}:${cause.id}:${what}`;

/**
 * Take `count` consecutive numbers of a series and write them as the documents of `year` show them:
 * ARD-2026-000123, ARD-CN-2026-000007, ARD-RC-2026-000042. The counter row stays locked until the
 * transaction ends, and a rollback gives the numbers back: the sequence has no gaps.
 */
export async function reserveDocumentNumbers(
  tx: Queryable,
  authorityId: string,
  series: "invoice" | "credit_note" | "recharge",
  count: number,
  year: number,
): Promise<string[]> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ authorityId, series, lastValue: count })
    .onConflictDoUpdate({ target: [documentCounters.authorityId, documentCounters.series], set: { lastValue: sql`${documentCounters.lastValue} + ${count}` } })
    .returning({ lastValue: documentCounters.lastValue });
  const [authority] = await tx.select({ slug: authorities.slug }).from(authorities).where(eq(authorities.id, authorityId));
  const prefix = documentPrefix(authority.slug);
  const first = row.lastValue - count + 1;
  return Array.from({ length: count }, (_, i) =>
    series === "recharge" ? rechargeReference({ prefix, year, value: first + i }) : documentNumber({ prefix, series, year, value: first + i }),
  );
}

export type OfferForSale = {
  offerId: string;
  revisionId: string;
  title: string;
  providerId: string;
  providerKind: ProviderKind;
  pricingModel: PricingModel;
};

export type NewOrder = {
  schoolId: string;
  quantity: number;
  delegates: number;
  unitPricePence: number;
  /** The school's whole net, the pot's part included. */
  netPence: number;
  potPence: number;
  buyerType: BuyerType;
  vatTreatment: VatTreatment;
  /** The route the school chose for what it pays itself. */
  paymentRoute: PaymentRoute;
  poNumber: string | null;
  costCentre: string | null;
  consortiumId: string | null;
  idempotencyKey: string;
  lineDescription: StoredMessage | string;
  /** How the school's share was reached, for its invoice line; absent for a plain quantity × unit price. */
  basis?: InvoiceLineBasis;
};

export type ChargeOptions = {
  authorityId: string;
  actorUserId: string;
  now: Date;
  offer: OfferForSale;
  collectivePurchaseId: string | null;
  /** The consortium whose pot pays the orders' pot parts. */
  payingConsortiumId: string | null;
  describe: StoredMessage | string;
  /** Date the ledger entries at `now` rather than the moment they are written (sales recorded after the fact). */
  postedAt?: Date;
};

type OrderRow = typeof orders.$inferSelect;

/**
 * Insert the orders and raise everything they cost, in one go (a collective purchase closes
 * hundreds at once): invoices or recharges for what each school pays, the pot's payment, and the
 * split of whatever is already paid. Returns the orders as inserted, or [] when their idempotency
 * keys were taken already (a replay).
 */
export async function createAndChargeOrders(tx: Queryable, options: ChargeOptions, newOrders: NewOrder[]): Promise<OrderRow[]> {
  const { authorityId, actorUserId, now, offer, collectivePurchaseId, postedAt: at } = options;
  if (newOrders.length === 0) return [];
  const values = newOrders.map((o) => {
    const { vatPence, grossPence, payablePence } = orderAmounts({ netPence: o.netPence, potPence: o.potPence, vatTreatment: o.vatTreatment });
    return {
      authorityId,
      schoolId: o.schoolId,
      offerId: offer.offerId,
      revisionId: offer.revisionId,
      providerId: offer.providerId,
      collectivePurchaseId,
      consortiumId: o.consortiumId,
      pricingModel: offer.pricingModel,
      quantity: o.quantity,
      delegates: o.delegates,
      unitPricePence: o.unitPricePence,
      buyerType: o.buyerType,
      vatTreatment: o.vatTreatment,
      netPence: o.netPence,
      potContributionPence: o.potPence,
      vatPence,
      payablePence,
      grossPence,
      paymentRoute: payablePence === 0 ? ("consortium_pot" as const) : o.paymentRoute,
      poNumber: o.poNumber,
      status: "placed" as const,
      idempotencyKey: o.idempotencyKey,
      placedBy: actorUserId,
      createdAt: now,
    };
  });
  const inserted = await tx.insert(orders).values(values).onConflictDoNothing({ target: orders.idempotencyKey }).returning();
  if (inserted.length === 0) return [];
  const cause: Cause = collectivePurchaseId ? { type: "collective_purchase", id: collectivePurchaseId } : { type: "order", id: inserted[0].id };
  /** One step of the orders' money in the ledger, keyed by the cause and the step so that a replay posts it once. */
  const post = (step: string, text: MessageKey, postings: Posting[]) =>
    postEntry(tx, {
      authorityId,
      idempotencyKey: keyOf(cause, step),
      description: message(text, { describe: options.describe }),
      cause,
      actorUserId,
      at,
      postings,
    });
  const byKey = new Map(newOrders.map((o) => [o.idempotencyKey, o]));
  const byOrder = new Map(inserted.map((o) => [o.id, byKey.get(o.idempotencyKey)!]));
  const accounts = await officeAccounts(tx, authorityId);
  const receivables = await ensureSchoolReceivables(tx, authorityId, [...new Set(inserted.filter((o) => o.payablePence > 0).map((o) => o.schoolId))]);
  const potTotal = inserted.reduce((sum, o) => sum + o.potContributionPence, 0);
  const pot = potTotal > 0 ? await potAccount(tx, authorityId, options.payingConsortiumId!) : null;
  const sharePots = await Promise.all(
    [...new Set(inserted.map((o) => o.consortiumId).filter((c): c is string => c !== null))].map((c) => potAccount(tx, authorityId, c)),
  );
  const provider = await ensureAccount(tx, { authorityId, kind: "provider_payable", ownerId: offer.providerId });
  await lockAccounts(tx, [...Object.values(accounts), ...receivables.values(), ...(pot ? [pot] : []), ...sharePots, provider.id]);

  // What the pot pays.
  if (pot) {
    await post("pot", "ledgerText.potContribution", debitCredit(pot, accounts.salesPending, potTotal));
  }

  // What each school is charged.
  const charged = inserted.filter((o) => o.payablePence > 0);
  if (charged.length > 0) {
    const postings: Posting[] = charged.map((o) => ({ accountId: receivables.get(o.schoolId)!, amountPence: o.payablePence }));
    const vat = charged.reduce((sum, o) => sum + o.vatPence, 0);
    const net = charged.reduce((sum, o) => sum + o.netPence - o.potContributionPence, 0);
    if (vat > 0) postings.push({ accountId: accounts.vatOutput, amountPence: -vat });
    // Nothing of the net is the schools' when the pot pays it all: they owe only the VAT.
    if (net > 0) postings.push({ accountId: accounts.salesPending, amountPence: -net });
    await post("charge", "ledgerText.charged", postings);
  }

  // A card order is invoiced too: the school pays that invoice at once through Stripe.
  const invoicedRoute = (o: OrderRow) => o.paymentRoute === "invoice" || o.paymentRoute === "card";
  await issueInvoices(tx, { authorityId, now, offer }, charged.filter(invoicedRoute), byOrder);

  const recharged = charged.filter((o) => o.paymentRoute === "internal_recharge");
  if (recharged.length > 0) {
    const references = await reserveDocumentNumbers(tx, authorityId, "recharge", recharged.length, now.getUTCFullYear());
    await tx.insert(recharges).values(
      recharged.map((o, i) => ({
        authorityId,
        orderId: o.id,
        schoolId: o.schoolId,
        costCentre: byOrder.get(o.id)!.costCentre ?? "",
        amountPence: o.payablePence,
        journalReference: references[i],
        createdAt: now,
      })),
    );
    const total = recharged.reduce((sum, o) => sum + o.payablePence, 0);
    await post("recharge", "ledgerText.recharge", [
      { accountId: accounts.recharge, amountPence: total },
      ...recharged.map((o) => ({ accountId: receivables.get(o.schoolId)!, amountPence: -o.payablePence })),
    ]);
  }

  // Paid already (by recharge, or wholly by the pot): split now.
  const paid = inserted.filter((o) => !invoicedRoute(o));
  await splitPaidOrders(
    tx,
    {
      authorityId,
      actorUserId,
      now,
      providerId: offer.providerId,
      providerKind: offer.providerKind,
      key: keyOf(cause, "split"),
      cause,
      describe: options.describe,
      accounts,
      postedAt: at,
    },
    paid,
  );
  return tx
    .select()
    .from(orders)
    .where(inArray(orders.id, idsOf(inserted)));
}

export async function issueInvoices(
  tx: Queryable,
  { authorityId, now, offer }: { authorityId: string; now: Date; offer: Pick<OfferForSale, "title"> },
  invoiced: OrderRow[],
  byOrder: Map<string, NewOrder>,
) {
  if (invoiced.length === 0) return;
  const numbers = await reserveDocumentNumbers(tx, authorityId, "invoice", invoiced.length, now.getUTCFullYear());
  const rows = await tx
    .insert(invoices)
    .values(
      invoiced.map((o, i) => ({
        authorityId,
        number: numbers[i],
        orderId: o.id,
        schoolId: o.schoolId,
        poNumber: o.poNumber,
        netPence: o.netPence - o.potContributionPence,
        vatPence: o.vatPence,
        grossPence: o.payablePence,
        issuedAt: now,
        dueOn: dueOn(now),
      })),
    )
    .returning({ id: invoices.id, orderId: invoices.orderId });
  const lines = rows.flatMap((invoice) => {
    const o = invoiced.find((x) => x.id === invoice.orderId)!;
    const order = byOrder.get(o.id);
    // A share need not be a whole number of units at the tier's price; its line then reads as one
    // share at its own amount, the basis saying how it was reached, so the line still multiplies out.
    const plain = o.quantity * o.unitPricePence === o.netPence;
    const first = {
      invoiceId: invoice.id,
      position: 1,
      ...toStore(order?.lineDescription ?? offer.title),
      quantity: plain ? o.quantity : 1,
      unitPricePence: plain ? o.unitPricePence : o.netPence,
      netPence: o.netPence,
      vatTreatment: o.vatTreatment,
      basis: order?.basis ?? null,
    };
    if (o.potContributionPence === 0) return [first];
    return [
      first,
      {
        invoiceId: invoice.id,
        position: 2,
        ...toStore(message("ledgerText.potPaidLine")),
        quantity: 1,
        unitPricePence: -o.potContributionPence,
        netPence: -o.potContributionPence,
        vatTreatment: "outside_scope" as const,
        basis: null,
      },
    ];
  });
  await tx.insert(invoiceLines).values(lines);
}

export type SplitOptions = {
  authorityId: string;
  actorUserId: string | null;
  now: Date;
  providerId: string;
  providerKind: ProviderKind;
  key: string;
  cause: { type: string; id: string };
  describe: StoredMessage | string;
  accounts?: OfficeAccounts;
  /** Date the split's entry at this moment rather than when it is written. */
  postedAt?: Date;
};

/**
 * A paid sale's net is shared by the authority's rule between the provider, the authority and the
 * consortium the buyer belongs to (the authority keeps the pot's share when there is none).
 * Each order's parts add up to its net; the entry carries their sums.
 */
export async function splitPaidOrders(tx: Queryable, options: SplitOptions, paid: OrderRow[]) {
  if (paid.length === 0) return;
  const { authorityId, providerId, providerKind, now } = options;
  const accounts = options.accounts ?? (await officeAccounts(tx, authorityId));
  const rule = await incomeSplitRuleFor(tx, authorityId, providerKind);
  const shares = paid.map((o) => {
    const split = incomeSplit({ amountPence: o.netPence, rule });
    return o.consortiumId
      ? { order: o, provider: split.providerPence, authority: split.authorityPence, pot: split.potPence }
      : { order: o, provider: split.providerPence, authority: split.authorityPence + split.potPence, pot: 0 };
  });
  const credit = new Map<string, number>();
  const add = (accountId: string, amount: number) => credit.set(accountId, (credit.get(accountId) ?? 0) + amount);
  const providerTotal = shares.reduce((s, x) => s + x.provider, 0);
  if (providerTotal > 0) add((await ensureAccount(tx, { authorityId, kind: "provider_payable", ownerId: providerId })).id, providerTotal);
  add(
    accounts.tradedIncome,
    shares.reduce((s, x) => s + x.authority, 0),
  );
  const pots = new Map<string, number>();
  for (const x of shares) if (x.pot > 0) pots.set(x.order.consortiumId!, (pots.get(x.order.consortiumId!) ?? 0) + x.pot);
  for (const [consortiumId, amount] of pots) add(await potAccount(tx, authorityId, consortiumId), amount);

  const net = paid.reduce((s, o) => s + o.netPence, 0);
  if (net > 0) {
    const postings: Posting[] = [{ accountId: accounts.salesPending, amountPence: net }];
    for (const [accountId, amount] of credit) if (amount !== 0) postings.push({ accountId, amountPence: -amount });
    await postEntry(tx, {
      authorityId,
      idempotencyKey: options.key,
      description: message("ledgerText.incomeSplit", { describe: options.describe }),
      cause: options.cause,
      actorUserId: options.actorUserId,
      postings,
      at: options.postedAt,
    });
  }
  const rows = sql.join(
    shares.map((x) => sql`(${x.order.id}::uuid, ${x.provider}::bigint, ${x.authority}::bigint, ${x.pot}::bigint)`),
    sql`, `,
  );
  // An invoiced order may be delivered before it is paid: it keeps its status and is marked paid too.
  await tx.execute(sql`
    update orders set status = case when orders.status = 'placed' then 'confirmed' else orders.status end,
      paid_at = ${now.toISOString()}::timestamptz,
      provider_share_pence = v.provider, authority_share_pence = v.authority, pot_share_pence = v.pot
    from (values ${rows}) as v(id, provider, authority, pot)
    where orders.id = v.id and (orders.status = 'placed' or (orders.status = 'delivered' and orders.paid_at is null))`);
}

/** Orders of a collective purchase (or one order) not yet cancelled. */
export const liveOrders = (tx: Queryable, where: { collectivePurchaseId?: string; orderId?: string }) =>
  tx
    .select()
    .from(orders)
    .where(
      and(where.collectivePurchaseId ? eq(orders.collectivePurchaseId, where.collectivePurchaseId) : eq(orders.id, where.orderId!), isNull(orders.cancelledAt)),
    );
