#!/usr/bin/env node
// Runs every layer of tests: the type check, lint and format check, unit, integration on PGlite (and on PostgreSQL when
// TEST_DATABASE_URL is set), the build, then the browser tests in Chromium against the built app.
// Ends with one line: "N passed, N failed".
//
// The machine has two cores and each vitest run here uses one worker (the integration tests on PGlite use
// two when no PostgreSQL lane runs beside them), so the phases run in two lanes side by side: what one lane
// waits on (PostgreSQL, the disk) the other fills. A phase that runs beside another prints its output when it
// ends, so they never interleave. The browser tests come last, two files at a time, each worker against its
// own app on a copy of the demo county, which the second lane seeds once the build and unit tests are done
// (test/setup/demo-county.mjs, test/setup/app-server.ts).
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { chromiumPath } from "./setup/chromium.mjs";
import { seededDataDir } from "./setup/demo-county.mjs";

const CHROMIUM = chromiumPath();
const CI = process.env.CI === "true" || process.env.CI === "1";
const POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const resultsDir = ".cache/test/results";
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
let problems = 0;
/**
 * The tests that failed and the start of why, printed again at the end: a log that keeps only its last lines
 * (a CI summary) still says what failed and how.
 */
const failures = [];
const timings = [];
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

/** Runs a command; with `live` its output streams, otherwise it is kept and printed whole when it ends. */
function phase(label, command, args, { env = {}, live = false } = {}) {
  const log = `${resultsDir}/${label}.log`;
  const start = Date.now();
  if (live) console.log(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: live ? "inherit" : ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    // Everything written to the log before it is read back.
    let written = Promise.resolve();
    if (!live) {
      const out = createWriteStream(log);
      written = new Promise((done) => out.once("close", done));
      let open = 2;
      for (const stream of [child.stdout, child.stderr]) {
        stream.pipe(out, { end: false });
        stream.once("end", () => --open === 0 && out.end());
      }
    }
    child.on("close", async (code) => {
      await written;
      const ms = Date.now() - start;
      timings.push({ label, ms, ok: code === 0 });
      if (!live) {
        console.log(`\n=== ${label} (${seconds(ms)}) ===`);
        process.stdout.write(readFileSync(log, "utf8"));
      } else console.log(`=== ${label} took ${seconds(ms)} ===`);
      if (code !== 0) console.error(`${label} failed (exit ${code})`);
      resolve(code);
    });
  });
}

async function run(label, command, args, options) {
  const code = await phase(label, command, args, options);
  if (code !== 0) problems++;
  return code === 0;
}

/** A check outside vitest (the lint, the format check) counts as one test in the final line. */
async function check(label, command, args) {
  const code = await phase(label, command, args);
  if (code === 0) passed++;
  else failed++;
}

async function vitest(label, project, { env = {}, live = false, workers } = {}) {
  const out = `${resultsDir}/${label}.json`;
  const args = [
    "vitest",
    "run",
    "--config",
    "test/vitest.config.ts",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
    ...(workers ? [`--maxWorkers=${workers}`] : []),
  ];
  const code = await phase(label, "npx", args, { env, live });
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    for (const file of report.testResults ?? [])
      for (const test of file.assertionResults ?? [])
        if (test.status === "failed")
          failures.push({
            name: `${label}: ${file.name.replace(`${process.cwd()}/`, "")} > ${test.fullName}`,
            why: (test.failureMessages ?? []).join("\n").split("\n").slice(0, 12).join("\n").slice(0, 1200),
          });
    if (report.numTotalTests === 0 || (code !== 0 && report.numFailedTests === 0)) problems++;
  } else {
    console.error(`${label} did not run`);
    problems++;
  }
}

// The demo county the browser tests' apps start on, seeded in lane two while the integration tests run.
const DEMO_COUNTY_DIR = ".cache/test/demo-county";
rmSync(DEMO_COUNTY_DIR, { recursive: true, force: true });
let demoCountySeeded = false;

