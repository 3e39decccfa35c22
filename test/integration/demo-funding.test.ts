import { and, eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fundingStep, recordsStep, seedDemo, type DemoCounty } from "#db/seed/index";
import { schema } from "~/db.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import type { Allocation } from "~/domain/funding/rules";
import { useTestDatabase } from "../factories/database";
import { idsOf } from "~/domain/ids";

const TODAY = new Date("2026-11-16T09:00:00Z");

describe("the demo county's funding", () => {
  const db = useTestDatabase();
  let county: DemoCounty;

  beforeAll(async () => {
    // The county, its records (categories) and its funding: the steps funding needs.
    await seedDemo(db(), {
      password: "a-demo-password-for-tests",
      today: TODAY,
      steps: [
        recordsStep,
        fundingStep,
        async (_tx, c) => {
          county = c;
        },
      ],
    });
  }, 180_000);

  const formulaOf = async (authorityId: string, year = "2026-27") => {
    const rows = await db()
      .select()
      .from(schema.fundingFormulas)
      .where(and(eq(schema.fundingFormulas.authorityId, authorityId), eq(schema.fundingFormulas.financialYear, year)));
    expect(rows).toHaveLength(1);
    return { ...rows[0], allocation: rows[0].allocation as unknown as Allocation };
  };

  it("applies the 2025-26 formula in April 2025 and the 2026-27 one in both authorities, every pot holding both years' allocations to the penny", async () => {
    for (const authority of county.authorities) {
      const last = await formulaOf(authority.authorityId, "2025-26");
      const formula = await formulaOf(authority.authorityId);
      expect(formula).toMatchObject({ financialYear: "2026-27", version: 1 });
      expect(formula.appliedAt).not.toBeNull();
      expect(last.appliedAt?.toISOString()).toBe("2025-04-01T09:00:00.000Z");
      for (const c of formula.allocation.consortia) {
        const [pot] = await db()
          .select({ balance: schema.ledgerAccounts.balancePence })
          .from(schema.ledgerAccounts)
          .where(and(eq(schema.ledgerAccounts.kind, "consortium_pot"), eq(schema.ledgerAccounts.ownerId, c.consortiumId)));
        const lastYear = last.allocation.consortia.find((x) => x.consortiumId === c.consortiumId)?.totalPence ?? 0;
        expect(-(pot?.balance ?? 0)).toBe(c.totalPence + lastYear);
      }
      // Last year's entries are dated when the formula was applied.
      const dated = await db()
        .select({ at: schema.journalEntries.createdAt })
        .from(schema.journalEntries)
        .where(and(eq(schema.journalEntries.authorityId, authority.authorityId), like(schema.journalEntries.idempotencyKey, `funding:${last.id}:%`)));
      expect(dated.length).toBeGreaterThan(0);
      expect(dated.every((e) => e.at.toISOString() === "2025-04-01T09:00:00.000Z")).toBe(true);
      expect(formula.allocation.matchPence).toBeGreaterThan(0);
      expect(await trialBalance(db(), authority.authorityId)).toBe(0);
      expect(await checkLedger(db(), authority.authorityId)).toEqual([]);
    }
  });

  it("funds Arden as Warwickshire did: chair and consortium by size, more for schools in categories 3A to 4", async () => {
    const { allocation } = await formulaOf(county.authorityId);
    for (const c of allocation.consortia.filter((x) => x.schools > 0)) {
      const bands = c.parts.reduce((sum, p) => sum + p.amountPence, 0);
      expect(bands).toBe(c.schools >= 15 ? 1_200_000 + 2_820_000 : 600_000 + 2_420_000);
    }
    const differentiated = allocation.schools.filter((s) => ["3A", "3B", "3C", "3D", "4"].includes(s.category ?? ""));
    expect(differentiated.length).toBeGreaterThan(0);
    expect(differentiated.every((s) => s.authorityPence > 0)).toBe(true);
    expect(allocation.schools.filter((s) => ["1", "2A", "2B"].includes(s.category ?? "")).every((s) => s.authorityPence === 0)).toBe(true);
  });

  it("shares Glan Teifi's council sum per pupil to the penny", async () => {
    const { allocation } = await formulaOf(county.wales.authorityId);
    const shared = allocation.schools.flatMap((s) => s.parts).filter((p) => p.working.kind === "per_pupil_total");
    expect(shared.reduce((sum, p) => sum + p.amountPence, 0)).toBe(25_000_000);
  });

  it("publishes each consortium's memorandum, signed by most heads but not yet by the named demo heads", async () => {
    for (const authority of county.authorities) {
      const mous = await db()
        .select()
        .from(schema.mous)
        .where(and(eq(schema.mous.authorityId, authority.authorityId), eq(schema.mous.financialYear, "2026-27")));
      expect(mous).toHaveLength(authority.consortia.length);
      // Glan Teifi publishes its memoranda in Welsh as well as English; Arden in English only.
      for (const m of mous) {
        if (authority.nation === "wales") expect(m.bodyCy).toContain(`Mae'r memorandwm hwn rhwng y cyngor ac ysgolion`);
        else expect([m.titleCy, m.bodyCy]).toEqual(["", ""]);
      }
      const signatures = await db()
        .select()
        .from(schema.mouSignatures)
        .where(and(eq(schema.mouSignatures.authorityId, authority.authorityId), inArray(schema.mouSignatures.mouId, idsOf(mous))));
      const schools = authority.consortia.reduce((n, c) => n + c.schoolIds.length, 0);
      expect(signatures.length / schools).toBeGreaterThan(0.7);
      expect(signatures.length).toBeLessThan(schools);
      const head = authority.userIds[authority.nation === "england" ? "head@arden.demo" : "head@glanteifi.demo"];
      expect(signatures.some((s) => s.signedBy === head)).toBe(false);
      // Only signed schools pay match funding.
      const { allocation } = await formulaOf(authority.authorityId);
      expect(allocation.schools.filter((s) => s.matchPence > 0).every((s) => s.signedMou)).toBe(true);
    }
  });

  it("raises each signed school's match funding as one invoice or recharge line a year, the named business manager's school invoiced last year", async () => {
    for (const authority of county.authorities) {
      for (const year of ["2025-26", "2026-27"]) {
        const formula = await formulaOf(authority.authorityId, year);
        const invoices = await db().select().from(schema.invoices).where(eq(schema.invoices.fundingFormulaId, formula.id));
        const recharges = await db().select().from(schema.recharges).where(eq(schema.recharges.fundingFormulaId, formula.id));
        const raised = new Map([...invoices.map((i) => [i.schoolId, i.grossPence] as const), ...recharges.map((r) => [r.schoolId, r.amountPence] as const)]);
        const paying = formula.allocation.schools.filter((s) => s.matchPence > 0);
        expect(invoices.length + recharges.length).toBe(paying.length);
        for (const s of paying) expect(raised.get(s.schoolId)).toBe(s.matchPence);
        expect(recharges.length).toBeGreaterThan(0);
        if (authority.nation === "england") expect(invoices.length).toBeGreaterThan(0);
      }
    }
    const sbmSchool = county.consortia[0].schoolIds[2];
    const mine = await db()
      .select({ year: schema.fundingFormulas.financialYear })
      .from(schema.invoices)
      .innerJoin(schema.fundingFormulas, eq(schema.fundingFormulas.id, schema.invoices.fundingFormulaId))
      .where(eq(schema.invoices.schoolId, sbmSchool));
    expect(mine.map((m) => m.year)).toEqual(["2025-26"]);
  });
});
