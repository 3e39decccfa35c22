// The documents a school's match funding is raised by (docs/decisions/0012): an invoice, a
// recharge line in the authority's budget journal, or a credit note when a revision lowers it.
// Numbered with the purchases' invoices, credit notes and recharges; always inside the caller's transaction.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { audit, auditAll, type AuditEntry } from "~/domain/audit.server";
import { reserveDocumentNumbers } from "~/domain/purchasing/charge.server";
import { dueOn } from "~/domain/purchasing/rules";
import { t } from "~/i18n";
import { invoiceBalance } from "~/domain/purchasing/invoice-balance";
import { paysMatchByRecharge, type MatchDocument, type MatchHolding } from "./rules";

const { invoices, invoiceLines, creditNotes, recharges, fundingFormulas, schools, payments } = schema;

/** What the year's earlier versions raised from each of these schools, and how each pays now. */
export async function matchHoldings(db: Queryable, authorityId: string, year: string, schoolIds: readonly string[]): Promise<Map<string, MatchHolding>> {
  const holdings = new Map<string, MatchHolding>();
  if (schoolIds.length === 0) return holdings;
  const ids = [...new Set(schoolIds)];
  const routes = await db
    .select({ id: schools.organisationId, laMaintained: schools.laMaintained, costCentre: schools.costCentre, byInvoice: schools.matchFundingByInvoice })
    .from(schools)
    .where(and(eq(schools.authorityId, authorityId), inArray(schools.organisationId, ids)));
  for (const r of routes) holdings.set(r.id, { byRecharge: paysMatchByRecharge(r), invoices: [], recharged: false });
  const ofYear = and(eq(fundingFormulas.authorityId, authorityId), eq(fundingFormulas.financialYear, year));
  const held = await db
    .select({
      invoiceId: invoices.id,
      number: invoices.number,
      schoolId: invoices.schoolId,
      grossPence: invoices.grossPence,
      creditedPence: sql<string>`coalesce((select sum(${creditNotes.grossPence}) from ${creditNotes} where ${creditNotes.invoiceId} = ${invoices.id}), 0)`,
    })
    .from(invoices)
    .innerJoin(fundingFormulas, eq(fundingFormulas.id, invoices.fundingFormulaId))
    .where(and(ofYear, inArray(invoices.schoolId, ids)))
    .orderBy(desc(fundingFormulas.version), desc(invoices.number));
  for (const h of held)
    holdings.get(h.schoolId)?.invoices.push({ invoiceId: h.invoiceId, number: h.number, creditablePence: h.grossPence - Number(h.creditedPence) });
  const recharged = await db
    .select({ schoolId: recharges.schoolId })
    .from(recharges)
    .innerJoin(fundingFormulas, eq(fundingFormulas.id, recharges.fundingFormulaId))
    .where(and(ofYear, inArray(recharges.schoolId, ids)));
  for (const r of recharged) {
    const holding = holdings.get(r.schoolId);
    if (holding) holding.recharged = true;
  }
  return holdings;
}

export type RaiseOptions = {
  authorityId: string;
  formula: { id: string; financialYear: string; version: number };
  actorUserId: string;
  now: Date;
};

