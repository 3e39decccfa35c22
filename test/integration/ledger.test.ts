import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { formatPence } from "~/format";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { accountBalance, checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { postEntry, debitCredit } from "~/domain/ledger/post-entry.server";
import { reverseEntry } from "~/domain/ledger/reverse-entry.server";
import { createDefaultSplitRules, incomeSplitRuleFor } from "~/domain/ledger/split-rules.server";
import { useTestDatabase } from "../factories/database";
import { createLedgerWorld, nextKey, post } from "../factories/ledger";
import { createOrganisation } from "../factories/tenancy";

const { journalEntries, ledgerAccounts, ledgerPostings, auditLog } = schema;

/** The database refused: drizzle wraps the driver's error, whose message is the cause's. */
async function refused(promise: Promise<unknown>, reason?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: Error & { cause?: Error }) => e,
  );
  expect(error, "the database should have refused").not.toBeNull();
  if (reason) expect(`${error!.message} ${error!.cause?.message ?? ""}`).toMatch(reason);
}

describe("the ledger", () => {
  const db = useTestDatabase();
  let world: Awaited<ReturnType<typeof createLedgerWorld>>;
  const stored = async (id: string) => (await db().select({ b: ledgerAccounts.balancePence }).from(ledgerAccounts).where(eq(ledgerAccounts.id, id)))[0].b;
  const entryCount = async () => (await db().select({ n: count() }).from(journalEntries))[0].n;
  const postingCount = async () => (await db().select({ n: count() }).from(ledgerPostings))[0].n;

  beforeAll(async () => {
    world = await createLedgerWorld(db());
  });

  it("posts a balanced entry, moves the stored balances and writes an audit row", async () => {
    const { accounts, authority } = world;
    const key = nextKey("fund");
    const result = await post(db(), authority.id, debitCredit(accounts.funding.id, accounts.pot.id, 2_420_000), key);
    expect(result.created).toBe(true);
    expect(await stored(accounts.funding.id)).toBe(2_420_000);
    expect(await stored(accounts.pot.id)).toBe(-2_420_000);
    expect(await accountBalance(db(), accounts.pot.id)).toBe(-2_420_000);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "journal_entry"), eq(auditLog.entityId, result.entryId)));
    expect(audits).toHaveLength(1);
    expect(audits[0].action).toBe("ledger.entry.post");
    expect(await trialBalance(db(), authority.id)).toBe(0);
    expect(await checkLedger(db())).toEqual([]);
  });

  it("replays an idempotency key without posting anything", async () => {
    const { accounts, authority } = world;
    const key = nextKey("replay");
    const postings = debitCredit(accounts.school.id, accounts.provider.id, 75_000);
    const first = await post(db(), authority.id, postings, key);
    const [entries, lines, school] = [await entryCount(), await postingCount(), await stored(accounts.school.id)];
    const again = await post(db(), authority.id, postings, key);
    expect(again).toEqual({ entryId: first.entryId, created: false });
    expect(await entryCount()).toBe(entries);
    expect(await postingCount()).toBe(lines);
    expect(await stored(accounts.school.id)).toBe(school);
  });

  it("refuses an unbalanced entry in code, writing nothing", async () => {
    const { accounts, authority } = world;
    const before = await entryCount();
    await expect(
      post(db(), authority.id, [
        { accountId: accounts.school.id, amountPence: 100 },
        { accountId: accounts.provider.id, amountPence: -99 },
      ]),
    ).rejects.toMatchObject({ code: "UNBALANCED" });
    await expect(
      post(db(), authority.id, [
        { accountId: accounts.school.id, amountPence: 0 },
        { accountId: accounts.provider.id, amountPence: 0 },
      ]),
    ).rejects.toMatchObject({ code: "UNBALANCED" });
    await expect(post(db(), authority.id, debitCredit(accounts.school.id, accounts.provider.id, 1.5))).rejects.toMatchObject({ code: "UNBALANCED" });
    expect(await entryCount()).toBe(before);
  });

  it("refuses at commit an unbalanced entry written straight to the database", async () => {
    const { accounts, authority } = world;
    const before = [await entryCount(), await postingCount()];
    await refused(
      db().transaction(async (tx) => {
        const [entry] = await tx
          .insert(journalEntries)
          .values({ authorityId: authority.id, idempotencyKey: nextKey("raw"), description: "raw", causeType: "test", causeId: "raw" })
          .returning();
        await tx.insert(ledgerPostings).values([
          { entryId: entry.id, accountId: accounts.school.id, authorityId: authority.id, amountPence: 500 },
          { entryId: entry.id, accountId: accounts.provider.id, authorityId: authority.id, amountPence: -400 },
        ]);
      }),
      /does not balance/,
    );
    // An entry with no postings at all cannot commit either.
    await refused(
      db().transaction(async (tx) => {
        await tx
          .insert(journalEntries)
          .values({ authorityId: authority.id, idempotencyKey: nextKey("raw"), description: "raw", causeType: "test", causeId: "raw" });
      }),
      /does not balance/,
    );
    // Nor can balanced postings added later to an entry already committed, one side at a time.
    const { entryId } = await post(db(), authority.id, debitCredit(accounts.school.id, accounts.provider.id, 1));
    await refused(
      db().insert(ledgerPostings).values({ entryId, accountId: accounts.school.id, authorityId: authority.id, amountPence: 1 }),
      /does not balance/,
    );
    await refused(
      db()
        .insert(ledgerPostings)
        .values([
          { entryId, accountId: accounts.school.id, authorityId: authority.id, amountPence: 0 },
          { entryId, accountId: accounts.provider.id, authorityId: authority.id, amountPence: 0 },
        ]),
      /amount_check/,
    );
    expect([await entryCount(), await postingCount()]).toEqual([before[0] + 1, before[1] + 2]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of entries and postings", async () => {
    const { accounts, authority } = world;
    const { entryId } = await post(db(), authority.id, debitCredit(accounts.school.id, accounts.provider.id, 10));
    await refused(db().update(journalEntries).set({ description: "changed" }).where(eq(journalEntries.id, entryId)), /append-only/);
    await refused(db().delete(journalEntries).where(eq(journalEntries.id, entryId)), /append-only/);
    await refused(db().update(ledgerPostings).set({ amountPence: 11 }).where(eq(ledgerPostings.entryId, entryId)), /append-only/);
    await refused(db().delete(ledgerPostings).where(eq(ledgerPostings.entryId, entryId)), /append-only/);
    await refused(db().execute(sql`truncate ledger_postings cascade`), /append-only/);
    await refused(db().execute(sql`truncate journal_entries cascade`), /append-only/);
    expect(await accountBalance(db(), accounts.school.id)).toBe(await stored(accounts.school.id));
  });

  it("reverses an entry exactly, once", async () => {
    const { accounts, authority } = world;
    const [school, provider] = [await stored(accounts.school.id), await stored(accounts.provider.id)];
    const original = await post(db(), authority.id, [
      { accountId: accounts.school.id, amountPence: 12_345 },
      { accountId: accounts.provider.id, amountPence: -11_111 },
      { accountId: accounts.income.id, amountPence: -1_234 },
    ]);
    const key = nextKey("reverse");
    const reverse = (idempotencyKey: string) =>
      db().transaction((tx) =>
        reverseEntry(tx, { entryId: original.entryId, authorityId: authority.id, idempotencyKey, description: "Order cancelled", actorUserId: null }),
      );
    const reversal = await reverse(key);
    expect(reversal.created).toBe(true);
    expect([await stored(accounts.school.id), await stored(accounts.provider.id)]).toEqual([school, provider]);
    const [row] = await db().select().from(journalEntries).where(eq(journalEntries.id, reversal.entryId));
    expect(row.reversesEntryId).toBe(original.entryId);
    const negated = await db()
      .select({ a: ledgerPostings.accountId, p: ledgerPostings.amountPence })
      .from(ledgerPostings)
      .where(eq(ledgerPostings.entryId, reversal.entryId))
      .orderBy(ledgerPostings.id);
    expect(negated).toEqual([
      { a: accounts.school.id, p: -12_345 },
      { a: accounts.provider.id, p: 11_111 },
      { a: accounts.income.id, p: 1_234 },
    ]);

    const entries = await entryCount();
    expect(await reverse(key)).toEqual({ entryId: reversal.entryId, created: false });
    await expect(reverse(nextKey("reverse"))).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(
      db().transaction((tx) =>
        reverseEntry(tx, { entryId: reversal.entryId, authorityId: authority.id, idempotencyKey: nextKey(), description: "x", actorUserId: null }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await entryCount()).toBe(entries);
    expect(await checkLedger(db())).toEqual([]);
  });

  it("never lets a guarded pot go below zero, in code or in the database", async () => {
    const { accounts, authority } = world;
    const available = -(await stored(accounts.pot.id));
    expect(available).toBeGreaterThan(0);
    const entries = await entryCount();
    await expect(
      post(db(), authority.id, [
        { accountId: accounts.pot.id, amountPence: available + 1 },
        { accountId: accounts.provider.id, amountPence: -(available + 1) },
      ]),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_FUNDS", status: 409, message: expect.stringContaining(formatPence(available)) });
    expect(await entryCount()).toBe(entries);
    expect(-(await stored(accounts.pot.id))).toBe(available);
    // A caller that swallows the refusal cannot commit what it leaves: an entry without postings.
    await refused(
      db().transaction(async (tx) => {
        const draw = postEntry(tx, {
          authorityId: authority.id,
          idempotencyKey: nextKey("overdraw"),
          description: "Test entry",
          cause: { type: "test", id: "overdraw" },
          actorUserId: null,
          postings: [
            { accountId: accounts.pot.id, amountPence: available + 1 },
            { accountId: accounts.provider.id, amountPence: -(available + 1) },
          ],
        });
        await expect(draw).rejects.toMatchObject({ code: "INSUFFICIENT_FUNDS" });
      }),
      /does not balance/,
    );
    expect(await entryCount()).toBe(entries);
    expect(-(await stored(accounts.pot.id))).toBe(available);

    // Drawing exactly what is there is allowed, and leaves nothing.
    await post(db(), authority.id, debitCredit(accounts.pot.id, accounts.provider.id, available));
    expect(await stored(accounts.pot.id)).toBe(0);
    await expect(post(db(), authority.id, debitCredit(accounts.pot.id, accounts.provider.id, 1))).rejects.toMatchObject({ code: "INSUFFICIENT_FUNDS" });
    await refused(db().update(ledgerAccounts).set({ balancePence: 1 }).where(eq(ledgerAccounts.id, accounts.pot.id)), /guarded/);
    // Refill it for the tests that follow.
    await post(db(), authority.id, debitCredit(accounts.funding.id, accounts.pot.id, available));
  });

  it("refuses accounts of another authority, in code and in the database", async () => {
    const other = await createLedgerWorld(db());
    const entries = await entryCount();
    await expect(post(db(), world.authority.id, debitCredit(world.accounts.school.id, other.accounts.provider.id, 100))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await entryCount()).toBe(entries);
    expect(await stored(other.accounts.provider.id)).toBe(0);
    await refused(
      db().transaction(async (tx) => {
        const [entry] = await tx
          .insert(journalEntries)
          .values({ authorityId: world.authority.id, idempotencyKey: nextKey("raw"), description: "raw", causeType: "test", causeId: "raw" })
          .returning();
        await tx.insert(ledgerPostings).values([
          { entryId: entry.id, accountId: world.accounts.school.id, authorityId: world.authority.id, amountPence: 100 },
          { entryId: entry.id, accountId: other.accounts.provider.id, authorityId: world.authority.id, amountPence: -100 },
        ]);
      }),
      /ledger_postings_account_fk/,
    );
    // A key already used by another authority's entry is a conflict, not a silent replay.
    const key = nextKey("shared");
    await post(db(), other.authority.id, debitCredit(other.accounts.school.id, other.accounts.provider.id, 1), key);
    await expect(post(db(), world.authority.id, debitCredit(world.accounts.school.id, world.accounts.provider.id, 1), key)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Unknown or malformed account ids are not found.
    await expect(post(db(), world.authority.id, debitCredit("not-a-uuid", world.accounts.provider.id, 1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(post(db(), world.authority.id, debitCredit(crypto.randomUUID(), world.accounts.provider.id, 1))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("opens each account once, only for an owner of the right kind in the authority", async () => {
    const { authority, consortium, school } = world;
    const again = await ensureAccount(db(), { authorityId: authority.id, kind: "consortium_pot", ownerId: consortium.id });
    expect(again.id).toBe(world.accounts.pot.id);
    const [pot] = await db().select().from(ledgerAccounts).where(eq(ledgerAccounts.id, again.id));
    expect(pot).toMatchObject({ guarded: true, kind: "consortium_pot" });
    expect(pot.name).toContain("consortium pot");
    await expect(ensureAccount(db(), { authorityId: authority.id, kind: "consortium_pot", ownerId: school.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await createOrganisation(db(), (await createLedgerWorld(db())).authority.id, "consortium");
    await expect(ensureAccount(db(), { authorityId: authority.id, kind: "consortium_pot", ownerId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ensureAccount(db(), { authorityId: authority.id, kind: "consortium_pot", ownerId: "x'; drop table" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("reads the authority's income split, falling back to the platform defaults", async () => {
    const { authority } = world;
    expect(await incomeSplitRuleFor(db(), authority.id, "private_company")).toEqual({ providerBps: 9_000, authorityBps: 500, potBps: 500 });
    await db()
      .insert(schema.incomeSplitRules)
      .values({ authorityId: authority.id, providerKind: "university", providerBps: 8_000, authorityBps: 1_000, potBps: 1_000 });
    await createDefaultSplitRules(db(), authority.id);
    await createDefaultSplitRules(db(), authority.id);
    expect(await incomeSplitRuleFor(db(), authority.id, "university")).toEqual({ providerBps: 8_000, authorityBps: 1_000, potBps: 1_000 });
    expect(await incomeSplitRuleFor(db(), authority.id, "la_traded_services")).toEqual({ providerBps: 0, authorityBps: 9_000, potBps: 1_000 });
    expect(await incomeSplitRuleFor(db(), authority.id, "consultant")).toEqual({ providerBps: 9_000, authorityBps: 500, potBps: 500 });
    await refused(
      db()
        .insert(schema.incomeSplitRules)
        .values({ authorityId: authority.id, providerKind: "consultant", providerBps: 9_000, authorityBps: 500, potBps: 501 }),
      /bps_check/,
    );
    await refused(
      db().insert(schema.incomeSplitRules).values({ authorityId: authority.id, providerKind: null, providerBps: 9_000, authorityBps: 500, potBps: 500 }),
      /kind_key/,
    );
  });

  it("keeps the trial balance at zero and every stored balance equal to its postings", async () => {
    expect(await trialBalance(db(), world.authority.id)).toBe(0);
    expect(await checkLedger(db())).toEqual([]);
  });
});
