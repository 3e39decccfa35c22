// The audit log at a million rows on PostgreSQL: each filter's first page and a page deep in the
// log, with the plan PostgreSQL chose (every one should be an index range scan that stops early).
import { sql } from "drizzle-orm";
import { openDatabase } from "#db/client";
import { auditActions, auditLogRows, type AuditFilter } from "~/domain/audit-log/search-audit-log.server";
import { benchPostgresUrl, freshPostgres } from "./databases";

const ROWS = Number(process.env.AUDIT_ROWS ?? 1_000_000);

export async function run() {
  const pg = await freshPostgres(benchPostgresUrl(), "mkt_bench_audit");
  const handle = await openDatabase({ kind: "postgres", url: pg.url, max: 2 });
  try {
    await handle.migrate();
    const db = handle.db;
    const [authority] = (await db.execute(
      sql`insert into authorities (slug, name, nation) values ('bench', 'Bench County', 'england'), ('other', 'Other County', 'wales') returning id`,
    )) as unknown as { id: string }[];
    const started = Date.now();
    // 50 people, 300 organisations, 30 kinds of change over two years; a tenth of the rows belong to another authority.
    await db.execute(sql`
      insert into audit_log (authority_id, actor_user_id, action, entity_type, entity_id, organisation_id, before, after, created_at)
      select case when g % 10 = 0 then (select id from authorities where slug = 'other') else ${authority.id}::uuid end,
             ('00000000-0000-4000-8000-' || lpad((g % 50)::text, 12, '0'))::uuid,
             'kind.' || (g % 30),
             'school', g::text,
             ('00000000-0000-4000-9000-' || lpad((g % 300)::text, 12, '0'))::uuid,
             jsonb_build_object('n', g - 1), jsonb_build_object('n', g),
             timestamptz '2024-09-01T00:00:00Z' + (g * interval '63 seconds')
      from generate_series(1, ${ROWS}) g`);
    await db.execute(sql`analyze audit_log`);
    console.log(`seeded ${ROWS} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const person = "00000000-0000-4000-8000-000000000007";
    const organisation = "00000000-0000-4000-9000-000000000123";
    const cases: [string, AuditFilter][] = [
      ["no filter", {}],
      ["person", { actorUserId: person }],
      ["organisation", { organisationId: organisation }],
      ["kind of change", { action: "kind.7" }],
      ["date range (one month)", { from: new Date("2025-03-01T00:00:00Z"), to: new Date("2025-04-01T00:00:00Z") }],
      ["person and dates", { actorUserId: person, from: new Date("2025-03-01T00:00:00Z"), to: new Date("2025-04-01T00:00:00Z") }],
    ];
    for (const [name, filter] of cases) {
      let cursor = null;
      const times: number[] = [];
      // The first page, then 20 pages on by keyset.
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        const page = await auditLogRows(db, { authorityId: authority.id, filter, cursor, limit: 50 });
        times.push(performance.now() - t0);
        const last = page.entries.at(-1);
        if (!last) break;
        const [at, id] = last.cursor.split("~");
        cursor = { at, id: Number(id) };
      }
      console.log(`${name.padEnd(24)} first page ${times[0].toFixed(1)} ms, page 21 ${times.at(-1)!.toFixed(1)} ms`);
    }
    const t0 = performance.now();
    const kinds = await auditActions(db, authority.id);
    console.log(`kinds of change (skip scan): ${kinds.length} in ${(performance.now() - t0).toFixed(1)} ms`);
    const plan = (await db.execute(sql`explain (analyze, costs off, timing off, summary off)
      select id from audit_log where authority_id = ${authority.id} and actor_user_id = ${person}
      and (created_at, id) < (timestamptz '2025-06-01', 999999999) order by created_at desc, id desc limit 51`)) as unknown as { "QUERY PLAN": string }[];
    console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
  } finally {
    await handle.close();
    await pg.drop();
  }
}
