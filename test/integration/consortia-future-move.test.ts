import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/user.server";
import { moveSchool } from "~/domain/consortia/move-school.server";
import { impactOfConsortium } from "~/domain/delivery/queries.server";
import { recordImpact } from "~/domain/delivery/record-impact.server";
import { submitEvaluation } from "~/domain/delivery/submit-evaluation.server";
import { loadDirectoryOrganisation } from "~/domain/directory/load-organisation.server";
import { financialYearOf } from "~/domain/funding/rules";
import { mouTasks } from "~/domain/mou/home-tasks.server";
import { publishMou } from "~/domain/mou/publish-mou.server";
import { purchasingTasks } from "~/domain/purchasing/home-tasks.server";
import { loadPurchaseContext } from "~/domain/purchasing/place-order.server";
import { currentConsortiaOf, findCollectivePurchase } from "~/domain/purchasing/queries.server";
import { londonIsoDate } from "~/format";
import { openCollective } from "../factories/collective";
import { createConsortium } from "../factories/ledger";
import { createDeliveryWorld, createOrder, type DeliveryWorld } from "../factories/delivery";
import { actorFor } from "../factories/purchasing";
import { createMember } from "../factories/tenancy";
import { useTestDatabase } from "../factories/database";

const DAY = 86_400_000;

describe("a move recorded for a later day takes effect on that day, not before", () => {
  const db = useTestDatabase();
  let world: DeliveryWorld;
  let admin: Awaited<ReturnType<typeof createMember>>;
  let second: { id: string };
  let purchaseId: string;
  const now = new Date();
  const moveOn = londonIsoDate(new Date(now.getTime() + 10 * DAY));
  const afterMove = new Date(now.getTime() + 11 * DAY);

  beforeAll(async () => {
    world = await createDeliveryWorld(db(), { schools: 2 });
    second = await createConsortium(db(), world.authority.id);
    admin = await createMember(db(), world.office, "la_admin");
    const purchase = await openCollective(db(), world, { closesAt: new Date(now.getTime() + 30 * DAY), minSchools: 1, message: "Together", now });
    purchaseId = purchase.id;
    await moveSchool(db(), {
      actor: await actorFor(db(), admin, world.authority.id),
      authorityId: world.authority.id,
      schoolId: world.members[0].school.id,
      toConsortiumId: second.id,
      on: moveOn,
    });
  });

  const school = () => world.members[0].school;
  const head = () => world.members[0].head;
  const headActing = async () =>
    ({
      ...(await actorFor(db(), head(), world.authority.id)),
      acting: {
        organisationId: school().id,
        organisationName: school().name,
        organisationKind: "school",
        authorityId: world.authority.id,
        authorityName: "",
      },
    }) as unknown as CurrentUser;

  it("buys as a school of its old consortium until the day it moves", async () => {
    const context = async (at: Date) =>
      loadPurchaseContext(db(), {
        actor: await actorFor(db(), head(), world.authority.id),
        authorityId: world.authority.id,
        schoolId: school().id,
        offerId: world.offer.id,
        now: at,
      });
    expect((await context(now)).school.consortiumId).toBe(world.consortium.id);
    expect((await context(afterMove)).school.consortiumId).toBe(second.id);
  });

  it("counts the school in its old consortium's collective purchases until the day it moves", async () => {
    expect(await currentConsortiaOf(db(), [school().id], now)).toEqual([{ schoolId: school().id, consortiumId: world.consortium.id }]);
    expect(await currentConsortiaOf(db(), [school().id], afterMove)).toEqual([{ schoolId: school().id, consortiumId: second.id }]);

    const invited = async (at: Date) => (await findCollectivePurchase(db(), world.authority.id, purchaseId, at))!.notAnswered.map((m) => m.schoolId);
    expect(await invited(now)).toContain(school().id);
    expect(await invited(afterMove)).not.toContain(school().id);
    expect(await invited(afterMove)).toContain(world.members[1].school.id);

    const user = await headActing();
    const toAnswer = async (at: Date) => (await purchasingTasks(db(), user, at)).find((t) => t.href === "/collective-purchases")?.count;
    expect(await toAnswer(now)).toBe(1);
    expect(await toAnswer(afterMove)).toBeUndefined();
  });

  it("lists the school in its old consortium in the directory until the day it moves", async () => {
    const actor = await actorFor(db(), world.finance, world.authority.id);
    const consortiumOn = async (at: Date) =>
      (await loadDirectoryOrganisation(db(), { actor, authorityId: world.authority.id, organisationId: school().id, now: at })).school?.consortium?.id;
    expect(await consortiumOn(now)).toBe(world.consortium.id);
    expect(await consortiumOn(afterMove)).toBe(second.id);
  });

  it("asks the head to sign its old consortium's memorandum until the day it moves", async () => {
    const actor = await actorFor(db(), admin, world.authority.id);
    // The memoranda of the year of each day asked about (the move may fall in the next financial year).
    for (const financialYear of new Set([now, afterMove].map((at) => financialYearOf(londonIsoDate(at)))))
      for (const consortiumId of [world.consortium.id, second.id])
        await publishMou(db(), { actor, authorityId: world.authority.id, consortiumId, financialYear, title: "MOU", body: "We work together." });
    const user = await headActing();
    const signFor = async (at: Date) => (await mouTasks(db(), user, at)).map((t) => t.href.split("/")[2]);
    expect(await signFor(now)).toEqual([world.consortium.id]);
    expect(await signFor(afterMove)).toEqual([second.id]);
  });

  it("shows the school's impact with its old consortium until the day it moves", async () => {
    const order = await createOrder(db(), world, 0, { status: "delivered", deliveredAt: new Date() });
    const actor = await world.actor(head());
    await submitEvaluation(db(), {
      actor,
      authorityId: world.authority.id,
      orderId: order.id,
      evaluation: { priorities: "Phonics", comments: "", quality: 4, impact: 3, valueForMoney: 4, wouldRecommend: true },
      appUrl: "http://localhost:3000",
    });
    await recordImpact(db(), {
      actor,
      authorityId: world.authority.id,
      orderId: order.id,
      impact: { outcome: "Phonics check", measure: "Pupils at the expected standard", baseline: "62%", followUp: "74%" },
    });
    const schoolsIn = async (consortiumId: string, at: Date) =>
      (await impactOfConsortium(db(), { authorityId: world.authority.id, consortiumId, now: at })).map((i) => i.schoolId);
    expect(await schoolsIn(world.consortium.id, now)).toContain(school().id);
    expect(await schoolsIn(second.id, now)).not.toContain(school().id);
    expect(await schoolsIn(world.consortium.id, afterMove)).not.toContain(school().id);
    expect(await schoolsIn(second.id, afterMove)).toContain(school().id);
  });
});
