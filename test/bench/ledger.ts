// Journal entries per second through postEntry (idempotency key, ordered account locks, guarded
// check, balance update, audit row, the database's balance triggers at commit) against the limit:
// bare balanced inserts (entry and posting rows in one transaction, nothing else) through the same
// driver, the two taking turns a second at a time. On PostgreSQL with N concurrent writers, then on
// PGlite with one.
import { randomUUID } from "node:crypto";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { connectPostgres, migrationsFolder, openDatabase, schema, type Database } from "#db/client";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { postEntry, type Posting } from "~/domain/ledger/post-entry.server";
import { benchPostgresUrl, freshPostgres } from "./databases";

const WRITERS = Number(process.env.BENCH_LEDGER_WRITERS ?? 8);
const SECONDS = Number(process.env.BENCH_LEDGER_SECONDS ?? 10);
const PGLITE_SECONDS = Math.min(SECONDS, 5);

type World = { authorityId: string; schools: string[]; providers: string[]; pots: string[] };

async function buildWorld(db: Database): Promise<World> {
  const [authority] = await db
    .insert(schema.authorities)
    .values({ slug: `bench-${randomUUID()}`, name: "Bench County", nation: "england" })
    .returning();
  const organisations = async (kind: "school" | "provider" | "consortium", n: number) =>
    db
      .insert(schema.organisations)
      .values(Array.from({ length: n }, (_, i) => ({ authorityId: authority.id, kind, name: `${kind} ${i + 1}` })))
      .returning({ id: schema.organisations.id });
  const open = async (kind: "school_receivable" | "provider_payable" | "consortium_pot", owners: { id: string }[]) => {
    const ids: string[] = [];
    for (const owner of owners) ids.push((await ensureAccount(db, { authorityId: authority.id, kind, ownerId: owner.id })).id);
    return ids;
  };
  return {
    authorityId: authority.id,
    schools: await open("school_receivable", await organisations("school", 50)),
    providers: await open("provider_payable", await organisations("provider", 10)),
    pots: await open("consortium_pot", await organisations("consortium", 10)),
  };
}

/** A sale: the school owes, the provider and (for one in two) the consortium pot are owed. */
function entryFor(world: World, n: number): Posting[] {
  const amount = 1_000 + ((n * 7_919) % 90_000);
  const school = world.schools[(n * 31) % world.schools.length];
  const provider = world.providers[(n * 17) % world.providers.length];
  if (n % 2 === 0)
    return [
      { accountId: school, amountPence: amount },
      { accountId: provider, amountPence: -amount },
    ];
  const pot = world.pots[(n * 13) % world.pots.length];
  const share = Math.floor(amount / 20);
  return [
    { accountId: school, amountPence: amount },
    { accountId: provider, amountPence: -(amount - share) },
    { accountId: pot, amountPence: -share },
  ];
}

type Rate = { entries: number; elapsed: number; perSecond: number };

/** `writers` concurrent loops calling `write(n)` with a fresh n each time, for `ms` milliseconds. */
async function slice(writers: number, write: (n: number) => Promise<unknown>, ms: number, next: { n: number }) {
  const started = performance.now();
  const deadline = started + ms;
  const counts = await Promise.all(
    Array.from({ length: writers }, async () => {
      let done = 0;
      while (performance.now() < deadline) {
        await write(next.n++);
        done++;
      }
      return done;
    }),
  );
  return { entries: counts.reduce((a, b) => a + b, 0), elapsed: (performance.now() - started) / 1000 };
}

/**
 * postEntry and the bare inserts in turns of a second each (the order swapping every round), so both
 * meet the same moments of a shared machine's load; each one's rate over all its turns, and the
 * ratio of the two.
 */
async function inTurns(writers: number, seconds: number, post: (n: number) => Promise<unknown>, bare: (n: number) => Promise<unknown>) {
  const totals = { post: { entries: 0, elapsed: 0 }, bare: { entries: 0, elapsed: 0 } };
  const next = { n: 0 };
  for (let round = 0; round < seconds; round++) {
    for (const which of round % 2 ? (["bare", "post"] as const) : (["post", "bare"] as const)) {
      const turn = await slice(writers, which === "post" ? post : bare, 1000, next);
      totals[which].entries += turn.entries;
      totals[which].elapsed += turn.elapsed;
    }
  }
  const rate = (t: { entries: number; elapsed: number }): Rate => ({ ...t, perSecond: t.entries / t.elapsed });
  return { posted: rate(totals.post), limit: rate(totals.bare) };
}

