// Each report page's p50 and p95 against the bare aggregate query it cannot beat (one sum over the
// same year's paid sales) and the goal of 200 ms at p95: three financial years of sales for 400
// schools, about 50,000 orders, with evaluations and impact follow-ups, on PostgreSQL. Figures and
// ratios are printed; nothing is asserted. `BENCH_REPORT_KEEP=1` keeps the database for EXPLAIN.
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type postgres from "postgres";
import { connectPostgres, migrationsFolder, type Database } from "#db/client";
import { potBriefing } from "~/domain/reporting/pot-briefing.server";
import { financialYearStart, termOf } from "~/domain/reporting/rules";
import { schoolPurchases } from "~/domain/reporting/school-purchases.server";
import { termlyReport } from "~/domain/reporting/take-termly-snapshot.server";
import { tradedIncomeReport, type TradedIncomeFilter } from "~/domain/reporting/traded-income.server";
import { benchPostgresUrl, freshPostgres } from "./databases";

const SCHOOLS = 400;
const CONSORTIA = 20;
const ORDERS = Number(process.env.BENCH_REPORT_ORDERS ?? 50_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 30);

async function seed(client: postgres.Sql) {
  const [authority] = await client`insert into authorities (slug, name, nation) values ('bench', 'Bench County', 'england') returning id`;
  const a = authority.id as string;
  const [user] = await client`insert into users (email, name) values ('bench@example.test', 'Bench') returning id`;
  await client`insert into organisations (authority_id, kind, name) select ${a}, 'consortium', 'Consortium ' || g from generate_series(1, ${CONSORTIA}) g`;
  await client`insert into consortia (organisation_id, authority_id, phase) select id, authority_id, 'primary' from organisations where kind = 'consortium'`;
  await client`insert into organisations (authority_id, kind, name) select ${a}, 'school', 'School ' || g from generate_series(1, ${SCHOOLS}) g`;
  await client`insert into schools (organisation_id, authority_id, urn, phase, establishment_type, la_maintained, number_on_roll)
    select id, authority_id, 'B' || row_number() over (order by id), 'primary', 'community', true, 210 from organisations where kind = 'school'`;
  await client`insert into consortium_memberships (authority_id, consortium_id, school_id, joined_on)
    select ${a}, c.id, s.id, '2020-01-01' from (select id, row_number() over (order by id) n from organisations where kind = 'school') s
    join (select id, row_number() over (order by id) n from organisations where kind = 'consortium') c on c.n = 1 + (s.n % ${CONSORTIA})`;
  await client`insert into organisations (authority_id, kind, name) values (${a}, 'provider', 'Provider')`;
  await client`insert into providers (organisation_id, authority_id, provider_kind) select id, authority_id, 'la_traded_services' from organisations where kind = 'provider'`;
  await client`insert into offers (authority_id, provider_id) select ${a}, id from organisations, generate_series(1, 40) where kind = 'provider'`;
  await client`insert into offer_revisions (offer_id, authority_id, number, status, title, subject_areas, terms)
    select o.id, o.authority_id, 1, 'approved', 'Offer ' || row_number() over (order by o.id),
      array[(array['literacy','numeracy','governance','send','wellbeing'])[1 + (row_number() over (order by o.id)) % 5]],
      case when (row_number() over (order by o.id)) % 3 = 0 then array['autumn','spring','summer'] else array['autumn'] end
    from offers o`;
  const today = new Date();
  await client`
    with s as (select organisation_id id, row_number() over (order by organisation_id) n from schools),
      r as (select id, offer_id, row_number() over (order by id) n from offer_revisions),
      m as (select school_id, consortium_id from consortium_memberships)
    insert into orders (authority_id, school_id, offer_id, revision_id, provider_id, consortium_id, pricing_model, quantity, unit_price_pence, buyer_type, vat_treatment,
      net_pence, vat_pence, payable_pence, gross_pence, payment_route, status, idempotency_key, placed_by, paid_at, provider_share_pence, authority_share_pence, pot_share_pence, created_at)
    select ${a}, s.id, r.offer_id, r.id, (select organisation_id from providers limit 1), m.consortium_id, 'per_school', 1, 90000, 'la_maintained', 'standard',
      90000, 18000, 108000, 108000, (array['invoice','internal_recharge'])[1 + g % 2], 'confirmed', 'bench:' || g, ${user.id},
      ${today.toISOString()}::timestamptz - (g % 1095) * interval '1 day', 0, 81000, 9000, ${today.toISOString()}::timestamptz - (g % 1095) * interval '1 day'
    from generate_series(1, ${ORDERS}) g
    join s on s.n = 1 + g % ${SCHOOLS}
    join r on r.n = 1 + g % 40
    join m on m.school_id = s.id`;
  // An evaluation of every fifth order and an impact follow-up of every other evaluation.
  await client`
    insert into evaluations (authority_id, order_id, offer_id, school_id, evaluator_id, priorities, quality, impact, value_for_money, would_recommend, submitted_at)
    select authority_id, id, offer_id, school_id, ${user.id}, 'Reading', 1 + n % 4, 1 + (n / 4) % 4, 1 + (n / 16) % 4, n % 3 <> 0, paid_at + interval '30 days'
    from (select o.*, row_number() over (order by id) n from orders o) o where n % 5 = 0`;
  await client`
    insert into impact_follow_ups (authority_id, evaluation_id, school_id, outcome, measure, baseline, follow_up, recorded_by, recorded_at)
    select authority_id, id, school_id, 'Reading age', 'Pupils at expected standard', '60%', '72%', ${user.id}, submitted_at + interval '90 days'
    from (select e.*, row_number() over (order by id) n from evaluations e) e where n % 2 = 0`;
  // A live database is vacuumed by autovacuum; the bench does it at once so the figures do not depend on when it ran.
  await client`vacuum analyze`;
  const [school] = await client`select organisation_id id from schools limit 1`;
  const [consortium] = await client`select organisation_id id from consortia limit 1`;
  const [provider] = await client`select organisation_id id from providers limit 1`;
  return { authorityId: a, schoolId: school.id as string, consortiumId: consortium.id as string, providerId: provider.id as string };
}

