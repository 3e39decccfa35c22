import { describe, expect, it } from "vitest";
import { postgresTarget } from "#db/client";

describe("where a PostgreSQL URL leads", () => {
  it("is the URL as given when it names a host and port", () => {
    for (const url of [
      "postgres://app@db.internal:6432/marketplace",
      "postgres://app@localhost/marketplace?application_name=web",
      "postgres://app@localhost/db?host=db2",
    ]) {
      expect(postgresTarget(url)).toEqual({ url });
    }
  });

  it("is the unix socket in the directory that `host` names, as libpq reads it, with the server's own parameters kept", () => {
    expect(postgresTarget("postgres://app@localhost/marketplace?host=/var/run/postgresql")).toEqual({
      url: "postgres://app@localhost/marketplace",
      path: "/var/run/postgresql/.s.PGSQL.5432",
    });
    expect(postgresTarget("postgres://app:secret@localhost:5433/db?application_name=web&host=%2Ftmp%2F")).toEqual({
      url: "postgres://app:secret@localhost:5433/db?application_name=web",
      path: "/tmp/.s.PGSQL.5433",
    });
  });
});
