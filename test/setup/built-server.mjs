// Starts the built app (`npm run build` first) as `npm start` does, in a child process of the test.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

/** How `npm start` runs the built server (after `npm run build`): plain node, production builds. */
export const START_COMMAND = /** @type {const} */ ({ args: ["build/start.js"], env: { NODE_ENV: "production" } });

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
 * @typedef {object} BuiltServer
 * @property {string} url
 * @property {import("node:child_process").ChildProcess} child
 * @property {() => string} output everything it printed so far, stdout and stderr
 * @property {Promise<number | null>} exited
 * @property {() => Promise<number | null>} stop
 */

/**
 * The built app on `port` (a free one unless given) with `env` over the test's own environment. Resolves once
 * it prints its address, and `until` when given (a later line of its start-up message); rejects with its output
 * if it exits or takes too long.
 * @param {Record<string, string | undefined>} env
 * @param {{ timeout?: number, port?: number, until?: string }} [options]
 * @returns {Promise<BuiltServer>}
 */
export async function startBuiltServer(env, { timeout = 110_000, port, until = "is running at" } = {}) {
  const listenOn = port ?? (await freePorts(1))[0];
  const child = spawn(process.execPath, [...START_COMMAND.args], {
    env: {
      ...process.env,
      ...START_COMMAND.env,
      NODE_OPTIONS: undefined,
      HOST: "127.0.0.1",
      PORT: String(listenOn),
      DATABASE_URL: undefined,
      RESEND_API_KEY: undefined,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
  child.stderr?.on("data", (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    return exited;
  };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The app did not start in time:\n${output}`)), timeout);
      const poll = setInterval(() => {
        if (output.includes("is running at") && output.includes(until)) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve(undefined);
        }
      }, 50);
      void exited.then((code) => {
        clearTimeout(timer);
        clearInterval(poll);
        reject(new Error(`The app exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${listenOn}`, child, output: () => output, exited, stop };
}
