import { describe, expect, it } from "vitest";
import { workerCount } from "~/server";

const PG = "postgres://app@db/marketplace";

describe("how many server processes run", () => {
  it("is one per CPU in production on PostgreSQL, unless WEB_CONCURRENCY says otherwise", () => {
    expect(workerCount({ DATABASE_URL: PG, NODE_ENV: "production", WEB_CONCURRENCY: undefined }, 4)).toBe(4);
    expect(workerCount({ DATABASE_URL: PG, NODE_ENV: "production", WEB_CONCURRENCY: 3 }, 4)).toBe(3);
    expect(workerCount({ DATABASE_URL: PG, NODE_ENV: "development", WEB_CONCURRENCY: undefined }, 4)).toBe(1);
  });

  it("is always one on the embedded database, which one process owns", () => {
    expect(workerCount({ DATABASE_URL: undefined, NODE_ENV: "production", WEB_CONCURRENCY: 4 }, 4)).toBe(1);
  });
});
