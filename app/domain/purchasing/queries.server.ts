// What the purchasing pages read. Every query is scoped by the authority; callers check the role.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type Queryable } from "~/db.server";
import { memberToday } from "~/domain/consortia/schools-of-consortium-on.server";
import { isUuid } from "~/domain/ids";
import { can, type MembershipGrant } from "~/auth/permissions";
import { mayViewCollectivePurchase } from "./access";
import { invoiceBalance } from "./invoice-balance";
import { described } from "~/domain/ledger/described";

const {
  orders,
  invoices,
  invoiceLines,
  creditNotes,
  recharges,
  payments,
  fundingFormulas,
  offers,
  offerRevisions,
  organisations,
  schools,
  collectivePurchases,
  pledges,
  consortiumMemberships,
} = schema;
const schoolOrg = alias(organisations, "school_org");
const providerOrg = alias(organisations, "provider_org");

const orderColumns = {
  id: orders.id,
  createdAt: orders.createdAt,
  schoolId: orders.schoolId,
  schoolName: schoolOrg.name,
  providerId: orders.providerId,
  providerName: providerOrg.name,
  offerId: orders.offerId,
  title: offerRevisions.title,
  titleCy: offerRevisions.titleCy,
  collectivePurchaseId: orders.collectivePurchaseId,
  quantity: orders.quantity,
  delegates: orders.delegates,
  unitPricePence: orders.unitPricePence,
  netPence: orders.netPence,
  potContributionPence: orders.potContributionPence,
  vatPence: orders.vatPence,
  grossPence: orders.grossPence,
  payablePence: orders.payablePence,
  paymentRoute: orders.paymentRoute,
  poNumber: orders.poNumber,
  status: orders.status,
  buyerType: orders.buyerType,
  vatTreatment: orders.vatTreatment,
  providerSharePence: orders.providerSharePence,
  authoritySharePence: orders.authoritySharePence,
  potSharePence: orders.potSharePence,
  potRequest: orders.potRequest,
  invoiceId: invoices.id,
  invoiceNumber: invoices.number,
  invoiceStatus: invoices.status,
};

const orderQuery = (db: Queryable, where: SQL | undefined) =>
  db
    .select(orderColumns)
    .from(orders)
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(schoolOrg, eq(schoolOrg.id, orders.schoolId))
    .innerJoin(providerOrg, eq(providerOrg.id, orders.providerId))
    .leftJoin(invoices, eq(invoices.orderId, orders.id))
    .where(where)
    .orderBy(desc(orders.createdAt), orders.id);

/** Orders as the lists show them, newest first, for a condition the caller scopes to its authority. */
export const ordersOfAuthorityWhere = (db: Queryable, where: SQL | undefined) => orderQuery(db, where);

export type OrderListItem = Awaited<ReturnType<typeof orderQuery>>[number];

export async function findOrder(db: Queryable, authorityId: string, orderId: string) {
  if (!isUuid(orderId)) return null;
  const [order] = await orderQuery(db, and(eq(orders.id, orderId), eq(orders.authorityId, authorityId)));
  if (!order) return null;
  const [recharge] = await db.select().from(recharges).where(eq(recharges.orderId, order.id));
  const credits = order.invoiceId
    ? await db.select({ grossPence: creditNotes.grossPence }).from(creditNotes).where(eq(creditNotes.invoiceId, order.invoiceId))
    : [];
  const paid = order.invoiceId ? await db.select({ amountPence: payments.amountPence }).from(payments).where(eq(payments.invoiceId, order.invoiceId)) : [];
  const [revision] = await db
    .select({ noticeDays: offerRevisions.cancellationNoticeDays, terms: offerRevisions.cancellationTerms })
    .from(orders)
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .where(eq(orders.id, order.id));
  const reversed = order.status === "cancelled";
  // Without an invoice the charge was a recharge (reversed on cancellation) or nothing at all.
  const balance = order.invoiceId
    ? invoiceBalance({
        grossPence: order.payablePence,
        creditedPence: credits.reduce((sum, c) => sum + c.grossPence, 0),
        paidPence: paid.reduce((sum, p) => sum + p.amountPence, 0),
      })
    : invoiceBalance({
        grossPence: order.payablePence,
        creditedPence: reversed || !recharge ? order.payablePence : 0,
        paidPence: reversed || !recharge ? 0 : order.payablePence,
      });
  return { ...order, recharge: recharge ?? null, cancellation: revision, balance };
}

export const ordersOfSchool = (db: Queryable, authorityId: string, schoolId: string) =>
  orderQuery(db, and(eq(orders.authorityId, authorityId), eq(orders.schoolId, schoolId)));
export const ordersOfProvider = (db: Queryable, authorityId: string, providerId: string) =>
  orderQuery(db, and(eq(orders.authorityId, authorityId), eq(orders.providerId, providerId)));
export const ordersOfAuthority = (db: Queryable, authorityId: string, { from, to }: { from?: Date; to?: Date } = {}) =>
  orderQuery(
    db,
    and(eq(orders.authorityId, authorityId), from ? sql`${orders.createdAt} >= ${from}` : undefined, to ? sql`${orders.createdAt} < ${to}` : undefined),
  );
