// Starts the built app for the browser tests, each on its own embedded database with the demo county (a copy
// of one seeded once for the run): one app per e2e worker (E2E_WORKERS, 1 unless set), so files that run side
// by side never share data.
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePorts } from "./built-server.mjs";
import { DEMO_PASSWORD, seedDemoCounty, seededDataDir, startDemoApp } from "./demo-county.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** The address of each worker's app, by VITEST_POOL_ID - 1 (read it with `baseUrl()` from test/e2e/browser.ts). */
    baseUrls: string[];
    demoPassword: string;
    /** A data directory with the demo county seeded, its app stopped: an app of its own starts on a copy (`copyDemoCounty`). */
    demoCounty: string;
  }
}

/** How many browser-test files run at once, each worker against its own app. */
export const e2eWorkers = (value = process.env.E2E_WORKERS) => {
  const n = value?.trim() ? Number(value) : 1;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`E2E_WORKERS must be a whole number, at least 1 (it is "${value}")`);
  return n;
};

export { freePorts, START_COMMAND } from "./built-server.mjs";

export const freePort = async () => (await freePorts(1))[0];

/** A copy of the seeded demo county (the `demoCounty` the setup provides) in a new directory under `dir`, for DATA_DIR. */
export function copyDemoCounty(template: string, dir: string) {
  const dataDir = seededDataDir(dir);
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

/** The built app on `port`, on a copy of the seeded demo county in a directory of its own, which `stop` takes away. */
async function startApp(port: number, template: string) {
  const dataDir = mkdtempSync(join(tmpdir(), "marketplace-e2e-"));
  try {
    const app = await startDemoApp(copyDemoCounty(template, dataDir), port);
    return { url: app.url, stop: async () => (await app.stop(), rmSync(dataDir, { recursive: true, force: true })) };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The seeded demo county: the one `npm test` seeded beside the integration tests (E2E_DEMO_COUNTY, a data
 * directory the run keeps), or one seeded now, and taken away at the end.
 */
async function demoCounty() {
  const given = process.env.E2E_DEMO_COUNTY;
  if (given && existsSync(given)) return { template: given, remove: () => {} };
  const dir = mkdtempSync(join(tmpdir(), "marketplace-e2e-county-"));
  return { template: await seedDemoCounty(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject) {
  const county = await demoCounty();
  const started = await Promise.allSettled((await freePorts(e2eWorkers())).map((port) => startApp(port, county.template)));
  const apps = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const stopAll = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    county.remove();
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  project.provide(
    "baseUrls",
    apps.map((app) => app.url),
  );
  project.provide("demoPassword", DEMO_PASSWORD);
  project.provide("demoCounty", county.template);
  return stopAll;
}
