// The lead's table of answers lists every invited school, answered or not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { answerCollectivePurchase } from "~/domain/purchasing/answer-collective-purchase.server";
import { findCollectivePurchase } from "~/domain/purchasing/queries.server";
import { openCollective } from "../factories/collective";
import { actorFor, createPurchasingWorld } from "../factories/purchasing";
import { createTestDatabase } from "../setup/database";

describe("a collective purchase's answers", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("name the invited schools that have not answered, until they do", async () => {
    const db = handle.db;
    const world = await createPurchasingWorld(db, { schools: 3 });
    const purchase = await openCollective(db, world, { closesAt: new Date(Date.now() + 14 * 86_400_000), minSchools: 2 });
    const before = await findCollectivePurchase(db, world.authority.id, purchase.id);
    expect(before!.answers).toEqual([]);
    expect(before!.notAnswered.map((s) => s.schoolId).sort()).toEqual(world.members.map((m) => m.school.id).sort());

    const [first] = world.members;
    await answerCollectivePurchase(db, {
      actor: await actorFor(db, first.head, world.authority.id),
      authorityId: world.authority.id,
      collectivePurchaseId: purchase.id,
      schoolId: first.school.id,
      answer: "decline",
    });
    const after = await findCollectivePurchase(db, world.authority.id, purchase.id);
    expect(after!.answers.map((a) => [a.schoolId, a.status])).toEqual([[first.school.id, "declined"]]);
    expect(after!.notAnswered.map((s) => s.schoolId).sort()).toEqual(
      world.members
        .slice(1)
        .map((m) => m.school.id)
        .sort(),
    );
    // Another authority asking finds nothing.
    expect(await findCollectivePurchase(db, (await createPurchasingWorld(db, { schools: 1 })).authority.id, purchase.id)).toBeNull();
  });
});