/** Schools' requests, waiting for the lead, to pay from the consortium's pot. */
export const potRequestsOf = (db: Queryable, authorityId: string, consortiumId: string) =>
  orderQuery(
    db,
    and(eq(orders.authorityId, authorityId), eq(orders.consortiumId, consortiumId), eq(orders.potRequest, "requested"), eq(orders.status, "placed")),
  );
export const ordersOfCollectivePurchase = (db: Queryable, authorityId: string, collectivePurchaseId: string) =>
  orderQuery(db, and(eq(orders.authorityId, authorityId), eq(orders.collectivePurchaseId, collectivePurchaseId)));

export async function findInvoice(db: Queryable, authorityId: string, invoiceId: string) {
  if (!isUuid(invoiceId)) return null;
  // An order's invoice names its offer and provider; a school's match funding names the formula version that raised it.
  const [invoice] = await db
    .select({
      invoice: invoices,
      schoolName: schoolOrg.name,
      urn: schools.urn,
      postcode: schools.postcode,
      providerName: providerOrg.name,
      providerId: orders.providerId,
      title: offerRevisions.title,
      authorityName: schema.authorities.name,
      vatNumber: schema.authorities.vatRegistrationNumber,
      buyerType: orders.buyerType,
      funding: { financialYear: fundingFormulas.financialYear, version: fundingFormulas.version },
    })
    .from(invoices)
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .leftJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(schoolOrg, eq(schoolOrg.id, invoices.schoolId))
    .innerJoin(schools, eq(schools.organisationId, invoices.schoolId))
    .leftJoin(providerOrg, eq(providerOrg.id, orders.providerId))
    .leftJoin(fundingFormulas, eq(fundingFormulas.id, invoices.fundingFormulaId))
    .innerJoin(schema.authorities, eq(schema.authorities.id, invoices.authorityId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.authorityId, authorityId)));
  if (!invoice) return null;
  // Each line's description in the reader's language, as its message says it; older lines as they were written.
  const lines = (await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(invoiceLines.position)).map(
    ({ descriptionMessage, ...line }) => ({
      ...line,
      description: described({ description: line.description, descriptionMessage }),
    }),
  );
  const credits = await db.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId)).orderBy(creditNotes.number);
  // Part payments, by bank or through Stripe, in the order they arrived.
  const paid = await db
    .select({ payment: payments, recordedByName: schema.users.name })
    .from(payments)
    .leftJoin(schema.users, eq(schema.users.id, payments.recordedBy))
    .where(eq(payments.invoiceId, invoiceId))
    .orderBy(payments.createdAt, payments.id);
  const paymentList = paid.map((p) => ({ ...p.payment, recordedByName: p.recordedByName }));
  const balance = invoiceBalance({
    grossPence: invoice.invoice.grossPence,
    creditedPence: credits.reduce((sum, c) => sum + c.grossPence, 0),
    paidPence: paymentList.reduce((sum, p) => sum + p.amountPence, 0),
  });
  return { ...invoice, lines, creditNote: credits[0] ?? null, creditNotes: credits, payment: paymentList[0] ?? null, payments: paymentList, balance };
}

/** The authority's recharges, of orders and of schools' match funding, oldest first. */
export async function rechargesOfAuthority(db: Queryable, authorityId: string) {
  return db
    .select({
      createdAt: recharges.createdAt,
      reversedAt: recharges.reversedAt,
      journalReference: recharges.journalReference,
      costCentre: recharges.costCentre,
      schoolName: schoolOrg.name,
      urn: schools.urn,
      amountPence: recharges.amountPence,
      status: recharges.status,
      orderId: recharges.orderId,
      title: offerRevisions.title,
      funding: { financialYear: fundingFormulas.financialYear, version: fundingFormulas.version },
    })
    .from(recharges)
    .leftJoin(orders, eq(orders.id, recharges.orderId))
    .leftJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .leftJoin(fundingFormulas, eq(fundingFormulas.id, recharges.fundingFormulaId))
    .innerJoin(schoolOrg, eq(schoolOrg.id, recharges.schoolId))
    .innerJoin(schools, eq(schools.organisationId, recharges.schoolId))
    .where(eq(recharges.authorityId, authorityId))
    .orderBy(recharges.createdAt, recharges.journalReference);
}

const purchaseColumns = {
  purchase: collectivePurchases,
  title: offerRevisions.title,
  titleCy: offerRevisions.titleCy,
  priceTiers: offerRevisions.priceTiers,
  pricingModel: offerRevisions.pricingModel,
  vatTreatment: offerRevisions.vatTreatment,
  consortiumName: organisations.name,
  joined: sql<number>`(select count(*)::int from ${pledges} where ${pledges.collectivePurchaseId} = ${collectivePurchases.id} and ${pledges.status} = 'joined')`,
};

