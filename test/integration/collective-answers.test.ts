// The lead's table of answers lists every invited school, answered or not.
import { describe, expect, it } from "vitest";
import { answerCollectivePurchase } from "~/domain/purchasing/answer-collective-purchase.server";
import { findCollectivePurchase } from "~/domain/purchasing/queries.server";
import { openCollective } from "../factories/collective";
import { actorFor, createPurchasingWorld } from "../factories/purchasing";
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
    await answerCollectivePurchase(db(), {
      actor: await actorFor(db(), first.head, world.authority.id),
      authorityId: world.authority.id,
      collectivePurchaseId: purchase.id,
      schoolId: first.school.id,
      answer: "decline",
    });
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
