// Starts the built app for the browser tests, each on its own embedded database with the demo county (a copy
// of one seeded once for the run): one app per e2e worker (E2E_WORKERS, 1 unless set), so files that run side
// by side never share data.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

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

/** How `npm start` runs the built server (after `npm run build`): plain node, production builds. */
export const START_COMMAND = { args: ["build/start.js"], env: { NODE_ENV: "production" } } as const;

/** `count` ports free now, all different: each is held until all are found. */
export async function freePorts(count: number) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const s = createServer();
          s.once("error", reject);
          s.listen(0, "127.0.0.1", () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => {
    const address = s.address();
    return typeof address === "object" && address ? address.port : 0;
  });
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export const freePort = async () => (await freePorts(1))[0];

const DEMO_PASSWORD = "e2e-demo-password";

/** A copy of the seeded demo county (the `demoCounty` the setup provides) in a new directory under `dir`, for DATA_DIR. */
export function copyDemoCounty(template: string, dir: string) {
  const dataDir = join(dir, "pglite");
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

/**
 * The built app on `port`, on a copy of `template` (a data directory it has seeded before), or on an
 * empty directory, where it seeds the demo county as `npm start` does. `stop` takes its directory away
 * unless asked to keep it.
 */
async function startApp(port: number, template?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), "marketplace-e2e-"));
  const pglite = template ? copyDemoCounty(template, dataDir) : join(dataDir, "pglite");
  const child: ChildProcess = spawn(process.execPath, [...START_COMMAND.args], {
    env: {
      ...process.env,
      ...START_COMMAND.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: pglite,
      DATABASE_URL: undefined,
      DEMO: "true",
      DEMO_PASSWORD,
      RESEND_API_KEY: undefined,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = async ({ keep = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  };
  let output = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The app did not start in time:\n${output}`)), 110_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("is running at")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`The app exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  child.removeAllListeners("exit");
  return { url: `http://127.0.0.1:${port}`, stop, dataDir, pglite };
}

/**
 * Seeding the demo county costs an app about ten seconds of work, so one app seeds it and stops, and
 * each app of the run (one per worker, and those a test starts for itself) starts on a copy of its
 * data directory, where it finds the county as `npm start` does on its second run.
 */
async function seedDemoCounty() {
  const seeder = await startApp(await freePort());
  await seeder.stop({ keep: true });
  return { template: seeder.pglite, remove: () => rmSync(seeder.dataDir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject) {
  const county = await seedDemoCounty();
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