/** One entry through postEntry, in its own transaction. */
const throughPostEntry = (db: Database, world: World) => (n: number) =>
  db.transaction((tx) =>
    postEntry(tx, {
      authorityId: world.authorityId,
      idempotencyKey: `bench:${n}:${randomUUID()}`,
      description: "Bench sale",
      cause: { type: "bench", id: String(n) },
      actorUserId: null,
      postings: entryFor(world, n),
    }),
  );

const line = (label: string, r: Rate) =>
  console.log(
    `  ${label.padEnd(44)} ${String(r.entries).padStart(7)} entries in ${r.elapsed.toFixed(1).padStart(5)} s = ${r.perSecond.toFixed(0).padStart(6)} entries/s`,
  );

/** The goal, on PostgreSQL: at least this many balanced entries a second through `postEntry`. */
const GOAL_PER_SECOND = 2_000;

function report({ posted, limit }: { posted: Rate; limit: Rate }, { goal }: { goal: boolean }) {
  line("postEntry", posted);
  line("bare inserts (database checks on)", limit);
  console.log(`  ratio postEntry / bare: ${(posted.perSecond / limit.perSecond).toFixed(2)}`);
  if (goal)
    console.log(
      `  goal: at least ${GOAL_PER_SECOND.toLocaleString("en-GB")} entries/s through postEntry: ${posted.perSecond >= GOAL_PER_SECOND ? "met" : "not met"} (${posted.perSecond.toFixed(0)})`,
    );
}

async function onPostgres() {
  const fresh = await freshPostgres(benchPostgresUrl(), "ledger_bench");
  const client = connectPostgres(fresh.url, { max: WRITERS + 1 });
  try {
    const db = drizzlePostgres(client) as unknown as Database;
    await migratePostgres(db as never, { migrationsFolder });
    const world = await buildWorld(db);
    console.log(
      `PostgreSQL (${fresh.host}), ${WRITERS} concurrent writers, 2-3 line entries over ${world.schools.length + world.providers.length + world.pots.length} accounts:`,
    );
    const insertBare = (n: number) =>
      client.begin(async (sql) => {
        const [entry] =
          await sql`insert into journal_entries (authority_id, idempotency_key, description, cause_type, cause_id) values (${world.authorityId}, ${`bare:${n}:${randomUUID()}`}, 'Bench sale', 'bench', ${String(n)}) returning id`;
        const rows = entryFor(world, n).map((p) => ({
          entry_id: entry.id,
          account_id: p.accountId,
          authority_id: world.authorityId,
          amount_pence: p.amountPence,
        }));
        await sql`insert into ledger_postings ${sql(rows)}`;
      });
    report(await inTurns(WRITERS, SECONDS, throughPostEntry(db, world), insertBare), { goal: true });
  } finally {
    await client.end({ timeout: 5 });
    await fresh.drop();
  }
}

async function onPglite() {
  const handle = await openDatabase({ kind: "pglite" });
  const pglite = handle.pglite!;
  try {
    await handle.migrate();
    const db = handle.db;
    const world = await buildWorld(db);
    console.log(`PGlite (embedded), 1 writer:`);
    const insertBare = (n: number) =>
      pglite.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          "insert into journal_entries (authority_id, idempotency_key, description, cause_type, cause_id) values ($1, $2, 'Bench sale', 'bench', $3) returning id",
          [world.authorityId, `bare:${n}:${randomUUID()}`, String(n)],
        );
        const postings = entryFor(world, n);
        const values = postings.map((_, i) => `($1, $2, $${i * 2 + 3}, $${i * 2 + 4})`).join(", ");
        await tx.query(`insert into ledger_postings (entry_id, authority_id, account_id, amount_pence) values ${values}`, [
          rows[0].id,
          world.authorityId,
          ...postings.flatMap((p) => [p.accountId, p.amountPence]),
        ]);
      });
    // One embedded process, one writer: the goal is PostgreSQL's; PGlite's figures are for comparison.
    report(await inTurns(1, PGLITE_SECONDS, throughPostEntry(db, world), insertBare), { goal: false });
  } finally {
    await handle.close();
  }
}

export async function run() {
  await onPostgres();
  await onPglite();
}
