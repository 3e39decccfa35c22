import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "#db/client";
import { consortiumFundingPence, seedDemoLedger } from "#db/seed/ledger";
import { schema } from "~/db.server";
import { fundPot } from "~/domain/funding/allocate-funding.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { toCsv } from "~/csv.server";
import { accountStatement, statementCsvRows } from "~/domain/ledger/statement.server";
import { useTestDatabase } from "../factories/database";
import { addToConsortium, createConsortium, createLedgerWorld, nextKey, post } from "../factories/ledger";
import { createAuthority, createOrganisation, createSchool } from "../factories/tenancy";

/**
 * Posts entries of the past, written with their dates (postEntry always posts now):
 * each debits one account and credits another by the same amount.
 */
function postDatedFor(db: Database, authorityId: string) {
  return async (at: string, description: string, debit: { id: string }, credit: { id: string }, pence: number) => {
    const createdAt = new Date(at);
    const postings = [
      { accountId: debit.id, amountPence: pence },
      { accountId: credit.id, amountPence: -pence },
    ];
    await db.transaction(async (tx) => {
      const [entry] = await tx
        .insert(schema.journalEntries)
        .values({ authorityId, idempotencyKey: nextKey("dated"), description, causeType: "order", causeId: `order-${at}`, createdAt })
        .returning();
      await tx.insert(schema.ledgerPostings).values(postings.map((p) => ({ ...p, entryId: entry.id, authorityId, createdAt })));
      for (const p of postings) {
        await tx
          .update(schema.ledgerAccounts)
          .set({ balancePence: sql`${schema.ledgerAccounts.balancePence} + ${p.amountPence}` })
          .where(eq(schema.ledgerAccounts.id, p.accountId));
      }
    });
  };
}

