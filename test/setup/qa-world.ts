import { beforeAll } from "vitest";
import { useTestDatabase } from "../factories/database";
import { createQaWorld, type QaWorld } from "../factories/quality";

/** For a describe block: a test database of its own with a QA world in it, each read through a getter once the block has started. */
export function useQaWorld() {
  const db = useTestDatabase();
  let world: QaWorld;
  beforeAll(async () => {
    world = await createQaWorld(db());
  });
  return { db, world: () => world };
}