const purchaseQuery = (db: Queryable, where: SQL | undefined) =>
  db
    .select(purchaseColumns)
    .from(collectivePurchases)
    .innerJoin(offerRevisions, eq(offerRevisions.id, collectivePurchases.revisionId))
    .innerJoin(organisations, eq(organisations.id, collectivePurchases.consortiumId))
    .where(where)
    .orderBy(desc(collectivePurchases.createdAt));

export async function findCollectivePurchase(db: Queryable, authorityId: string, id: string, now = new Date()) {
  if (!isUuid(id)) return null;
  const [row] = await purchaseQuery(db, and(eq(collectivePurchases.id, id), eq(collectivePurchases.authorityId, authorityId)));
  if (!row) return null;
  const answers = await db
    .select({
      schoolId: pledges.schoolId,
      schoolName: organisations.name,
      status: pledges.status,
      delegates: pledges.delegates,
      poNumber: pledges.poNumber,
      paymentRoute: pledges.paymentRoute,
      pupils: schools.numberOnRoll,
    })
    .from(pledges)
    .innerJoin(organisations, eq(organisations.id, pledges.schoolId))
    .innerJoin(schools, eq(schools.organisationId, pledges.schoolId))
    .where(eq(pledges.collectivePurchaseId, id))
    .orderBy(organisations.name);
  // Every school in the consortium today is invited (those that joined after it opened too, as the page is
  // theirs to answer); a school whose move here is recorded for a later day is invited from that day.
  const members = await db
    .select({ schoolId: consortiumMemberships.schoolId, schoolName: organisations.name })
    .from(consortiumMemberships)
    .innerJoin(organisations, eq(organisations.id, consortiumMemberships.schoolId))
    .where(and(eq(consortiumMemberships.consortiumId, row.purchase.consortiumId), eq(consortiumMemberships.authorityId, authorityId), memberToday(now)))
    .orderBy(organisations.name);
  const answered = new Set(answers.map((a) => a.schoolId));
  const notAnswered = members.filter((m) => !answered.has(m.schoolId));
  return { ...row, answers, notAnswered };
}

/** Collective purchases of these consortia (most recent first). */
export const collectivePurchasesOf = (db: Queryable, authorityId: string, consortiumIds: string[]) =>
  consortiumIds.length === 0
    ? Promise.resolve([])
    : purchaseQuery(db, and(eq(collectivePurchases.authorityId, authorityId), inArray(collectivePurchases.consortiumId, consortiumIds)));

/** The consortia these schools belong to today (a move recorded for a later day has not happened yet). */
export async function currentConsortiaOf(db: Queryable, schoolIds: string[], now = new Date()) {
  if (schoolIds.length === 0) return [];
  return db
    .select({ schoolId: consortiumMemberships.schoolId, consortiumId: consortiumMemberships.consortiumId })
    .from(consortiumMemberships)
    .where(and(inArray(consortiumMemberships.schoolId, schoolIds), memberToday(now)));
}

/**
 * May the reader open the collective purchase that an order of `schoolId` belongs to? The purchase's
 * own page's rule (`mayViewCollectivePurchase`), for a page that links to it: a school that has left
 * the consortium since no longer answers in it.
 */
export async function mayOpenCollectivePurchaseOf(
  db: Queryable,
  grants: readonly MembershipGrant[],
  { authorityId, collectivePurchaseId, schoolId, now = new Date() }: { authorityId: string; collectivePurchaseId: string; schoolId: string; now?: Date },
) {
  const [purchase] = await db
    .select({ consortiumId: collectivePurchases.consortiumId })
    .from(collectivePurchases)
    .where(and(eq(collectivePurchases.id, collectivePurchaseId), eq(collectivePurchases.authorityId, authorityId)));
  if (!purchase) return false;
  const answers =
    can(grants, "join:collective-purchase", { organisationId: schoolId, authorityId }) &&
    (await currentConsortiaOf(db, [schoolId], now)).some((m) => m.consortiumId === purchase.consortiumId);
  return mayViewCollectivePurchase(grants, authorityId, purchase.consortiumId, answers ? [schoolId] : []);
}

/** What a school's share is worked out from: maintained or not, its cost centre, pupils and type. */
export async function schoolsForShares(db: Queryable, authorityId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select({
      id: schools.organisationId,
      laMaintained: schools.laMaintained,
      costCentre: schools.costCentre,
      pupils: schools.numberOnRoll,
      establishmentType: schools.establishmentType,
    })
    .from(schools)
    .where(and(eq(schools.authorityId, authorityId), inArray(schools.organisationId, schoolIds)));
}

/** The provider of an offer: its kind (for VAT) and name. */
export async function providerOfOffer(db: Queryable, authorityId: string, offerId: string) {
  const [provider] = await db
    .select({ kind: schema.providers.providerKind, name: schema.organisations.name })
    .from(offers)
    .innerJoin(schema.providers, eq(schema.providers.organisationId, offers.providerId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, offers.providerId))
    .where(and(eq(offers.id, offerId), eq(offers.authorityId, authorityId)));
  return provider ?? null;
}