describe("funding, statements and the demo ledger", () => {
  const db = useTestDatabase();

  it("funds a pot from the authority's funding once per key", async () => {
    const world = await createLedgerWorld(db());
    const key = nextKey("fund");
    const fund = () =>
      db().transaction((tx) =>
        fundPot(tx, {
          authorityId: world.authority.id,
          consortiumId: world.consortium.id,
          amountPence: 600_000,
          idempotencyKey: key,
          description: "Chair's time",
          actorUserId: null,
        }),
      );
    expect((await fund()).created).toBe(true);
    expect((await fund()).created).toBe(false);
    const statement = await accountStatement(db(), { authorityId: world.authority.id, accountId: world.accounts.pot.id });
    expect(statement.closingPence).toBe(600_000);
    const funding = await accountStatement(db(), { authorityId: world.authority.id, accountId: world.accounts.funding.id });
    expect(funding.closingPence).toBe(-600_000);
    await expect(
      db().transaction((tx) =>
        fundPot(tx, {
          authorityId: world.authority.id,
          consortiumId: world.school.id,
          amountPence: 1,
          idempotencyKey: nextKey(),
          description: "x",
          actorUserId: null,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows opening, running and closing balances for a period, signed as the account is read", async () => {
    const world = await createLedgerWorld(db());
    const { authority, accounts } = world;
    const postDated = postDatedFor(db(), authority.id);
    await postDated("2026-03-31T12:00:00Z", "Funding 2025-26", accounts.funding, accounts.pot, 2_420_000);
    await postDated("2026-04-01T08:00:00Z", "Phonics training: pot contribution", accounts.pot, accounts.provider, 360_000);
    await postDated("2026-04-20T10:30:00Z", "Share of traded income", accounts.income, accounts.pot, 3_751);
    await postDated("2026-05-02T09:00:00Z", "Data pack: pot contribution", accounts.pot, accounts.provider, 65_000);

    const april = await accountStatement(db(), {
      authorityId: authority.id,
      accountId: accounts.pot.id,
      from: new Date("2026-04-01T00:00:00+01:00"),
      to: new Date("2026-05-01T00:00:00+01:00"),
    });
    expect(april.account).toMatchObject({ id: accounts.pot.id, kind: "consortium_pot", ownerName: world.consortium.name });
    expect(april.openingPence).toBe(2_420_000);
    expect(april.lines.map((l) => [l.description, l.amountPence, l.runningPence])).toEqual([
      ["Phonics training: pot contribution", -360_000, 2_060_000],
      ["Share of traded income", 3_751, 2_063_751],
    ]);
    expect(april.lines[0]).toMatchObject({ causeType: "order", causeId: "order-2026-04-01T08:00:00Z" });
    expect(april.closingPence).toBe(2_063_751);

    const all = await accountStatement(db(), { authorityId: authority.id, accountId: accounts.pot.id });
    expect(all.openingPence).toBe(0);
    expect(all.lines).toHaveLength(4);
    expect(all.closingPence).toBe(1_998_751);
    const provider = await accountStatement(db(), { authorityId: authority.id, accountId: accounts.provider.id });
    expect(provider.closingPence).toBe(425_000);

    // Another authority's account, or an id that is not one, is not found.
    const other = await createLedgerWorld(db());
    await expect(accountStatement(db(), { authorityId: authority.id, accountId: other.accounts.pot.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(accountStatement(db(), { authorityId: authority.id, accountId: "1 or 1=1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("writes a statement as RFC 4180 CSV in pounds, defusing formulas", async () => {
    const { authority, accounts } = await createLedgerWorld(db());
    const postDated = postDatedFor(db(), authority.id);
    await postDated("2026-01-05T09:00:00Z", '=HYPERLINK("http://evil.example","click"), the "best" course', accounts.funding, accounts.pot, 123_456);
    await postDated("2026-01-06T09:00:00Z", "-2+3 @once\nsecond line", accounts.pot, accounts.provider, 1_005);
    const csv = toCsv(statementCsvRows(await accountStatement(db(), { authorityId: authority.id, accountId: accounts.pot.id })));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Date,Description,Cause,Reference,Amount (GBP),Balance (GBP)");
    expect(lines[1]).toBe(",Opening balance,,,,0.00");
    expect(lines[2]).toBe(`05/01/2026,"'=HYPERLINK(""http://evil.example"",""click""), the ""best"" course",order,order-2026-01-05T09:00:00Z,1234.56,1234.56`);
    expect(csv).toContain(`06/01/2026,"'-2+3 @once\nsecond line",order,order-2026-01-06T09:00:00Z,-10.05,1224.51`);
    expect(csv.endsWith(",Closing balance,,,,1224.51\r\n")).toBe(true);
  });

  it("seeds the demo pots with the Warwickshire amounts by current size, once", async () => {
    const authority = await createAuthority(db());
    await createOrganisation(db(), authority.id, "authority_office");
    const small = await createConsortium(db(), authority.id);
    const large = await createConsortium(db(), authority.id);
    for (let i = 0; i < 15; i++) {
      const { organisation } = await createSchool(db(), authority.id);
      await addToConsortium(db(), { authorityId: authority.id, consortiumId: large.id, schoolId: organisation.id });
    }
    for (let i = 0; i < 15; i++) {
      const { organisation } = await createSchool(db(), authority.id);
      await addToConsortium(db(), { authorityId: authority.id, consortiumId: small.id, schoolId: organisation.id });
      // One school has left: fourteen current members.
      if (i === 0)
        await db().update(schema.consortiumMemberships).set({ leftOn: "2025-12-31" }).where(eq(schema.consortiumMemberships.schoolId, organisation.id));
    }
    await seedDemoLedger(db(), authority.id);
    await seedDemoLedger(db(), authority.id);

    const pot = async (consortiumId: string) => {
      const { id } = await ensureAccount(db(), { authorityId: authority.id, kind: "consortium_pot", ownerId: consortiumId });
      return accountStatement(db(), { authorityId: authority.id, accountId: id });
    };
    expect((await pot(large.id)).closingPence).toBe(2_820_000);
    expect((await pot(small.id)).closingPence).toBe(2_420_000);
    expect((await pot(small.id)).lines).toHaveLength(1);
    expect(consortiumFundingPence(14)).toBe(2_420_000);
    expect(consortiumFundingPence(15)).toBe(2_820_000);
    const [rules] = await db().select({ n: count() }).from(schema.incomeSplitRules).where(eq(schema.incomeSplitRules.authorityId, authority.id));
    expect(rules.n).toBe(2);
    const [entries] = await db()
      .select({ n: count() })
      .from(schema.journalEntries)
      .where(and(eq(schema.journalEntries.authorityId, authority.id), eq(schema.journalEntries.causeType, "funding")));
    expect(entries.n).toBe(2);
    expect(await trialBalance(db(), authority.id)).toBe(0);
    expect(await checkLedger(db(), authority.id)).toEqual([]);
  });

  it("posts real entries whose statement lines match what was posted", async () => {
    const world = await createLedgerWorld(db());
    await post(db(), world.authority.id, [
      { accountId: world.accounts.school.id, amountPence: 90_000 },
      { accountId: world.accounts.provider.id, amountPence: -81_000 },
      { accountId: world.accounts.income.id, amountPence: -4_500 },
      { accountId: world.accounts.pot.id, amountPence: -4_500 },
    ]);
    await post(db(), world.authority.id, [
      { accountId: world.accounts.bank.id, amountPence: 90_000 },
      { accountId: world.accounts.school.id, amountPence: -90_000 },
    ]);
    const school = await accountStatement(db(), { authorityId: world.authority.id, accountId: world.accounts.school.id });
    expect(school.lines.map((l) => [l.amountPence, l.runningPence])).toEqual([
      [90_000, 90_000],
      [-90_000, 0],
    ]);
    expect(school.closingPence).toBe(0);
  });
});
