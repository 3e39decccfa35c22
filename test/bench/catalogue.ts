// The catalogue under load: the search page served by the real app (Remix, sessions, the root
// loader, React rendering) against a bare node:http server answering the same search as JSON
// through the same database handle and the same SQL. Both at a fixed rate, then flat out.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { createServer, type Server } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { createSession, generateSessionToken, sessionCookieName } from "~/auth/session.server";
import { DELIVERY_FORMATS, OFFER_PHASES, PROVIDER_KINDS, schema, SUBJECT_AREAS, TERMS, type PriceTier } from "~/db.server";
import { parseCatalogueQuery } from "~/domain/catalogue/catalogue-query";
import { searchCatalogue } from "~/domain/catalogue/search-catalogue.server";
import { parseEnv } from "~/env.server";
import { startBuiltServer } from "../setup/built-server.mjs";
import { freshPostgres } from "./databases";
import { combined, formatResult, load, loadGenerator, type LoadResult } from "./load";
import { describeWeight, HTML_LIMIT_BYTES } from "./weight";

const OFFERS = Number(process.env.BENCH_OFFERS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/**
 * Each server is measured in its steady state: flat out for this long first. A page's code (Express,
 * Remix, React) is many times the bare server's and V8 takes thousands of requests to optimise it: the
 * app's CPU time for each catalogue page falls by about a third over its first 12 s flat out, then holds.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 15);
/**
 * Flat out, the app and the bare server take turns in this many slices of their time: this machine is
 * shared and its speed drifts from minute to minute, and measured one after the other the two would be
 * measured on different machines.
 */
const SLICES = Number(process.env.BENCH_SLICES ?? 5);
const SEARCH = "/catalogue?q=reading&phase=primary";
// A log line per request would drown the figures: the bench leaves them out unless BENCH_LOG_LEVEL=info.
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "warn";

const DAY = 24 * 60 * 60 * 1000;
// Dates are relative to the run, so the same offers are on sale whenever it runs.
const NOW = Date.now();

/** A small deterministic random source, so every run seeds the same county. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable uuid for a name (shaped as version 5). */
function uuidFor(name: string) {
  const h = createHash("sha1").update(`bench:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const TOPICS = [
  "reading",
  "phonics",
  "writing",
  "spelling",
  "fluency",
  "mathematics",
  "fractions",
  "reasoning",
  "science",
  "oracy",
  "behaviour",
  "attendance",
  "leadership",
  "governance",
  "curriculum",
  "assessment",
  "inclusion",
  "SEND",
  "wellbeing",
  "transition",
  "feedback",
  "questioning",
  "vocabulary",
  "coaching",
  "mentoring",
  "safeguarding",
  "data",
  "moderation",
  "Welsh",
  "digital",
];
const KINDS = ["programme", "training", "network", "review", "coaching", "toolkit", "conference", "audit", "masterclass", "support"];
const ADJECTIVES = ["Whole-school", "Targeted", "Intensive", "Practical", "Evidence-based", "Collaborative", "Advanced", "Introductory", "Sustained", "Rapid"];

export async function seedCatalogue(db: Database, count = OFFERS) {
  const random = mulberry32(20260105);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];

  const [authority] = await db
    .insert(schema.authorities)
    .values({ id: uuidFor("authority"), slug: "bench", name: "Bench County Council", nation: "england" })
    .returning();
  const providerIds: string[] = [];
  for (let i = 0; i < 30; i++) {
    const id = uuidFor(`provider-${i}`);
    await db.insert(schema.organisations).values({ id, authorityId: authority.id, kind: "provider", name: `Bench provider ${i + 1}` });
    await db.insert(schema.providers).values({
      organisationId: id,
      authorityId: authority.id,
      providerKind: PROVIDER_KINDS[i % PROVIDER_KINDS.length],
      verifiedAt: i % 7 === 6 ? null : new Date(NOW - 400 * DAY),
    });
    providerIds.push(id);
  }
  const [school] = await db
    .insert(schema.organisations)
    .values({ id: uuidFor("school"), authorityId: authority.id, kind: "school", name: "Bench Primary School" })
    .returning();
  await db.insert(schema.schools).values({
    organisationId: school.id,
    authorityId: authority.id,
    urn: "999001",
    phase: "primary",
    establishmentType: "la_maintained",
    laMaintained: true,
    numberOnRoll: 300,
  });
  const [head] = await db
    .insert(schema.users)
    .values({ id: uuidFor("head"), email: "head@bench.example", name: "Bench Head" })
    .returning();
  await db.insert(schema.memberships).values({ userId: head.id, organisationId: school.id, authorityId: authority.id, role: "headteacher" });

  const CHUNK = 500;
  for (let start = 0; start < count; start += CHUNK) {
    const offers: (typeof schema.offers.$inferInsert)[] = [];
    const revisions: (typeof schema.offerRevisions.$inferInsert)[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      const id = uuidFor(`offer-${i}`);
      const revisionId = uuidFor(`revision-${i}`);
      const topic = pick(TOPICS);
      const second = pick(TOPICS);
      const roll = random();
      // Most are on sale; some expired, suspended or never approved, as in a real catalogue.
      const live = roll >= 0.05;
      const approvedAt = new Date(NOW - Math.floor(random() * 300) * DAY);
      const expiresAt = new Date(roll < 0.1 ? NOW - DAY : approvedAt.getTime() + 365 * DAY);
      const base = 20_000 + Math.floor(random() * 280) * 1_000;
      const tiers: PriceTier[] = [
        { minSchools: 1, maxSchools: 4, unitPricePence: base },
        { minSchools: 5, maxSchools: 9, unitPricePence: Math.round(base * 0.85) },
        { minSchools: 10, maxSchools: null, unitPricePence: Math.round(base * 0.7) },
      ];
      offers.push({
        id,
        authorityId: authority.id,
        providerId: providerIds[i % providerIds.length],
        latestRevisionId: revisionId,
        liveRevisionId: live ? revisionId : null,
        approvedAt: live ? approvedAt : null,
        approvalExpiresAt: live ? expiresAt : null,
        suspendedAt: roll >= 0.1 && roll < 0.13 ? new Date(NOW - DAY) : null,
        createdAt: new Date(approvedAt.getTime() - 30 * DAY),
      });
      revisions.push({
        id: revisionId,
        offerId: id,
        authorityId: authority.id,
        number: 1,
        status: live ? "approved" : "submitted",
        title: `${pick(ADJECTIVES)} ${topic} ${pick(KINDS)} ${i + 1}`,
        summary: `Helps staff improve ${topic} and ${second} across the school.`,
        description: `Sessions on ${topic}, ${second} and ${pick(TOPICS)}, with follow-up visits, resources and an impact review. Designed with local schools and adapted to each setting's priorities.`,
        subjectAreas: some(SUBJECT_AREAS, 2),
        phases: some(OFFER_PHASES, 2),
        deliveryFormat: pick(DELIVERY_FORMATS),
        pricingModel: "per_school",
        priceTiers: tiers,
        fromPricePence: base,
        vatTreatment: { la_maintained: "outside_scope", academy: "standard", other: "standard" },
        outcomes: `Better ${topic} outcomes for pupils.`,
        evidence: "Evaluated in partner schools.",
        evidenceStrength: pick(["strong", "moderate", "promising", "limited"] as const),
        terms: some(TERMS, 2),
        decidedAt: live ? approvedAt : null,
      });
    }
    await db.insert(schema.offers).values(offers);
    await db.insert(schema.offerRevisions).values(revisions);
  }
  // Fresh statistics, as autovacuum would give a long-running database, so the planner sees 20,000 offers.
  await db.execute(sql`analyze`);
  const token = generateSessionToken();
  await createSession(db, token, head.id, school.id);
  return { authorityId: authority.id, userId: head.id, cookie: `${sessionCookieName(false)}=${token}` };
}