/** Issue the invoices, credit notes and recharge lines of a version's match lines, each with its audit row. */
export async function raiseMatchDocuments(tx: Queryable, { authorityId, formula, actorUserId, now }: RaiseOptions, documents: readonly MatchDocument[]) {
  const words = { year: formula.financialYear, version: formula.version };
  const ofVersion = { financialYear: formula.financialYear, version: formula.version };
  const issued = (action: string, entityType: string, row: { id: string }, organisationId: string): AuditEntry => ({
    authorityId,
    actorUserId,
    action,
    entityType,
    entityId: row.id,
    organisationId,
    after: { ...row, ...ofVersion },
  });
  const year = now.getUTCFullYear();
  const toInvoice = documents.filter((d) => d.how === "invoice");
  if (toInvoice.length > 0) {
    const numbers = await reserveDocumentNumbers(tx, authorityId, "invoice", toInvoice.length, year);
    const rows = await tx
      .insert(invoices)
      .values(
        toInvoice.map((d, i) => ({
          authorityId,
          number: numbers[i],
          orderId: null,
          fundingFormulaId: formula.id,
          schoolId: d.schoolId,
          netPence: d.amountPence,
          vatPence: 0,
          grossPence: d.amountPence,
          issuedAt: now,
          dueOn: dueOn(now),
          createdAt: now,
        })),
      )
      .returning();
    // Match funding is a contribution to the school's own consortium, outside the scope of VAT.
    await tx.insert(invoiceLines).values(
      rows.map((invoice) => ({
        invoiceId: invoice.id,
        position: 1,
        description: t("matchfunding.describe", words),
        quantity: 1,
        unitPricePence: invoice.netPence,
        netPence: invoice.netPence,
        vatTreatment: "outside_scope" as const,
        basis: null,
      })),
    );
    await auditAll(
      tx,
      rows.map((invoice) => issued("match_funding.invoice.issue", "invoice", invoice, invoice.schoolId)),
    );
  }

  const credits = documents.flatMap((d) => (d.how === "credit_note" ? d.credits.map((c) => ({ ...c, schoolId: d.schoolId })) : []));
  if (credits.length > 0) {
    const numbers = await reserveDocumentNumbers(tx, authorityId, "credit_note", credits.length, year);
    const rows = await tx
      .insert(creditNotes)
      .values(
        credits.map((c, i) => ({
          authorityId,
          number: numbers[i],
          invoiceId: c.invoiceId,
          netPence: c.amountPence,
          vatPence: 0,
          grossPence: c.amountPence,
          reason: t("matchfunding.creditNote.reason", words),
          fundingFormulaId: formula.id,
          createdBy: actorUserId,
          createdAt: now,
        })),
      )
      .returning();
    for (const note of rows) {
      const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, note.invoiceId)).for("update");
      const [credited] = await tx
        .select({ total: sql<string>`coalesce(sum(${creditNotes.grossPence}), 0)` })
        .from(creditNotes)
        .where(eq(creditNotes.invoiceId, invoice.id));
      const [paid] = await tx
        .select({ total: sql<string>`coalesce(sum(${payments.amountPence}), 0)` })
        .from(payments)
        .where(eq(payments.invoiceId, invoice.id));
      const balance = invoiceBalance({ grossPence: invoice.grossPence, creditedPence: Number(credited.total), paidPence: Number(paid.total) });
      // Credited in full, nothing of it was paid: the invoice is cancelled. Otherwise it stands, owing less (or owing the school).
      const whollyCredited = Number(credited.total) >= invoice.grossPence && Number(paid.total) === 0;
      if (whollyCredited && invoice.status !== "credited")
        await tx.update(invoices).set({ status: "credited", creditedAt: now }).where(eq(invoices.id, invoice.id));
      else if (invoice.status === "issued" && balance.duePence === 0)
        await tx.update(invoices).set({ status: "paid", paidAt: now }).where(eq(invoices.id, invoice.id));
      await audit(tx, issued("match_funding.credit_note.issue", "credit_note", note, invoice.schoolId));
    }
  }

  const toRecharge = documents.filter((d) => d.how === "recharge");
  if (toRecharge.length > 0) {
    const centres = await tx
      .select({ id: schools.organisationId, costCentre: schools.costCentre })
      .from(schools)
      .where(
        inArray(
          schools.organisationId,
          toRecharge.map((d) => d.schoolId),
        ),
      );
    const centreOf = new Map(centres.map((c) => [c.id, c.costCentre ?? ""]));
    const references = await reserveDocumentNumbers(tx, authorityId, "recharge", toRecharge.length, year);
    const rows = await tx
      .insert(recharges)
      .values(
        toRecharge.map((d, i) => ({
          authorityId,
          orderId: null,
          fundingFormulaId: formula.id,
          schoolId: d.schoolId,
          costCentre: centreOf.get(d.schoolId) ?? "",
          amountPence: d.amountPence,
          journalReference: references[i],
          createdAt: now,
        })),
      )
      .returning();
    await auditAll(
      tx,
      rows.map((recharge) => issued("match_funding.recharge.post", "recharge", recharge, recharge.schoolId)),
    );
  }
}

/** A school's match funding of a financial year, as its finance page lists it: invoices (with credit notes) and recharge lines. */
export async function matchFundingOfSchool(
  db: Queryable,
  { authorityId, schoolId, financialYear }: { authorityId: string; schoolId: string; financialYear: string },
) {
  const ofYear = and(eq(fundingFormulas.authorityId, authorityId), eq(fundingFormulas.financialYear, financialYear));
  const invoiceRows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      issuedAt: invoices.issuedAt,
      grossPence: invoices.grossPence,
      status: invoices.status,
      version: fundingFormulas.version,
      creditedPence: sql<string>`coalesce((select sum(${creditNotes.grossPence}) from ${creditNotes} where ${creditNotes.invoiceId} = ${invoices.id}), 0)`,
      paidPence: sql<string>`coalesce((select sum(${payments.amountPence}) from ${payments} where ${payments.invoiceId} = ${invoices.id}), 0)`,
    })
    .from(invoices)
    .innerJoin(fundingFormulas, eq(fundingFormulas.id, invoices.fundingFormulaId))
    .where(and(ofYear, eq(invoices.schoolId, schoolId), eq(invoices.authorityId, authorityId)))
    .orderBy(fundingFormulas.version, invoices.number);
  const rechargeRows = await db
    .select({
      id: recharges.id,
      journalReference: recharges.journalReference,
      createdAt: recharges.createdAt,
      amountPence: recharges.amountPence,
      costCentre: recharges.costCentre,
      status: recharges.status,
      version: fundingFormulas.version,
    })
    .from(recharges)
    .innerJoin(fundingFormulas, eq(fundingFormulas.id, recharges.fundingFormulaId))
    .where(and(ofYear, eq(recharges.schoolId, schoolId), eq(recharges.authorityId, authorityId)))
    .orderBy(fundingFormulas.version, recharges.journalReference);
  return {
    invoices: invoiceRows.map(({ creditedPence, paidPence, ...r }) => ({
      ...r,
      balance: invoiceBalance({ grossPence: r.grossPence, creditedPence: Number(creditedPence), paidPence: Number(paidPence) }),
    })),
    recharges: rechargeRows,
  };
}

/** The match-funding invoice's words for its page: which year and version raised it. */
export async function matchFundingOfInvoice(db: Queryable, fundingFormulaId: string) {
  const [row] = await db
    .select({ financialYear: fundingFormulas.financialYear, version: fundingFormulas.version })
    .from(fundingFormulas)
    .where(eq(fundingFormulas.id, fundingFormulaId));
  return row ?? null;
}
