// The built app started as `npm start` starts it (DEMO=local), reached from this machine and from
// another address of the same host, which the app cannot tell from another machine.
import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyDemoCounty, freePort } from "../setup/app-server";
import { startBuiltServer, type BuiltServer } from "../setup/built-server.mjs";
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
  let app: BuiltServer;
  let output = "";
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "marketplace-demo-local-"));
    port = await freePort();
    app = await startBuiltServer(
      {
        HOST: "0.0.0.0",
        APP_URL: `http://127.0.0.1:${port}`,
        // The demo county as the run's other apps start with it (test/setup/app-server.ts): seeding it again would
        // cost this file ten seconds and test nothing more.
        DATA_DIR: copyDemoCounty(inject("demoCounty"), dataDir),
        DEMO: "local",
        TRUST_PROXY: "false",
      },
      // The start-up message follows the address; wait for its last line.
      { port, timeout: 150_000, until: "/dev/mailbox" },
    );
    output = app.output();
  }, 160_000);
  afterAll(async () => {
    await app?.stop();
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