/** The same search as the catalogue page, and nothing else: the floor the app is measured against. */
function bareServer(db: Database, authorityId: string, userId: string) {
  const server = createServer(async (req, res) => {
    try {
      const { query } = parseCatalogueQuery(new URL(req.url ?? "/", "http://localhost").searchParams);
      const page = await searchCatalogue(db, { authorityId, userId, query });
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(page));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  return new Promise<{ server: Server; url: string }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
    }),
  );
}

/**
 * BENCH_PROFILE=<file> writes a CPU profile of this process (the app's server, not the load, which runs in
 * worker threads) while `work` runs, for Chrome's DevTools or any `.cpuprofile` reader.
 */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`CPU profile of the app under full load: ${file}`);
  }
}

export async function run() {
  process.env.NODE_ENV = "production";
  if (!existsSync("build/server/index.js")) {
    console.log("Building the app first (npx remix vite:build)...");
    const built = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("The build failed");
  }
  const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  // BENCH_CATALOGUE_KEEP=1 keeps the PostgreSQL database (bench_catalogue) for EXPLAIN afterwards.
  const keep = Boolean(process.env.BENCH_CATALOGUE_KEEP);
  const pg = postgresUrl ? await freshPostgres(postgresUrl, keep ? "bench_catalogue" : undefined) : null;
  const dataDir = pg ? null : mkdtempSync(join(tmpdir(), "marketplace-bench-"));
  const env = parseEnv({
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DEMO: "false",
    LOG_LEVEL,
    ...(pg ? { DATABASE_URL: pg.url } : { DATA_DIR: join(dataDir!, "pglite") }),
  });

  const { startServer } = await import("~/server");
  let seeded: Awaited<ReturnType<typeof seedCatalogue>> | undefined;
  const seedStarted = Date.now();
  const app = await startServer(env, {
    onReady: async (database) => {
      seeded = await seedCatalogue(database.db);
    },
  });
  const { authorityId, userId, cookie } = seeded!;
  console.log(
    `Database: ${pg ? "PostgreSQL" : "PGlite"}; ${OFFERS.toLocaleString("en-GB")} offers seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  const bare = await bareServer(app.database.db, authorityId, userId);

  try {
    const appUrl = `${app.url}${SEARCH}`;
    const bareUrl = `${bare.url}${SEARCH}`;
    const headers = { Cookie: cookie, Accept: "text/html" };
    const check = await fetch(appUrl, { headers });
    const html = await check.text();
    const found = /(\d[\d,]*) offers?/.exec(html)?.[0];
    if (check.status !== 200 || !found) throw new Error(`The catalogue page did not answer as expected (${check.status})`);
    const bareCheck = (await (await fetch(bareUrl)).json()) as { total: number };
    console.log(`Query: GET ${SEARCH}  -> ${found} (bare: ${bareCheck.total}), ${(html.length / 1024).toFixed(0)} KiB of HTML`);
    console.log(describeWeight("catalogue page, 20 results", html));

    const homeUrl = `${app.url}/`;
    const home = await fetch(homeUrl, { headers });
    const homeHtml = await home.text();
    if (home.status !== 200 || !homeHtml.includes("Bench Head")) throw new Error(`The home page did not answer as expected (${home.status})`);
    console.log(describeWeight("home page", homeHtml).split("\n")[0]);

    // Warm them up (JIT, query plans, caches) before measuring.
    await load({ url: appUrl, headers, seconds: WARMUP_SECONDS, connections: CONNECTIONS });
    await load({ url: bareUrl, seconds: WARMUP_SECONDS, connections: CONNECTIONS });
    await load({ url: homeUrl, headers, seconds: WARMUP_SECONDS, connections: CONNECTIONS });

    const measure = async (label: string, options: Parameters<typeof load>[0]) => {
      const result = await load(options);
      console.log(formatResult(label, result));
      return result;
    };
    const slice = { seconds: Math.max(1, Math.round(SECONDS / SLICES)), connections: CONNECTIONS };
    console.log(`\nLoad: ${loadGenerator}`);
    console.log(
      `\nFull load: ${CONNECTIONS} connections for ${SECONDS} s (the catalogue and the bare server taking turns, ${SLICES} slices of ${slice.seconds} s each)`,
    );
    const appSlices: LoadResult[] = [];
    const bareSlices: LoadResult[] = [];
    for (let i = 0; i < SLICES; i++) {
      const appSlice = () => load({ url: appUrl, headers, ...slice });
      appSlices.push(await (i === 0 ? profiled(appSlice) : appSlice()));
      bareSlices.push(await load({ url: bareUrl, ...slice }));
    }
    const fullApp = combined(appSlices);
    const fullBare = combined(bareSlices);
    console.log(formatResult("catalogue page (app)", fullApp));
    console.log(formatResult("same query as JSON (bare)", fullBare));
    console.log(`  each slice, catalogue / bare: ${appSlices.map((a, i) => (a.rps / bareSlices[i].rps).toFixed(2)).join(" ")}`);
    const fullHome = await measure("home page (app)", { url: homeUrl, headers, seconds: SECONDS, connections: CONNECTIONS });
    // Latency at a fixed rate only means something below capacity, where no queue builds up: the
    // goal's 50 req/s, unless that is more than half of what the app managed flat out on this machine.
    const rate = Math.max(1, Math.min(RATE, Math.floor(Math.min(fullApp.rps, fullHome.rps) / 2)));
    console.log(`\nFixed rate: ${rate} req/s for ${SECONDS} s${rate < RATE ? ` (${RATE} req/s is beyond half this machine's capacity for the app)` : ""}`);
    const fixedApp = await measure("catalogue page (app)", { url: appUrl, headers, seconds: SECONDS, rate });
    const fixedBare = await measure("same query as JSON (bare)", { url: bareUrl, seconds: SECONDS, rate });
    const fixedHome = await measure("home page (app)", { url: homeUrl, headers, seconds: SECONDS, rate });

    // On PostgreSQL, `npm start` runs one server process per CPU (app/server.ts, workerCount): the
    // built app as it is deployed, measured beside the single in-process server above.
    let cluster: {
      processes: number;
      full: Awaited<ReturnType<typeof load>>;
      fixed: Awaited<ReturnType<typeof load>>;
      home: Awaited<ReturnType<typeof load>>;
      rate: number;
    } | null = null;
    if (pg) {
      const processes = cpus().length;
      const built = await startBuiltServer({ DATABASE_URL: pg.url, DEMO: "false", LOG_LEVEL, WEB_CONCURRENCY: String(processes) });
      try {
        const clusterUrl = `${built.url}${SEARCH}`;
        const clusterHome = `${built.url}/`;
        // Each process warms as the single one did: the requests are shared between them.
        await load({ url: clusterUrl, headers, seconds: WARMUP_SECONDS * processes, connections: CONNECTIONS });
        await load({ url: clusterHome, headers, seconds: WARMUP_SECONDS, connections: CONNECTIONS });
        console.log(
          `\nThe production build (node build/start.js), ${processes} server processes: ${CONNECTIONS} connections for ${SECONDS} s, then a fixed rate`,
        );
        const full = await measure("catalogue page (cluster)", { url: clusterUrl, headers, seconds: SECONDS, connections: CONNECTIONS });
        const fullClusterHome = await measure("home page (cluster)", { url: clusterHome, headers, seconds: SECONDS, connections: CONNECTIONS });
        const clusterRate = Math.max(1, Math.min(RATE, Math.floor(Math.min(full.rps, fullClusterHome.rps) / 2)));
        const fixed = await measure(`catalogue page (cluster) at ${clusterRate} req/s`, { url: clusterUrl, headers, seconds: SECONDS, rate: clusterRate });
        const home = await measure(`home page (cluster) at ${clusterRate} req/s`, { url: clusterHome, headers, seconds: SECONDS, rate: clusterRate });
        cluster = { processes, full, fixed, home, rate: clusterRate };
      } finally {
        await built.stop();
      }
    }

    const ratio = fullApp.rps / fullBare.rps;
    console.log(
      `\nRatio catalogue / bare: throughput ${ratio.toFixed(2)}x; ` +
        `at ${rate} req/s p50 ${(fixedApp.p50 / fixedBare.p50).toFixed(2)}x, p95 ${(fixedApp.p95 / fixedBare.p95).toFixed(2)}x, p99 ${(fixedApp.p99 / fixedBare.p99).toFixed(2)}x`,
    );
    const met = (ok: boolean) => (ok ? "met" : "not met");
    console.log(
      [
        `Goals: catalogue ${fullApp.rps.toFixed(0)} req/s (goal 200: ${met(fullApp.rps >= 200)}), ${ratio.toFixed(2)} of bare (goal 0.50: ${met(ratio >= 0.5)})`,
        `       p95 at ${rate} req/s${rate < RATE ? ` (the goal is at ${RATE})` : ""}: catalogue ${fixedApp.p95.toFixed(1)} ms, home ${fixedHome.p95.toFixed(1)} ms (goal under 50 ms: ${met(rate >= RATE && fixedApp.p95 < 50)}, ${met(rate >= RATE && fixedHome.p95 < 50)})`,
        ...(cluster
          ? [
              `       production build, ${cluster.processes} processes: catalogue ${cluster.full.rps.toFixed(0)} req/s (goal 200: ${met(cluster.full.rps >= 200)}); p95 at ${cluster.rate} req/s${cluster.rate < RATE ? ` (the goal is at ${RATE})` : ""}: catalogue ${cluster.fixed.p95.toFixed(1)} ms, home ${cluster.home.p95.toFixed(1)} ms (goal under 50 ms: ${met(cluster.rate >= RATE && cluster.fixed.p95 < 50)}, ${met(cluster.rate >= RATE && cluster.home.p95 < 50)})`,
            ]
          : []),
        `       catalogue HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB (goal under ${HTML_LIMIT_BYTES / 1024} KiB: ${met(Buffer.byteLength(html) < HTML_LIMIT_BYTES)}); home page ${fullHome.rps.toFixed(0)} req/s flat out`,
      ].join("\n"),
    );
    console.log(
      `Machine: ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await new Promise((resolve) => bare.server.close(resolve));
    await app.stop();
    if (!keep) await pg?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
