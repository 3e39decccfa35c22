// Demo sales from the April of the last financial year to the seed's day, so the reports have real
// figures for two financial years: a few purchases a month, by maintained schools (recharged when
// they buy the authority's own services) and by academies (invoiced, most of them paid a few weeks
// later). Deterministic. The orders, invoices, payments and the ledger entries they post all carry
// the dates they happened on.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { ProviderKind } from "~/db.server";
import { memberToday } from "~/domain/consortia/schools-of-consortium-on.server";
import { postEntry } from "~/domain/ledger/post-entry.server";
import { ensureSchoolReceivables, lockAccounts, officeAccounts } from "~/domain/purchasing/accounts.server";
import { createAndChargeOrders, splitPaidOrders } from "~/domain/purchasing/charge.server";
import { buyerType, tierFor } from "~/domain/purchasing/rules";
import { allocateLargestRemainder } from "~/domain/ledger/allocate";
import type { Tx } from "../client";
import { schema } from "../client";
import { SALES_MONTH_DAYS, salesMonths } from "./plan";
import { createRandom, seedFrom } from "./random";
import { idsOf } from "~/domain/ids";

const DAY = 86_400_000;
/** Purchases a month: enough for every report to show something, few enough to seed in seconds. */
const GROUPS_PER_MONTH = 1;
const SCHOOLS_PER_GROUP = 5;

export async function seedDemoSales(tx: Tx, authorityId: string, today: Date) {
  const { offers, offerRevisions, providers, schools, organisations, consortiumMemberships, memberships } = schema;
  const onSale = await tx
    .select({
      offerId: offers.id,
      revisionId: offerRevisions.id,
      title: offerRevisions.title,
      providerId: offers.providerId,
      providerKind: providers.providerKind,
      pricingModel: offerRevisions.pricingModel,
      tiers: offerRevisions.priceTiers,
      vat: offerRevisions.vatTreatment,
    })
    .from(offers)
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .innerJoin(providers, eq(providers.organisationId, offers.providerId))
    .where(eq(offers.authorityId, authorityId))
    .orderBy(asc(offerRevisions.title));
  const buyers = await tx
    .select({
      id: schools.organisationId,
      name: organisations.name,
      establishmentType: schools.establishmentType,
      laMaintained: schools.laMaintained,
      pupils: schools.numberOnRoll,
      costCentre: schools.costCentre,
      consortiumId: consortiumMemberships.consortiumId,
    })
    .from(schools)
    .innerJoin(organisations, eq(organisations.id, schools.organisationId))
    .leftJoin(consortiumMemberships, and(eq(consortiumMemberships.schoolId, schools.organisationId), memberToday(today)))
    .where(and(eq(schools.authorityId, authorityId), eq(schools.status, "open")))
    .orderBy(asc(organisations.name));
  const [placer] = await tx
    .select({ id: memberships.userId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.authorityId, authorityId), eq(organisations.kind, "authority_office")))
    .orderBy(asc(memberships.role))
    .limit(1);
  if (onSale.length === 0 || buyers.length === 0 || !placer) return;
  // Seeded by the authority's slug, not its id: the same county gets the same sales on every machine.
  const [{ slug }] = await tx.select({ slug: schema.authorities.slug }).from(schema.authorities).where(eq(schema.authorities.id, authorityId));
  const rng = createRandom(seedFrom(`sales:${slug}`));
  // Schools with a business manager signing in buy every few months, so their finance page has lines.
  const managed = new Set(
    (
      await tx
        .select({ id: memberships.organisationId })
        .from(memberships)
        .where(and(eq(memberships.authorityId, authorityId), eq(memberships.role, "school_business_manager")))
    ).map((m) => m.id),
  );
  const regulars = buyers.filter((b) => managed.has(b.id));
  const ownServices = onSale.filter((o) => o.providerKind === "la_traded_services");

  for (let month = salesMonths(today); month >= 1; month--) {
    for (let group = 0; group < GROUPS_PER_MONTH; group++) {
      const at = new Date(today.getTime() - month * SALES_MONTH_DAYS * DAY + rng.int(0, 27) * DAY + 10 * 3_600_000);
      // Every other month the authority's own traded services sell at least once, so recharges are in every year.
      const offer = group === 0 && month % 2 === 0 && ownServices.length > 0 ? rng.pick(ownServices) : rng.pick(onSale);
      const tier = tierFor(offer.tiers ?? [], 1);
      if (!tier || !offer.pricingModel) continue;
      const pricingModel = offer.pricingModel;
      // A few schools buy the same offer that month; a consortium pot pays a quarter of one school's now and then.
      const chosen = rng.shuffle(buyers).slice(0, SCHOOLS_PER_GROUP);
      if (month % 3 === 0 && regulars.length > 0) chosen[chosen.length - 1] = regulars[month % regulars.length];
      if (new Set(chosen.map((c) => c.id)).size !== chosen.length) chosen.pop();
      const payingConsortiumId = rng.chance(0.3) ? chosen[0].consortiumId : null;
      const newOrders = chosen.map((school, i) => {
        const type = buyerType(school);
        const quantity = pricingModel === "per_pupil" ? school.pupils : pricingModel === "per_delegate" ? rng.int(1, 3) : 1;
        const netPence = tier.unitPricePence * quantity;
        const recharge = type === "la_maintained" && offer.providerKind === "la_traded_services" && school.costCentre !== null;
        // The pot helps with invoiced purchases; a recharge moves the whole price between the authority's own budgets.
        const potPence = i === 0 && payingConsortiumId && !recharge ? allocateLargestRemainder(netPence, [1, 3])[0] : 0;
        return {
          schoolId: school.id,
          quantity,
          delegates: pricingModel === "per_delegate" ? quantity : 1,
          unitPricePence: tier.unitPricePence,
          netPence,
          potPence,
          buyerType: type,
          vatTreatment: offer.vat?.[type] ?? ("standard" as const),
          paymentRoute: recharge ? ("internal_recharge" as const) : ("invoice" as const),
          poNumber: recharge ? null : `PO-${String(rng.int(10_000, 99_999))}`,
          costCentre: school.costCentre,
          consortiumId: school.consortiumId,
          idempotencyKey: `demo-sale:${authorityId}:${month}:${group}:${i}`,
          lineDescription: offer.title,
        };
      });
      const placed = await createAndChargeOrders(
        tx,
        {
          authorityId,
          actorUserId: placer.id,
          now: at,
          postedAt: at,
          offer: { ...offer, pricingModel },
          collectivePurchaseId: null,
          payingConsortiumId,
          describe: `${offer.title}, demo purchases of ${at.toISOString().slice(0, 7)}`,
        },
        newOrders,
      );
      // Most invoices are paid within about a month; the latest ones and a few others are still open.
      const paidAt = new Date(at.getTime() + rng.int(10, 40) * DAY);
      const invoiced = placed.filter((o) => o.paymentRoute === "invoice");
      if (invoiced.length === 0 || paidAt >= today || rng.chance(0.1)) continue;
      await payInvoices(
        tx,
        { authorityId, userId: placer.id, paidAt, providerKind: offer.providerKind, title: offer.title, key: `demo-sale:${authorityId}:${month}:${group}` },
        invoiced,
      );
    }
  }
}

