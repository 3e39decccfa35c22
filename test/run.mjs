#!/usr/bin/env node
// Runs every layer of tests: unit, integration on PGlite (and on PostgreSQL when
// TEST_DATABASE_URL is set), then the browser tests in Chromium against the built app.
// Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CI = process.env.CI === "true" || process.env.CI === "1";
const resultsDir = ".cache/test/results";
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
let problems = 0;

function vitest(label, project, env = {}) {
  const out = `${resultsDir}/${label}.json`;
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(
    "npx",
    ["vitest", "run", "--config", "test/vitest.config.ts", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    { stdio: "inherit", env: { ...process.env, ...env } },
  );
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0 || (result.status !== 0 && report.numFailedTests === 0)) problems++;
  } else {
    problems++;
  }
  if (result.status !== 0 && !existsSync(out)) console.error(`${label} did not run`);
}

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`${label} failed`);
    problems++;
    return false;
  }
  return true;
}

run("typecheck", "npx", ["tsc", "--noEmit"]);
vitest("unit", "unit");
vitest("integration-pglite", "integration", { TEST_DATABASE_URL: "" });
if (process.env.TEST_DATABASE_URL) {
  vitest("integration-postgres", "integration", { TEST_RUN_ID: `r${process.pid}` });
} else {
  console.log("\nTEST_DATABASE_URL is not set: the integration tests ran on PGlite only.");
}

if (existsSync(CHROMIUM)) {
  if (run("build", "npx", ["remix", "vite:build"])) vitest("e2e", "e2e");
} else {
  const banner = "!".repeat(78);
  console.error(`\n${banner}\n!! No Chromium at ${CHROMIUM}: the browser tests did NOT run.\n!! Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).\n${banner}\n`);
  if (CI) problems++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems > 0 ? 1 : 0);
