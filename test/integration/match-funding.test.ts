import type { LoaderFunctionArgs } from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { and, eq, inArray, isNotNull, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { applyFormula } from "~/domain/funding/apply-formula.server";
import { changeFormulaParts } from "~/domain/funding/change-formula-parts.server";
import { createFormula } from "~/domain/funding/create-formula.server";
import { formulaPage } from "~/domain/funding/formula-page.server";
import { reviseFormula } from "~/domain/funding/revise-formula.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { publishMou } from "~/domain/mou/publish-mou.server";
import { recordPayment } from "~/domain/purchasing/record-payment.server";
import { loader as invoiceLoader } from "~/routes/invoices.$invoiceId";
import { loader as rechargesCsv } from "~/routes/finance.recharges[.]csv";
import { loader as schoolFinance } from "~/routes/school.finance";
import { loader as schoolFinanceCsv } from "~/routes/school.finance[.]csv";
import { addToConsortium, createConsortium } from "../factories/ledger";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { useTestDatabase } from "../factories/database";
import { idsOf } from "~/domain/ids";

const YEAR = "2026-27";
const RATE = 500;

describe("schools' match funding raised as invoices, recharge lines and credit notes", () => {
  const db = useTestDatabase();
  let authorityId: string;
  let admin: Actor;
  let finance: Actor;
  const schoolIds: Record<"academy" | "recharged" | "noCentre" | "onInvoice" | "unsigned", string> = {
    academy: "",
    recharged: "",
    noCentre: "",
    onInvoice: "",
    unsigned: "",
  };
  const pupils = { academy: 300, recharged: 211, noCentre: 120, onInvoice: 150, unsigned: 400 };
  const cookies: Record<string, string> = {};
  const versions: string[] = [];

  const get = (loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, cookie: string, params: Record<string, string> = {}) =>
    respond(() => loader({ request: request(path, { cookie }), context: appContext(db()), params }));
  /** Picks the rows of the table that the authority's funding formulas raised. */
  const raisedByFormulas = (table: typeof schema.invoices | typeof schema.recharges) =>
    and(eq(table.authorityId, authorityId), isNotNull(table.fundingFormulaId));
  const matchInvoices = () => db().select().from(schema.invoices).where(raisedByFormulas(schema.invoices)).orderBy(schema.invoices.number);
  const matchRecharges = () => db().select().from(schema.recharges).where(raisedByFormulas(schema.recharges)).orderBy(schema.recharges.journalReference);
  const credits = () => db().select().from(schema.creditNotes).where(eq(schema.creditNotes.authorityId, authorityId)).orderBy(schema.creditNotes.number);
  const balanceOf = async (kind: "school_receivable" | "recharge_clearing", ownerId?: string) => {
    const rows = await db()
      .select({ balance: schema.ledgerAccounts.balancePence })
      .from(schema.ledgerAccounts)
      .where(
        and(
          eq(schema.ledgerAccounts.authorityId, authorityId),
          eq(schema.ledgerAccounts.kind, kind),
          ownerId ? eq(schema.ledgerAccounts.ownerId, ownerId) : undefined,
        ),
      );
    return rows.reduce((sum, r) => sum + r.balance, 0);
  };
  const expectBalanced = async () => {
    expect(await trialBalance(db(), authorityId)).toBe(0);
    expect(await checkLedger(db(), authorityId)).toEqual([]);
  };
  /** A new version of the year with the match at `rate` pence per pupil, applied. */
  const reviseTo = async (rate: number) => {
    const revised = await reviseFormula(db(), { actor: admin, authorityId, formulaId: versions.at(-1)! });
    await changeFormulaParts(db(), { actor: admin, authorityId, formulaId: revised.id, change: { remove: 0 } });
    await changeFormulaParts(db(), {
      actor: admin,
      authorityId,
      formulaId: revised.id,
      change: { add: { kind: "match", label: "Match", ratePence: rate } },
    });
    versions.push(revised.id);
    const preview = await formulaPage(db(), { actor: admin, authorityId, formulaId: revised.id });
    await applyFormula(db(), { actor: admin, authorityId, formulaId: revised.id });
    return preview;
  };

  beforeAll(async () => {
    const authority = await createAuthority(db());
    authorityId = authority.id;
    const office = await createOrganisation(db(), authorityId, "authority_office");
    const consortium = await createConsortium(db(), authorityId);
    const make = async (key: keyof typeof schoolIds, overrides: Partial<typeof schema.schools.$inferInsert>) => {
      const { organisation } = await createSchool(db(), authorityId, { numberOnRoll: pupils[key], ...overrides });
      await addToConsortium(db(), { authorityId, consortiumId: consortium.id, schoolId: organisation.id });
      schoolIds[key] = organisation.id;
    };
    await make("academy", { establishmentType: "academy", laMaintained: false });
    await make("recharged", { costCentre: "CC9" });
    await make("noCentre", { costCentre: null });
    await make("onInvoice", { costCentre: "CC7", matchFundingByInvoice: true });
    await make("unsigned", { establishmentType: "academy", laMaintained: false });
    const adminUser = await createMember(db(), office, "la_admin");
    const financeUser = await createMember(db(), office, "la_finance");
    admin = { id: adminUser.id, grants: [{ organisationId: office.id, authorityId, role: "la_admin" }] };
    finance = { id: financeUser.id, grants: [{ organisationId: office.id, authorityId, role: "la_finance" }] };
    const sbm = await createMember(db(), { id: schoolIds.academy, authorityId }, "school_business_manager");
    const otherSbm = await createMember(db(), { id: schoolIds.unsigned, authorityId }, "school_business_manager");
    cookies.sbm = await sessionCookieFor(db(), sbm.id, schoolIds.academy);
    cookies.otherSbm = await sessionCookieFor(db(), otherSbm.id, schoolIds.unsigned);
    cookies.finance = await sessionCookieFor(db(), financeUser.id, office.id);

    const mou = await publishMou(db(), { actor: admin, authorityId, consortiumId: consortium.id, financialYear: YEAR, title: "MOU", body: "We match fund." });
    const signed = [schoolIds.academy, schoolIds.recharged, schoolIds.noCentre, schoolIds.onInvoice];
    await db()
      .insert(schema.mouSignatures)
      .values(signed.map((schoolId) => ({ authorityId, mouId: mou.id, schoolId, signedBy: adminUser.id, signerName: "Head", signedOn: "2026-04-01" })));
    const formula = await createFormula(db(), { actor: admin, authorityId, financialYear: YEAR, parts: [{ kind: "match", label: "Match", ratePence: RATE }] });
    versions.push(formula.id);
  });

  it("previews per school what applying raises and how, then raises one document per signed school with the right pence, and none for the unsigned", async () => {
    const preview = await formulaPage(db(), { actor: admin, authorityId, formulaId: versions[0] });
    const how = new Map(preview.toRaise!.map((r) => [r.schoolId, [r.how, r.amountPence]]));
    expect(Object.fromEntries(Object.entries(schoolIds).map(([k, id]) => [k, how.get(id) ?? null]))).toEqual({
      academy: ["invoice", 300 * RATE],
      recharged: ["recharge", 211 * RATE],
      noCentre: ["invoice", 120 * RATE],
      onInvoice: ["invoice", 150 * RATE],
      unsigned: null,
    });
    expect(await matchInvoices()).toEqual([]);

    await applyFormula(db(), { actor: admin, authorityId, formulaId: versions[0] });
    const invoices = await matchInvoices();
    expect(invoices.map((i) => [i.schoolId, i.grossPence, i.netPence, i.vatPence, i.orderId, i.fundingFormulaId, i.status]).sort()).toEqual(
      [
        [schoolIds.academy, 150_000, 150_000, 0, null, versions[0], "issued"],
        [schoolIds.noCentre, 60_000, 60_000, 0, null, versions[0], "issued"],
        [schoolIds.onInvoice, 75_000, 75_000, 0, null, versions[0], "issued"],
      ].sort(),
    );
    const lines = await db()
      .select()
      .from(schema.invoiceLines)
      .where(inArray(schema.invoiceLines.invoiceId, idsOf(invoices)));
    expect(lines.map((l) => [l.description, l.netPence, l.vatTreatment]).sort()).toEqual(
      invoices.map((i) => [`Match funding for ${YEAR} (formula version 1)`, i.netPence, "outside_scope"]).sort(),
    );
    const recharges = await matchRecharges();
    expect(recharges.map((r) => [r.schoolId, r.amountPence, r.costCentre, r.orderId])).toEqual([[schoolIds.recharged, 105_500, "CC9", null]]);
    expect(recharges[0].journalReference).toMatch(/-RC-\d{4}-\d{6}$/);
    // The ledger agrees with the documents: the invoiced schools owe their invoices, the recharge clears the rest.
    expect(await balanceOf("school_receivable", schoolIds.academy)).toBe(150_000);
    expect(await balanceOf("school_receivable", schoolIds.unsigned)).toBe(0);
    expect(await balanceOf("recharge_clearing")).toBe(105_500);
    const audits = await db()
      .select({ action: schema.auditLog.action, organisationId: schema.auditLog.organisationId })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.authorityId, authorityId), like(schema.auditLog.action, "match_funding.%")));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "match_funding.invoice.issue",
      "match_funding.invoice.issue",
      "match_funding.invoice.issue",
      "match_funding.recharge.post",
    ]);
    await expectBalanced();
  });

  it("raises nothing more when the same version is applied again", async () => {
    const again = await applyFormula(db(), { actor: admin, authorityId, formulaId: versions[0] });
    expect(again.replay).toBe(true);
    expect(await matchInvoices()).toHaveLength(3);
    expect(await matchRecharges()).toHaveLength(1);
  });

  it("shows the school its invoice on its finance page and the invoice's own page, and finance the recharge in the journal", async () => {
    const page = (await get(schoolFinance, `/school/finance?year=${YEAR}`, cookies.sbm)) as {
      data: { matchFunding: { invoices: { number: string; grossPence: number }[]; recharges: unknown[] } };
    };
    expect(page.data.matchFunding.invoices.map((i) => i.grossPence)).toEqual([150_000]);
    expect(page.data.matchFunding.recharges).toEqual([]);
    const unsigned = (await get(schoolFinance, `/school/finance?year=${YEAR}`, cookies.otherSbm)) as { data: { matchFunding: { invoices: unknown[] } } };
    expect(unsigned.data.matchFunding.invoices).toEqual([]);

    const [invoice] = (await matchInvoices()).filter((i) => i.schoolId === schoolIds.academy);
    const view = (await get(invoiceLoader, `/invoices/${invoice.id}`, cookies.sbm, { invoiceId: invoice.id })) as {
      data: { invoice: { funding: { financialYear: string; version: number } | null; providerName: string | null } };
    };
    expect(view.data.invoice.funding).toEqual({ financialYear: YEAR, version: 1 });
    expect(view.data.invoice.providerName).toBeNull();
    expect(((await get(invoiceLoader, `/invoices/${invoice.id}`, cookies.otherSbm, { invoiceId: invoice.id })) as Response).status).toBe(403);

    const csv = (await get(rechargesCsv, "/finance/recharges.csv", cookies.finance)) as Response;
    const text = await csv.text();
    const [recharge] = await matchRecharges();
    expect(text).toContain(recharge.journalReference);
    expect(text).toContain(`Match funding for ${YEAR} (formula version 1)`);
    expect(text).toContain(",CC9,");
  });

  it("lists the school's match-funding invoice or recharge line in its finance CSV, saying what each line is", async () => {
    const rowsOf = async (path: string, cookie: string) => parse(await ((await get(schoolFinanceCsv, path, cookie)) as Response).text()) as string[][];
    const [invoice] = (await matchInvoices()).filter((i) => i.schoolId === schoolIds.academy);
    const academy = await rowsOf(`/school/finance.csv?year=${YEAR}`, cookies.sbm);
    expect(academy[0].slice(-2)).toEqual(["Line", "Reference"]);
    expect(academy.slice(1).map((r) => [r[2], r[9], r[10], r[11], r[12], r[13]])).toEqual([
      [`Match funding for ${YEAR} (formula version 1)`, "1500.00", "Invoice", "Issued", "Match funding invoice", invoice.number],
    ]);
    const [recharge] = await matchRecharges();
    const recharged = await rowsOf(`/school/finance.csv?year=${YEAR}&school=${schoolIds.recharged}`, cookies.finance);
    expect(recharged.slice(1).map((r) => [r[9], r[10], r[11], r[12], r[13]])).toEqual([
      ["1055.00", "Internal recharge", "Posted", "Match funding recharge", recharge.journalReference],
    ]);
    // Each row has as many cells as the header.
    expect([...academy, ...recharged].every((r) => r.length === academy[0].length)).toBe(true);
  });

  it("a paid match-funding invoice clears the school's account and splits nothing", async () => {
    const [invoice] = (await matchInvoices()).filter((i) => i.schoolId === schoolIds.noCentre);
    await recordPayment(db(), {
      actor: finance,
      authorityId,
      invoiceId: invoice.id,
      amountPence: 60_000,
      bankReference: "BACS 1",
      receivedOn: "2026-05-01",
      idempotencyKey: `pay:${invoice.id}`,
    });
    const [after] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, invoice.id));
    expect(after.status).toBe("paid");
    expect(await balanceOf("school_receivable", schoolIds.noCentre)).toBe(0);
    await expectBalanced();
  });

  it("a revised version raises only the difference: extra invoices and a recharge line when more, credit notes and a negative recharge line when less", async () => {
    const up = await reviseTo(600);
    expect(up.toRaise!.map((r) => [r.how, r.amountPence]).sort()).toEqual(
      [
        ["invoice", 300 * 100],
        ["invoice", 120 * 100],
        ["invoice", 150 * 100],
        ["recharge", 211 * 100],
      ].sort(),
    );
    const invoices = await matchInvoices();
    expect(invoices).toHaveLength(6);
    expect(
      invoices
        .filter((i) => i.fundingFormulaId === versions[1])
        .map((i) => i.grossPence)
        .sort(),
    ).toEqual([12_000, 15_000, 30_000]);
    expect((await matchRecharges()).map((r) => r.amountPence)).toEqual([105_500, 21_100]);
    expect(await balanceOf("school_receivable", schoolIds.academy)).toBe(180_000);
    await expectBalanced();

    // Down to £4 a pupil: £2 a pupil less than the year's £6, given back by credit notes, newest invoice first.
    const down = await reviseTo(400);
    const academyRow = down.toRaise!.find((r) => r.schoolId === schoolIds.academy)!;
    expect([academyRow.how, academyRow.amountPence, academyRow.credits.length]).toEqual(["credit_note", -60_000, 2]);
    expect((await matchInvoices()).length).toBe(6);
    const notes = await credits();
    const academyInvoices = (await matchInvoices()).filter((i) => i.schoolId === schoolIds.academy);
    const v1 = academyInvoices.find((i) => i.fundingFormulaId === versions[0])!;
    const v2 = academyInvoices.find((i) => i.fundingFormulaId === versions[1])!;
    const creditedOn = (invoiceId: string) => notes.filter((n) => n.invoiceId === invoiceId).map((n) => n.grossPence);
    expect(creditedOn(v2.id)).toEqual([30_000]);
    expect(creditedOn(v1.id)).toEqual([30_000]);
    expect(v2.status).toBe("credited");
    expect(v1.status).toBe("issued");
    expect(notes.every((n) => n.fundingFormulaId === versions[2] && n.vatPence === 0)).toBe(true);
    expect(await balanceOf("school_receivable", schoolIds.academy)).toBe(300 * 400);
    // The school that paid version 1 in full: version 2's invoice is credited, and it is owed back the rest.
    expect(await balanceOf("school_receivable", schoolIds.noCentre)).toBe(-120 * 100);
    expect((await matchRecharges()).map((r) => r.amountPence)).toEqual([105_500, 21_100, -42_200]);
    expect(await balanceOf("recharge_clearing")).toBe(211 * 400);
    await expectBalanced();

    // Each school's documents of the year add up to its match at the latest rate.
    for (const key of ["academy", "noCentre", "onInvoice"] as const) {
      const mine = (await matchInvoices()).filter((i) => i.schoolId === schoolIds[key]);
      const raised =
        mine.reduce((s, i) => s + i.grossPence, 0) - notes.filter((n) => mine.some((i) => i.id === n.invoiceId)).reduce((s, n) => s + n.grossPence, 0);
      expect(raised).toBe(pupils[key] * 400);
    }
  });
});
