// The demo county for the browser tests, seeded once by the built app (`npm run build` first) into a data
// directory that each app of the run starts on a copy of (test/setup/app-server.ts). `npm test` seeds it while
// the integration tests run, so the browser tests start without waiting for it:
//   node test/setup/demo-county.mjs <directory>
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** How `npm start` runs the built server (after `npm run build`): plain node, production builds. */
export const START_COMMAND = /** @type {const} */ ({ args: ["build/start.js"], env: { NODE_ENV: "production" } });

/** The demo people's password in the browser tests. */
export const DEMO_PASSWORD = "e2e-demo-password";

/** Where, inside a directory given to `seedDemoCounty`, the seeded data directory is. */
export const seededDataDir = (/** @type {string} */ dir) => join(dir, "pglite");

/**
 * `count` ports free now, all different: each is held until all are found.
 * @param {number} count
 * @returns {Promise<number[]>}
 */
export async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        /** @type {Promise<import("node:net").Server>} */ (
          new Promise((resolve, reject) => {
            const s = createServer();
            s.once("error", reject);
            s.listen(0, "127.0.0.1", () => resolve(s));
          })
        ),
    ),
  );
  const ports = servers.map((s) => {
    const address = s.address();
    return typeof address === "object" && address ? address.port : 0;
  });
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/**
 * The built app on `port` with the demo county in `dataDir`: it seeds the county there when the directory is
 * empty, as `npm start` does, and finds it on a later start. Resolves once it prints its address.
 * @param {number} port
 * @param {string} dataDir
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startDemoApp(port, dataDir) {
  const child = spawn(process.execPath, [...START_COMMAND.args], {
    env: {
      ...process.env,
      ...START_COMMAND.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      DEMO: "true",
      DEMO_PASSWORD,
      RESEND_API_KEY: undefined,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  };
  let output = "";
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The app did not start in time:\n${output}`)), 110_000);
      const onData = (/** @type {Buffer} */ chunk) => {
        output += chunk.toString();
        if (output.includes("is running at")) {
          clearTimeout(timer);
          resolve(undefined);
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
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
  return { url: `http://127.0.0.1:${port}`, stop };
}

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
  const app = await startDemoApp((await freePorts(1))[0], dataDir);
  await app.stop();
  return dataDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) throw new Error("Usage: node test/setup/demo-county.mjs <directory>");
  console.log(`The demo county is seeded in ${await seedDemoCounty(dir)}`);
}
