// An operator on the database's own machine names its unix socket in DATABASE_URL (`?host=<directory>`):
// the app connects through it, and comes up on it.
import { connectPostgres } from "#db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltServer, type BuiltServer } from "../setup/built-server.mjs";
import { freshPostgres } from "../setup/postgres";

describe("PostgreSQL through its unix socket", () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let socketUrl: string;
  let server: BuiltServer | undefined;

  beforeAll(async () => {
    database = await freshPostgres("mkt_socket");
    const tcp = connectPostgres(database.url, { max: 1 });
    try {
      const [{ unix_socket_directories: directories }] = await tcp<{ unix_socket_directories: string }[]>`show unix_socket_directories`;
      const url = new URL(database.url);
      url.searchParams.set("host", directories.split(",")[0].trim());
      socketUrl = url.toString();
    } finally {
      await tcp.end();
    }
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("is reached without TCP, on the same database", async () => {
    const viaSocket = connectPostgres(socketUrl, { max: 1 });
    const viaTcp = connectPostgres(database.url, { max: 1 });
    try {
      const [socket] = await viaSocket<{ address: string | null; db: string }[]>`select inet_server_addr()::text as address, current_database() as db`;
      const [tcp] = await viaTcp<{ address: string | null; db: string }[]>`select inet_server_addr()::text as address, current_database() as db`;
      expect(socket).toEqual({ address: null, db: tcp.db });
      expect(tcp.address).not.toBeNull();
    } finally {
      await Promise.all([viaSocket.end(), viaTcp.end()]);
    }
  });

  it("carries the app: it migrates and answers on it", async () => {
    server = await startBuiltServer({ DATABASE_URL: socketUrl, DEMO: "false", WEB_CONCURRENCY: "1" });
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, "ready"]);
  });
});
