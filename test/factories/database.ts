import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { createTestDatabase } from "../setup/database";

/**
 * For a describe block (or a file): a test database of its own, opened before its tests and closed
 * after them. Returns a getter, as the database exists only once the block has started.
 */
export function useTestDatabase() {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("The test database opens in beforeAll: read it inside a hook or a test");
    return handle.db;
  };
}