/** The invoices of these orders paid by bank on one day, and the sales split: what recording each payment does, at once. */
async function payInvoices(
  tx: Tx,
  {
    authorityId,
    userId,
    paidAt,
    providerKind,
    title,
    key,
  }: { authorityId: string; userId: string; paidAt: Date; providerKind: ProviderKind; title: string; key: string },
  orders: (typeof schema.orders.$inferSelect)[],
) {
  const { invoices, payments } = schema;
  const rows = await tx
    .select()
    .from(invoices)
    .where(inArray(invoices.orderId, idsOf(orders)));
  const receivedOn = paidAt.toISOString().slice(0, 10);
  const paid = await tx
    .insert(payments)
    .values(
      rows.map((invoice) => ({
        authorityId,
        invoiceId: invoice.id,
        amountPence: invoice.grossPence,
        bankReference: `BACS ${invoice.number}`,
        receivedOn,
        recordedBy: userId,
        idempotencyKey: `${key}:payment:${invoice.id}`,
        createdAt: paidAt,
      })),
    )
    .returning();
  const accounts = await officeAccounts(tx, authorityId);
  const receivables = await ensureSchoolReceivables(
    tx,
    authorityId,
    rows.map((r) => r.schoolId),
  );
  await lockAccounts(tx, [accounts.bank, ...receivables.values()]);
  const total = rows.reduce((sum, r) => sum + r.grossPence, 0);
  await postEntry(tx, {
    authorityId,
    idempotencyKey: `${key}:payments`,
    description: `Payments of invoices ${rows.map((r) => r.number).join(", ")}`,
    cause: { type: "payment", id: paid[0].id },
    actorUserId: userId,
    at: paidAt,
    postings: [{ accountId: accounts.bank, amountPence: total }, ...rows.map((r) => ({ accountId: receivables.get(r.schoolId)!, amountPence: -r.grossPence }))],
  });
  await tx
    .update(invoices)
    .set({ status: "paid", paidAt })
    .where(inArray(invoices.id, idsOf(rows)));
  await splitPaidOrders(
    tx,
    {
      authorityId,
      actorUserId: userId,
      now: paidAt,
      providerId: orders[0].providerId,
      providerKind,
      key: `${key}:split`,
      cause: { type: "order", id: orders[0].id },
      describe: `${title}, demo payments`,
      accounts,
      postedAt: paidAt,
    },
    orders,
  );
}
