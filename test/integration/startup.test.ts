import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { parseEnv } from "~/env.server";
import { prepareDatabase, startupMessage } from "~/startup.server";
import { countRows } from "../factories/demo";
import { createTestDatabase } from "../setup/database";
import { testEnv } from "../setup/context";

const TODAY = new Date("2026-03-16T09:00:00Z");

describe("start-up", () => {
  it("is a demo only when asked for: DEMO=true, or DEMO=local on the embedded database over plain http", () => {
    expect(parseEnv({}).DEMO).toBe(false);
    expect(parseEnv({ APP_URL: "https://marketplace.example.gov.uk" }).DEMO).toBe(false);
    expect(parseEnv({ DATABASE_URL: "postgres://db.example/marketplace" }).DEMO).toBe(false);
    expect(parseEnv({ DEMO: "local" })).toMatchObject({ DEMO: true, DEMO_EXPLICIT: false, DEMO_LOCAL_REFUSED: false });
    expect(parseEnv({ DEMO: "local", APP_URL: "https://marketplace.example.gov.uk" })).toMatchObject({ DEMO: false, DEMO_LOCAL_REFUSED: true });
    expect(parseEnv({ DEMO: "local", DATABASE_URL: "postgres://db.example/marketplace" })).toMatchObject({ DEMO: false, DEMO_LOCAL_REFUSED: true });
    expect(parseEnv({ DATABASE_URL: "postgres://db.example/marketplace", DEMO: "true" })).toMatchObject({ DEMO: true, DEMO_EXPLICIT: true });
    expect(parseEnv({ APP_URL: "https://demo.example.org", DEMO: "true" })).toMatchObject({ DEMO: true, DEMO_EXPLICIT: true });
    expect(() => parseEnv({ DEMO: "maybe" })).toThrow("DEMO: must be true, false or local");
  });

  it("says why there is no demo when DEMO=local does not apply", async () => {
    const handle = await createTestDatabase();
    try {
      const startup = await prepareDatabase(handle.db, testEnv({ DEMO: "local", APP_URL: "https://marketplace.example.gov.uk" }), TODAY);
      expect(startup).toEqual({ kind: "empty", demoRefused: true });
      expect(startupMessage(startup)).toContain("Set DEMO=true to run a demo here on purpose.");
      expect(await countRows(handle.db)).toMatchObject({ users: 0 });
    } finally {
      await handle.close();
    }
  });

  describe("in production, on an empty database", () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await createTestDatabase();
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("seeds nothing and says how to create the first authority", async () => {
      const env = testEnv({ DATABASE_URL: "postgres://db.example/marketplace" });
      expect(env.DEMO).toBe(false);
      const startup = await prepareDatabase(handle.db, env, TODAY);
      expect(startup).toEqual({ kind: "empty" });
      expect(await countRows(handle.db)).toEqual({ authorities: 0, organisations: 0, users: 0, memberships: 0, authTokens: 0, auditLog: 0 });
      const message = startupMessage(startup)!;
      expect(message).toContain("npm run authority:create -- --name");
      expect(message).not.toContain("DEMO_PASSWORD");
    });
  });

  describe("in demo mode", () => {
    let handle: DatabaseHandle;
    const env = testEnv({ DEMO: "true", DEMO_PASSWORD: "start-up-test-password" });
    beforeAll(async () => {
      handle = await createTestDatabase();
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("seeds the demo county on the first start, prints the sign-ins, and only once", async () => {
      const first = await prepareDatabase(handle.db, env, TODAY);
      expect(first).toMatchObject({ kind: "demo", seeded: true });
      const counts = await countRows(handle.db);
      expect(counts.authorities).toBe(2);

      const message = startupMessage(first)!;
      expect(message).toContain("Arden County Council");
      expect(message).toContain("Glan Teifi County Council");
      expect(message).toMatch(/local authority administrator\s+Priya Shah\s+Arden County Council School Improvement\s+la\.admin@arden\.demo/);
      expect(message).toContain("Password: the value of DEMO_PASSWORD, default demo-county-2026");
      expect(message).not.toContain("start-up-test-password");
      expect(message).not.toMatch(/head\.\d+@/);

      const again = await prepareDatabase(handle.db, env, TODAY);
      expect(again).toMatchObject({ kind: "demo", seeded: false });
      if (again.kind === "demo" && first.kind === "demo") expect(again.signIns).toEqual(first.signIns);
      expect(await countRows(handle.db)).toEqual(counts);
    });

    it("leaves a database that is not empty alone in production too", async () => {
      const startup = await prepareDatabase(handle.db, testEnv({ DATABASE_URL: "postgres://db.example/marketplace" }), TODAY);
      expect(startup).toEqual({ kind: "ready" });
      expect(startupMessage(startup)).toBeNull();
    });
  });
});
