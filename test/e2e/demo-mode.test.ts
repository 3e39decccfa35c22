// The built app started as `npm start` starts it (DEMO=local), reached from this machine and from
// another address of the same host, which the app cannot tell from another machine.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyDemoCounty, freePort, START_COMMAND } from "../setup/app-server";
import { baseUrl } from "./browser";

const BANNER = "This is a demonstration.";

/** An IPv4 address of this host that is not loopback: requests to it arrive from that address. */
function outsideAddress() {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal);
  if (!found) throw new Error("This host has no non-loopback IPv4 address to test from");
  return found.address;
}

describe("demo mode as npm start sets it (DEMO=local)", () => {
  let child: ChildProcess;
  let output = "";
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "marketplace-demo-local-"));
    port = await freePort();
    child = spawn(process.execPath, [...START_COMMAND.args], {
      env: {
        ...process.env,
        ...START_COMMAND.env,
        PORT: String(port),
        HOST: "0.0.0.0",
        APP_URL: `http://127.0.0.1:${port}`,
        // The demo county as the run's other apps start with it (test/setup/app-server.ts): seeding it again would
        // cost this file ten seconds and test nothing more.
        DATA_DIR: copyDemoCounty(inject("demoCounty"), dataDir),
        DATABASE_URL: undefined,
        DEMO: "local",
        TRUST_PROXY: "false",
        RESEND_API_KEY: undefined,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The app did not start in time:\n${output}`)), 150_000);
      const check = setInterval(() => {
        // The start-up message follows the address; wait for its last line.
        if (output.includes("is running at") && output.includes("/dev/mailbox")) {
          clearTimeout(timer);
          clearInterval(check);
          resolve();
        }
      }, 100);
      child.once("exit", (code) => reject(new Error(`The app exited with ${code}:\n${output}`)));
    });
  }, 160_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("says at start that the mailbox answers only this machine", () => {
    expect(output).toContain("Demo mode");
    expect(output).toContain("The local mailbox at /dev/mailbox answers only this machine.");
  });

  it("shows the mailbox to this machine and answers 404 to another address", async () => {
    const local = await fetch(`http://127.0.0.1:${port}/dev/mailbox`);
    expect(local.status).toBe(200);
    const firstEmail = (await local.text()).match(/\/dev\/mailbox\/([0-9a-f-]{36})/)?.[1];
    const outside = `http://${outsideAddress()}:${port}`;
    const remote = await fetch(`${outside}/dev/mailbox`);
    expect(remote.status).toBe(404);
    expect(await remote.text()).not.toContain("/reset-password/");
    if (firstEmail) expect((await fetch(`${outside}/dev/mailbox/${firstEmail}`)).status).toBe(404);
    // The rest of the app still answers there.
    expect((await fetch(`${outside}/sign-in`)).status).toBe(200);
  });

  it("says on every page that it is a demonstration", async () => {
    for (const path of ["/sign-in", "/forgot-password", "/no-such-page"]) {
      const html = await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
      expect({ path, banner: html.includes(BANNER) }).toEqual({ path, banner: true });
    }
  });
});

describe("demo mode asked for with DEMO=true", () => {
  it("carries the banner too", async () => {
    const html = await (await fetch(new URL("/sign-in", baseUrl()))).text();
    expect(html).toContain(BANNER);
  });
});
