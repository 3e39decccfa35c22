// The plan of the catalogue search on a kept bench database (BENCH_CATALOGUE_KEEP=1):
// npx tsx test/bench/explain-catalogue.ts postgres://…/bench_catalogue_<pid> ["q=reading&phase=primary"]; TIME=100 also times it.
import { drizzle } from "drizzle-orm/postgres-js";
import { connectPostgres, type Database } from "#db/client";
import { parseCatalogueQuery } from "~/domain/catalogue/catalogue-query";
import { searchCatalogue } from "~/domain/catalogue/search-catalogue.server";

const url = process.argv[2];
const search = process.argv[3] ?? "q=reading&phase=primary";
const client = connectPostgres(url, { max: 1 });
const captured: { query: string; params: unknown[] }[] = [];
const db = drizzle(client, { logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Database;
const [{ authority_id: authorityId }] = await client`select authority_id from offers limit 1`;
const [{ id: userId }] = await client`select id from users limit 1`;
const { query } = parseCatalogueQuery(new URLSearchParams(search));
for (let i = 0; i < 3; i++) await searchCatalogue(db, { authorityId, userId, query });
if (process.env.TIME) {
  const times: number[] = [];
  for (let i = 0; i < Number(process.env.TIME); i++) {
    const t0 = performance.now();
    await searchCatalogue(db, { authorityId, userId, query });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`median ${times[times.length >> 1].toFixed(2)} ms, min ${times[0].toFixed(2)} ms`);
}
const last = captured.at(-1)!;
if (process.env.SHOW_SQL) console.log(last.query, last.params);
const plan = await client.unsafe(`explain (analyze, buffers) ${last.query}`, last.params as never[]);
console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
await client.end();
