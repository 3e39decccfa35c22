// The lead's table of answers lists every invited school, answered or not.
import { describe, expect, it } from "vitest";
import { findCollectivePurchase } from "~/domain/purchasing/queries.server";
import { openCollective, schoolLeaves } from "../factories/collective";
import { createPurchasingWorld } from "../factories/purchasing";
import { useTestDatabase } from "../factories/database";

describe("a collective purchase's answers", () => {
  const db = useTestDatabase();

  it("name the invited schools that have not answered, until they do", async () => {
    const world = await createPurchasingWorld(db(), { schools: 3 });
    const purchase = await openCollective(db(), world, { closesAt: new Date(Date.now() + 14 * 86_400_000), minSchools: 2 });
    const before = await findCollectivePurchase(db(), world.authority.id, purchase.id);
    expect(before!.answers).toEqual([]);
    expect(before!.notAnswered.map((s) => s.schoolId).sort()).toEqual(world.members.map((m) => m.school.id).sort());

    const [first] = world.members;
    await schoolLeaves(db(), world, purchase.id, first, "decline");
    const after = await findCollectivePurchase(db(), world.authority.id, purchase.id);
    expect(after!.answers.map((a) => [a.schoolId, a.status])).toEqual([[first.school.id, "declined"]]);
    expect(after!.notAnswered.map((s) => s.schoolId).sort()).toEqual(
      world.members
        .slice(1)
        .map((m) => m.school.id)
        .sort(),
    );
    // Another authority asking finds nothing.
    expect(await findCollectivePurchase(db(), (await createPurchasingWorld(db(), { schools: 1 })).authority.id, purchase.id)).toBeNull();
  });
});