const wantBuild = existsSync(CHROMIUM) || POSTGRES;
let building = null;
/** The build, started by whichever lane asks first; both wait for the one build. */
const build = () => (building ??= wantBuild ? run("build", "npx", ["remix", "vite:build"]) : Promise.resolve(false));

// Lane one: the checks that need nothing built, then the integration tests on PGlite.
const laneOne = async () => {
  // ESLint and the format check beside the type check; ESLint keeps a cache under .cache/, so a second run reads only what changed.
  const linting = (async () => {
    await check("lint", "npm", ["run", "--silent", "lint"]);
    await check("format", "npm", ["run", "--silent", "format:check"]);
  })();
  // Incremental: a second run checks again only what changed since the first (the state stays in .cache). One thread:
  // the other phases already keep both cores busy.
  await run("typecheck", "npm", [
    "run",
    "--silent",
    "typecheck",
    "--",
    "--incremental",
    "--tsBuildInfoFile",
    ".cache/test/typecheck.tsbuildinfo",
    "--singleThreaded",
  ]);
  // Without PostgreSQL, lane two has nothing to do once the build and unit tests are done: two workers share these files.
  await vitest("integration-pglite", "integration", { env: { TEST_DATABASE_URL: "" }, workers: POSTGRES ? 1 : 2 });
  await linting;
};

// Lane two: the build (first, for the browser tests), the unit tests, then what runs on PostgreSQL
// (its server takes part of the work).
const laneTwo = async () => {
  const built = await build();
  await vitest("unit", "unit");
  if (built && existsSync(CHROMIUM)) demoCountySeeded = await run("demo-county", "node", ["test/setup/demo-county.mjs", DEMO_COUNTY_DIR]);
  if (POSTGRES) {
    await vitest("integration-postgres", "integration", { env: { TEST_RUN_ID: `r${process.pid}` } });
    if (built) await vitest("postgres-processes", "postgres");
  }
};

// Then the browser tests, once both lanes are done.
const laneThree = async ({ live = false } = {}) => {
  if (existsSync(CHROMIUM)) {
    if (await build())
      await vitest("e2e", "e2e", {
        live,
        env: {
          E2E_WORKERS: process.env.E2E_WORKERS ?? "2",
          CHROMIUM_PATH: CHROMIUM,
          ...(demoCountySeeded ? { E2E_DEMO_COUNTY: seededDataDir(DEMO_COUNTY_DIR) } : {}),
        },
      });
  } else {
    const banner = "!".repeat(78);
    console.error(
      `\n${banner}\n!! No Chromium at ${CHROMIUM}: the browser tests did NOT run.\n!! Install it with: apt-get install -y chromium-headless-shell chromium (or set CHROMIUM_PATH).\n${banner}\n`,
    );
    if (CI) problems++;
  }
};

// TEST_LANES=1 runs the lanes one after the other, to compare or to read a failure in peace.
if (process.env.TEST_LANES === "1") {
  await laneOne();
  await laneTwo();
  await laneThree({ live: true });
} else {
  // The browser tests wait for both lanes: beside the integration tests, two cores are not enough for
  // three busy lanes, and timeouts stand in for answers.
  await Promise.all([laneOne(), laneTwo()]);
  await laneThree();
}
if (!POSTGRES) console.log("\nTEST_DATABASE_URL is not set: the integration tests ran on PGlite only, and the several-processes tests did not run.");

console.log(`\nTimes (two lanes side by side, then the browser tests):`);
for (const t of timings) console.log(`  ${t.label.padEnd(22)} ${seconds(t.ms).padStart(6)}${t.ok ? "" : "  FAILED"}`);
console.log(`  ${"all".padEnd(22)} ${seconds(Date.now() - started).padStart(6)}`);
if (failures.length > 0) {
  console.log("\nFailed:");
  for (const { name, why } of failures) {
    console.log(`  ${name}`);
    if (why) console.log(why.replace(/^/gm, "      "));
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems > 0 ? 1 : 0);
