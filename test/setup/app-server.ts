// Starts the built app once for the browser tests, on its own empty embedded database with the demo county.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { seedSignInFixture } from "./identity-fixture";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "marketplace-e2e-"));
  const port = await freePort();
  const demoPassword = "e2e-demo-password";
  await seedSignInFixture(join(dataDir, "pglite"), demoPassword);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: join(dataDir, "pglite"),
      DATABASE_URL: undefined,
      DEMO: "true",
      DEMO_PASSWORD: demoPassword,
      OUTBOX_INTERVAL_MS: "100",
      RESEND_API_KEY: undefined,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
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
  child.removeAllListeners("exit");
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  project.provide("demoPassword", demoPassword);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
