// The real server, started as in production: health checks, and a graceful stop on SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, START_COMMAND } from "../setup/app-server";

describe("the server in production mode", () => {
  let child: ChildProcess;
  let output = "";
  let base: string;
  let dataDir: string;
  let exited: Promise<number | null>;

  const waitForOutput = (text: string, timeout = 60_000) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(text)) return resolve();
      const timer = setTimeout(() => reject(new Error(`No "${text}" in:\n${output}`)), timeout);
      const listener = () => {
        if (output.includes(text)) {
          clearTimeout(timer);
          child.stdout!.off("data", listener);
          resolve();
        }
      };
      child.stdout!.on("data", listener);
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "marketplace-lifecycle-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // As `npm start` runs it, plus a preload that reports, at exit, what the process loaded.
    child = spawn(process.execPath, ["--import", "./test/setup/runtime-report.mjs", ...START_COMMAND.args], {
      env: {
        ...process.env,
        ...START_COMMAND.env,
        NODE_OPTIONS: undefined,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: join(dataDir, "pglite"),
        DATABASE_URL: undefined,
        DEMO: "false",
        RESEND_API_KEY: undefined,
        OUTBOX_INTERVAL_MS: "100",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    await waitForOutput("is running at", 110_000);
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reports itself alive and ready", async () => {
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, "ok"]);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, "ready"]);
  });

  it("on SIGTERM finishes the request in flight, takes no new ones, and exits 0", async () => {
    const body = "email=&password=";
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        `${base}/sign-in`,
        {
          method: "POST",
          agent: false,
          headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Connection: "close" },
        },
        (res: IncomingMessage) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      // Half the body now: the request is in flight, waiting for the rest.
      req.write(body.slice(0, 6));
      setTimeout(() => {
        child.kill("SIGTERM");
        waitForOutput("SIGTERM received")
          .then(async () => {
            await expect(fetch(`${base}/healthz`)).rejects.toThrow();
            req.end(body.slice(6));
          })
          .catch(reject);
      }, 200);
    });
    const { status, text } = await answer;
    expect(status).toBe(400);
    expect(text).toContain("Enter an email address");
    expect(await exited).toBe(0);
  });

  it("ran the built JavaScript with React's production build and no TypeScript loader", async () => {
    await exited;
    const line = output.split("\n").find((l) => l.startsWith("runtime-report "));
    expect(line, output).toBeDefined();
    const report = JSON.parse(line!.slice("runtime-report ".length)) as {
      nodeEnv: string;
      argv: string[];
      execArgv: string[];
      nodeOptions: string;
      modules: string[];
    };
    expect(report.nodeEnv).toBe("production");
    expect(report.argv[0]).toMatch(/build\/start\.js$/);
    const reactDomServer = report.modules.filter((m) => m.includes("react-dom/cjs/react-dom-server"));
    expect(reactDomServer.length).toBeGreaterThan(0);
    expect(reactDomServer.every((m) => m.includes(".production."))).toBe(true);
    expect(report.modules.filter((m) => m.includes(".development."))).toEqual([]);
    expect([...report.execArgv, report.nodeOptions, ...report.modules].filter((m) => m.includes("tsx"))).toEqual([]);
  });
});
