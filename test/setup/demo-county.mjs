// The demo county for the browser tests, seeded once by the built app (`npm run build` first) into a data
// directory that each app of the run starts on a copy of (test/setup/app-server.ts). `npm test` seeds it while
// the integration tests run, so the browser tests start without waiting for it:
//   node test/setup/demo-county.mjs <directory>
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startBuiltServer } from "./built-server.mjs";

/** The demo people's password in the browser tests. */
export const DEMO_PASSWORD = "e2e-demo-password";

/** Where, inside a directory given to `seedDemoCounty`, the seeded data directory is. */
export const seededDataDir = (/** @type {string} */ dir) => join(dir, "pglite");

/**
 * The built app with the demo county in `dataDir`, on `port` or a free one: it seeds the county there when the
 * directory is empty, as `npm start` does, and finds it on a later start.
 * @param {string} dataDir
 * @param {number} [port]
 */
export const startDemoApp = (dataDir, port) => startBuiltServer({ DATA_DIR: dataDir, DEMO: "true", DEMO_PASSWORD }, { port });

/**
 * Seeds the demo county into a new data directory under `dir` (`seededDataDir`): one app starts on it, seeds
 * it and stops. Seeding costs an app about ten seconds of work; an app starting on a copy finds it done.
 * @param {string} dir
 * @returns {Promise<string>} the seeded data directory
 */
export async function seedDemoCounty(dir) {
  const dataDir = seededDataDir(dir);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await (await startDemoApp(dataDir)).stop();
  return dataDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) throw new Error("Usage: node test/setup/demo-county.mjs <directory>");
  console.log(`The demo county is seeded in ${await seedDemoCounty(dir)}`);
}