const GOAL_MS = 200;

async function timings(fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(times.length * q) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

export async function run() {
  const keep = Boolean(process.env.BENCH_REPORT_KEEP);
  const fresh = await freshPostgres(benchPostgresUrl(), keep ? "bench_reportspeed" : "reports_bench");
  // BENCH_RANDOM_PAGE_COST=1.1 measures with the usual setting for SSDs (a deployment setting, see docs/bench.md).
  const pageCost = process.env.BENCH_RANDOM_PAGE_COST;
  const client = connectPostgres(fresh.url, { max: 4, ...(pageCost ? { connection: { random_page_cost: pageCost } } : {}) });
  try {
    const db = drizzle(client) as unknown as Database;
    await migrate(db as never, { migrationsFolder });
    const { authorityId, schoolId, consortiumId, providerId } = await seed(client);
    const year = financialYearStart(new Date().toISOString().slice(0, 10));
    const from = `${year}-04-01`;
    const to = `${year + 1}-04-01`;
    const bare = await timings(
      () =>
        client`select sum(net_pence), sum(authority_share_pence), sum(pot_share_pence) from orders where authority_id = ${authorityId} and paid_at >= ${from}::date and paid_at < ${to}::date and status <> 'cancelled'`,
    );
    const month = new Date().toISOString().slice(0, 7);
    const term = termOf(new Date().toISOString().slice(0, 10));
    const traded = (name: string, filter: Omit<TradedIncomeFilter, "financialYear">): [string, () => Promise<unknown>] => [
      `traded income (a year${name})`,
      () => tradedIncomeReport(db, { authorityId, filter: { financialYear: year, ...filter } }),
    ];
    const reports: [string, () => Promise<unknown>][] = [
      traded("", {}),
      traded(", one consortium", { consortiumId }),
      traded(", one provider", { providerId }),
      traded(", one subject area", { subjectArea: "literacy" }),
      traded(", one kind of buyer", { buyerType: "la_maintained" }),
      traded(", one payment route", { paymentRoute: "invoice" }),
      ["termly report (this term, live)", () => termlyReport(db, { authorityId, term: `${term.academicYear}-${term.term}` })],
      ["budget briefing (a consortium, a month)", () => potBriefing(db, { authorityId, consortiumId, month })],
      ["school finance export (a school, a year)", () => schoolPurchases(db, { authorityId, schoolId, financialYear: year })],
    ];
    const ms = (n: number) => n.toFixed(1).padStart(7);
    console.log(
      `PostgreSQL (${fresh.host}${pageCost ? `, random_page_cost ${pageCost}` : ""}), ${ORDERS} orders over three financial years, ${SCHOOLS} schools, ${RUNS} runs each; goal p95 < ${GOAL_MS} ms:`,
    );
    console.log(`  ${"page".padEnd(48)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"bare p95".padStart(8)} ${"ratio".padStart(6)}  goal`);
    console.log(`  ${"bare aggregate (one sum over the year)".padEnd(48)} ${ms(bare.p50)} ${ms(bare.p95)}`);
    for (const [name, fn] of reports) {
      const { p50, p95 } = await timings(fn);
      console.log(
        `  ${name.padEnd(48)} ${ms(p50)} ${ms(p95)} ${ms(bare.p95).padStart(8)} ${`${(p95 / bare.p95).toFixed(1)}x`.padStart(6)}  ${p95 < GOAL_MS ? "met" : "MISSED"}`,
      );
    }
  } finally {
    await client.end();
    if (keep) console.log(`Kept ${fresh.url}`);
    else await fresh.drop();
  }
}
