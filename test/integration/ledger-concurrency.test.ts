// Many writers posting at once against a few hot accounts. On PostgreSQL: 20 writers on their own
// connections, 500 operations each. PGlite has one connection, so there the same scenario runs
// with one writer and fewer operations: the invariants are asserted either way.
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { schema, type AccountKind } from "~/db.server";
import { AppError } from "~/domain/errors";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { postEntry, type Posting, debitCredit } from "~/domain/ledger/post-entry.server";
import { createConsortium } from "../factories/ledger";
import { createProvider, createAuthority, createOrganisation, createSchool } from "../factories/tenancy";
import { createTestDatabase } from "../setup/database";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const WRITERS = onPostgres ? 20 : 1;
const OPERATIONS = onPostgres ? 500 : 300;

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(`the ledger under ${WRITERS} concurrent writer(s) doing ${OPERATIONS} operations each`, () => {
  let handle: DatabaseHandle;
  // The database runs an aborted transaction again by itself; this counts why it had to.
  const retried: string[] = [];
  beforeAll(async () => {
    handle = await createTestDatabase({ max: WRITERS + 2, onRetry: (state) => retried.push(state) });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("stays balanced, never overdraws a pot and posts each key once", { timeout: 180_000 }, async () => {
    const db = handle.db;
    const authority = await createAuthority(db);
    const office = await createOrganisation(db, authority.id, "authority_office");
    const open = (kind: AccountKind, ownerId: string) => ensureAccount(db, { authorityId: authority.id, kind, ownerId }).then((a) => a.id);
    const funding = await open("authority_funding", office.id);
    const income = await open("authority_traded_income", office.id);
    const bank = await open("payment_clearing_bank", office.id);
    const pots: string[] = [];
    for (let i = 0; i < 3; i++) pots.push(await open("consortium_pot", (await createConsortium(db, authority.id)).id));
    const schools: string[] = [];
    for (let i = 0; i < 5; i++) schools.push(await open("school_receivable", (await createSchool(db, authority.id)).organisation.id));
    const providers: string[] = [];
    for (let i = 0; i < 2; i++) providers.push(await open("provider_payable", (await createProvider(db, authority.id, { verified: false })).id));

    const committed: { key: string; postings: Posting[] }[] = [];
    const expected = new Map<string, number>();
    let replays = 0;
    let refusedDraws = 0;

    const operation = (rnd: () => number): Posting[] => {
      const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
      const amount = 1 + Math.floor(rnd() * 50_000);
      const roll = rnd();
      if (roll < 0.15) return debitCredit(funding, pick(pots), amount);
      if (roll < 0.45) {
        // A draw on a pot, often larger than what it holds.
        return [
          { accountId: pick(pots), amountPence: amount * 3 },
          { accountId: pick(providers), amountPence: -amount * 3 },
        ];
      }
      if (roll < 0.8) {
        const provider = Math.floor(amount * 0.9);
        const pot = Math.floor(amount * 0.05);
        const lines: Posting[] = [
          { accountId: pick(schools), amountPence: amount },
          { accountId: pick(providers), amountPence: -provider },
          { accountId: income, amountPence: -(amount - provider - pot) },
        ];
        if (pot > 0) lines.push({ accountId: pick(pots), amountPence: -pot });
        return lines;
      }
      return debitCredit(bank, pick(schools), amount);
    };

    const attempt = (key: string, postings: Posting[]) =>
      db.transaction((tx) =>
        postEntry(tx, {
          authorityId: authority.id,
          idempotencyKey: key,
          description: "Concurrent entry",
          cause: { type: "test", id: key },
          actorUserId: null,
          postings,
        }),
      );

    const writer = async (w: number) => {
      const rnd = random(1_000 + w);
      for (let i = 0; i < OPERATIONS; i++) {
        if (committed.length > 0 && rnd() < 0.1) {
          const earlier = committed[Math.floor(rnd() * committed.length)];
          const result = await attempt(earlier.key, earlier.postings);
          expect(result.created).toBe(false);
          replays++;
          continue;
        }
        const key = `w${w}:op${i}`;
        const postings = operation(rnd);
        try {
          const result = await attempt(key, postings);
          expect(result.created).toBe(true);
          committed.push({ key, postings });
          for (const p of postings) expected.set(p.accountId, (expected.get(p.accountId) ?? 0) + p.amountPence);
        } catch (error) {
          if (error instanceof AppError && error.code === "INSUFFICIENT_FUNDS") {
            refusedDraws++;
            continue;
          }
          throw error;
        }
      }
    };

    const started = performance.now();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `${WRITERS} writer(s): ${committed.length} entries, ${replays} replays, ${refusedDraws} refused draws, ${retried.length} retries in ${seconds.toFixed(1)} s (${Math.round((WRITERS * OPERATIONS) / seconds)} operations/s)`,
    );

    expect(replays).toBeGreaterThan(0);
    expect(refusedDraws).toBeGreaterThan(0);
    // Each entry locks its accounts in id order: no two entries ever wait on each other.
    expect(retried.filter((state) => state === "40P01")).toEqual([]);
    expect(await trialBalance(db, authority.id)).toBe(0);
    expect(await checkLedger(db, authority.id)).toEqual([]);
    const [{ entries }] = await db.select({ entries: count() }).from(schema.journalEntries).where(eq(schema.journalEntries.authorityId, authority.id));
    expect(entries).toBe(new Set(committed.map((c) => c.key)).size);
    const accounts = await db.select().from(schema.ledgerAccounts).where(eq(schema.ledgerAccounts.authorityId, authority.id));
    for (const account of accounts) {
      expect(account.balancePence, account.name).toBe(expected.get(account.id) ?? 0);
      if (account.guarded) expect(account.balancePence).toBeLessThanOrEqual(0);
    }
    const [overdrawn] = await db
      .select({ n: count() })
      .from(schema.ledgerAccounts)
      .where(sql`${schema.ledgerAccounts.guarded} and ${schema.ledgerAccounts.balancePence} > 0`);
    expect(overdrawn.n).toBe(0);
  });

  it("runs again a transaction of several entries that PostgreSQL aborted to break a deadlock", { timeout: 60_000 }, async () => {
    const db = handle.db;
    const authority = await createAuthority(db);
    const office = await createOrganisation(db, authority.id, "authority_office");
    const bank = await ensureAccount(db, { authorityId: authority.id, kind: "payment_clearing_bank", ownerId: office.id }).then((a) => a.id);
    const income = await ensureAccount(db, { authorityId: authority.id, kind: "authority_traded_income", ownerId: office.id }).then((a) => a.id);
    const schools: string[] = [];
    for (let i = 0; i < 2; i++) {
      const school = await createSchool(db, authority.id);
      schools.push(await ensureAccount(db, { authorityId: authority.id, kind: "school_receivable", ownerId: school.organisation.id }).then((a) => a.id));
    }
    const retriesBefore = retried.length;
    // Each transaction posts one entry on accounts of its own, waits until the other has posted its
    // first, then posts one touching an account the other holds: on PostgreSQL each waits on the other,
    // whatever the order of the accounts' ids. (PGlite has one connection: the two run one after the other.)
    let arrived = 0;
    let bothArrived: () => void = () => {};
    const barrier = new Promise<void>((resolve) => (bothArrived = resolve));
    const post = (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], key: string, postings: Posting[]) =>
      postEntry(tx, {
        authorityId: authority.id,
        idempotencyKey: key,
        description: "Crossed entry",
        cause: { type: "test", id: key },
        actorUserId: null,
        postings,
      });
    const [first, second] = [
      [debitCredit(schools[0], income, 1_000), debitCredit(schools[1], income, 400)],
      [debitCredit(bank, schools[1], 1_000), debitCredit(bank, schools[0], 400)],
    ];
    const crossed = (mine: number, [own, theirs]: Posting[][]) =>
      db.transaction(async (tx) => {
        await post(tx, `crossed:${mine}:first`, own);
        if (++arrived === 2) bothArrived();
        if (onPostgres) await Promise.race([barrier, new Promise((resolve) => setTimeout(resolve, 30_000))]);
        await post(tx, `crossed:${mine}:second`, theirs);
      });
    await Promise.all([crossed(0, first), crossed(1, second)]);

    if (onPostgres) expect(retried.slice(retriesBefore)).toContain("40P01");
    expect(await trialBalance(db, authority.id)).toBe(0);
    const balances = new Map(
      (await db.select().from(schema.ledgerAccounts).where(eq(schema.ledgerAccounts.authorityId, authority.id))).map((a) => [a.id, a.balancePence]),
    );
    expect(balances.get(schools[0])).toBe(1_000 - 400);
    expect(balances.get(schools[1])).toBe(-1_000 + 400);
    expect(balances.get(bank)).toBe(1_400);
    expect(balances.get(income)).toBe(-1_400);
  });
});
