// What caused each movement on a statement, in words and with a link to it.
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type Queryable } from "~/db.server";
import type { MembershipGrant } from "~/auth/permissions";
import { isUuid } from "~/domain/ids";
import { mayViewInvoice, mayViewOrder } from "~/domain/purchasing/access";
import { t } from "~/i18n";

import { causeKey, type CauseLabel } from "./statement-terms";

/**
 * Labels for the causes of these lines, scoped to the authority: "Collective purchase: EYFS package, Avon Valley", linked to
 * the cause's page where the reader (by their grants) may open it: a consortium lead reading the pot is not linked to a school's order.
 */
export async function describeCauses(
  db: Queryable,
  authorityId: string,
  lines: { causeType: string; causeId: string }[],
  reader: readonly MembershipGrant[],
): Promise<Record<string, CauseLabel>> {
  const idsOf = (type: string) => [...new Set(lines.filter((l) => l.causeType === type && isUuid(l.causeId)).map((l) => l.causeId))];
  const { collectivePurchases, orders, offerRevisions, organisations, payments, invoices } = schema;
  const labels: Record<string, CauseLabel> = {};
  const name = (type: string, id: string, label: string, href: string | null) => (labels[causeKey(type, id)] = { label, href });
  const collective = idsOf("collective_purchase");
  if (collective.length) {
    const rows = await db
      .select({ id: collectivePurchases.id, title: offerRevisions.title, consortium: organisations.name })
      .from(collectivePurchases)
      .innerJoin(offerRevisions, eq(offerRevisions.id, collectivePurchases.revisionId))
      .innerJoin(organisations, eq(organisations.id, collectivePurchases.consortiumId))
      .where(and(eq(collectivePurchases.authorityId, authorityId), inArray(collectivePurchases.id, collective)));
    for (const r of rows)
      name("collective_purchase", r.id, t("cause.collective", { title: r.title, consortium: r.consortium }), `/collective-purchases/${r.id}`);
  }
  const orderIds = idsOf("order");
  if (orderIds.length) {
    const school = alias(organisations, "school");
    const rows = await db
      .select({ id: orders.id, title: offerRevisions.title, school: school.name, schoolId: orders.schoolId, providerId: orders.providerId })
      .from(orders)
      .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
      .innerJoin(school, eq(school.id, orders.schoolId))
      .where(and(eq(orders.authorityId, authorityId), inArray(orders.id, orderIds)));
    for (const r of rows)
      name("order", r.id, t("cause.order", { title: r.title, school: r.school }), mayViewOrder(reader, authorityId, r) ? `/purchases/${r.id}` : null);
  }
  const paymentIds = idsOf("payment");
  if (paymentIds.length) {
    const rows = await db
      .select({ id: payments.id, invoiceId: invoices.id, number: invoices.number, schoolId: invoices.schoolId })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(and(eq(payments.authorityId, authorityId), inArray(payments.id, paymentIds)));
    for (const r of rows)
      name("payment", r.id, t("cause.payment", { number: r.number }), mayViewInvoice(reader, authorityId, r.schoolId) ? `/invoices/${r.invoiceId}` : null);
  }
  for (const line of lines) {
    const key = causeKey(line.causeType, line.causeId);
    if (!labels[key]) labels[key] = { label: line.causeType === "funding" ? t("cause.funding") : t("cause.other"), href: null };
  }
  return labels;
}
