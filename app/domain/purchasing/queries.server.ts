// What the purchasing pages read. Every query is scoped by the authority; callers check the role.
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type Queryable } from "~/db.server";
import { isUuid } from "~/domain/ids";

const { orders, invoices, invoiceLines, creditNotes, recharges, payments, offerRevisions, organisations, schools, collectivePurchases, pledges, consortiumMemberships } = schema;
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

export type OrderListItem = Awaited<ReturnType<typeof orderQuery>>[number];

export async function findOrder(db: Queryable, authorityId: string, orderId: string) {
  if (!isUuid(orderId)) return null;
  const [order] = await orderQuery(db, and(eq(orders.id, orderId), eq(orders.authorityId, authorityId)));
  if (!order) return null;
  const [recharge] = await db.select().from(recharges).where(eq(recharges.orderId, order.id));
  const [revision] = await db
    .select({ noticeDays: offerRevisions.cancellationNoticeDays, terms: offerRevisions.cancellationTerms })
    .from(orders)
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .where(eq(orders.id, order.id));
  return { ...order, recharge: recharge ?? null, cancellation: revision };
}

export const ordersOfSchool = (db: Queryable, authorityId: string, schoolId: string) => orderQuery(db, and(eq(orders.authorityId, authorityId), eq(orders.schoolId, schoolId)));
export const ordersOfProvider = (db: Queryable, authorityId: string, providerId: string) => orderQuery(db, and(eq(orders.authorityId, authorityId), eq(orders.providerId, providerId)));
export const ordersOfAuthority = (db: Queryable, authorityId: string, { from, to }: { from?: Date; to?: Date } = {}) =>
  orderQuery(db, and(eq(orders.authorityId, authorityId), from ? sql`${orders.createdAt} >= ${from}` : undefined, to ? sql`${orders.createdAt} < ${to}` : undefined));
/** Schools' requests, waiting for the lead, to pay from the consortium's pot. */
export const potRequestsOf = (db: Queryable, authorityId: string, consortiumId: string) =>
  orderQuery(db, and(eq(orders.authorityId, authorityId), eq(orders.consortiumId, consortiumId), eq(orders.potRequest, "requested"), eq(orders.status, "placed")));
export const ordersOfCollectivePurchase = (db: Queryable, authorityId: string, collectivePurchaseId: string) =>
  orderQuery(db, and(eq(orders.authorityId, authorityId), eq(orders.collectivePurchaseId, collectivePurchaseId)));

export async function findInvoice(db: Queryable, authorityId: string, invoiceId: string) {
  if (!isUuid(invoiceId)) return null;
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
    })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(schoolOrg, eq(schoolOrg.id, invoices.schoolId))
    .innerJoin(schools, eq(schools.organisationId, invoices.schoolId))
    .innerJoin(providerOrg, eq(providerOrg.id, orders.providerId))
    .innerJoin(schema.authorities, eq(schema.authorities.id, invoices.authorityId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.authorityId, authorityId)));
  if (!invoice) return null;
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(invoiceLines.position);
  const [credit] = await db.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId));
  const [payment] = await db.select().from(payments).where(eq(payments.invoiceId, invoiceId));
  return { ...invoice, lines, creditNote: credit ?? null, payment: payment ?? null };
}

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
    })
    .from(recharges)
    .innerJoin(orders, eq(orders.id, recharges.orderId))
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(schoolOrg, eq(schoolOrg.id, recharges.schoolId))
    .innerJoin(schools, eq(schools.organisationId, recharges.schoolId))
    .where(eq(recharges.authorityId, authorityId))
    .orderBy(recharges.createdAt, recharges.journalReference);
}

const purchaseColumns = {
  purchase: collectivePurchases,
  title: offerRevisions.title,
  priceTiers: offerRevisions.priceTiers,
  pricingModel: offerRevisions.pricingModel,
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

export async function findCollectivePurchase(db: Queryable, authorityId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await purchaseQuery(db, and(eq(collectivePurchases.id, id), eq(collectivePurchases.authorityId, authorityId)));
  if (!row) return null;
  const answers = await db
    .select({ schoolId: pledges.schoolId, schoolName: organisations.name, status: pledges.status, delegates: pledges.delegates, poNumber: pledges.poNumber, paymentRoute: pledges.paymentRoute, pupils: schools.numberOnRoll })
    .from(pledges)
    .innerJoin(organisations, eq(organisations.id, pledges.schoolId))
    .innerJoin(schools, eq(schools.organisationId, pledges.schoolId))
    .where(eq(pledges.collectivePurchaseId, id))
    .orderBy(organisations.name);
  return { ...row, answers };
}

/** Collective purchases of these consortia (most recent first). */
export const collectivePurchasesOf = (db: Queryable, authorityId: string, consortiumIds: string[]) =>
  consortiumIds.length === 0 ? Promise.resolve([]) : purchaseQuery(db, and(eq(collectivePurchases.authorityId, authorityId), inArray(collectivePurchases.consortiumId, consortiumIds)));

/** The consortia these schools belong to now. */
export async function currentConsortiaOf(db: Queryable, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select({ schoolId: consortiumMemberships.schoolId, consortiumId: consortiumMemberships.consortiumId })
    .from(consortiumMemberships)
    .where(and(inArray(consortiumMemberships.schoolId, schoolIds), isNull(consortiumMemberships.leftOn)));
}
