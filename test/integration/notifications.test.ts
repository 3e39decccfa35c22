import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { commissionOffer, publishNeed, respondToNeed } from "~/domain/commissioning/needs.server";
import { decidePotRequest } from "~/domain/purchasing/decide-pot-request.server";
import { actorFor, createOfferOnSale, createPurchasingWorld, type PurchasingWorld, schoolBuys } from "../factories/purchasing";
import { addMembership, createMember, createProvider, createUser } from "../factories/tenancy";
import { useTestDatabase } from "../factories/database";

const APP = "http://localhost:3000";

describe("people are told", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  const emails = async (topic: string) => db().select().from(schema.outbox).where(eq(schema.outbox.topic, topic));
  const to = async (topic: string) => (await emails(topic)).map((e) => e.recipient).sort();

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 2 });
  });

  it("a solo purchase: the school and the provider, with a link to the order", async () => {
    const head = world.members[0].head;
    const { order } = await schoolBuys(db(), world, world.members[0], { idempotencyKey: "notify-solo" });
    const sent = await emails("order-placed");
    expect(sent.map((e) => [e.recipient, (e.payload as { audience: string }).audience]).sort()).toEqual(
      [
        [head.email, "school"],
        [world.providerAdmin.email, "provider"],
      ].sort(),
    );
    expect(sent[0].payload).toMatchObject({ url: `${APP}/purchases/${order.id}`, amountPence: 108_000, paymentRoute: "invoice" });
    expect(sent.every((e) => e.authorityId === world.authority.id)).toBe(true);
    // A replayed form tells nobody twice.
    await schoolBuys(db(), world, world.members[0], { idempotencyKey: "notify-solo" });
    expect(await emails("order-placed")).toHaveLength(2);
  });

  it("a pot request: the lead; its decision: the school", async () => {
    const member = world.members[1];
    const first = await schoolBuys(db(), world, member, { paymentRoute: "consortium_pot", idempotencyKey: "notify-pot-1" });
    expect(await to("pot-request")).toEqual([world.lead.email]);
    expect((await emails("pot-request"))[0].payload).toMatchObject({
      schoolName: member.school.name,
      amountPence: 90_000,
      url: `${APP}/consortia/${world.consortium.id}`,
    });
    expect(await to("pot-decision")).toEqual([]);

    const lead = await actorFor(db(), world.lead, world.authority.id);
    await decidePotRequest(db(), { appUrl: APP, actor: lead, authorityId: world.authority.id, orderId: first.order.id, decision: "approve" });
    const second = await schoolBuys(db(), world, member, { paymentRoute: "consortium_pot", idempotencyKey: "notify-pot-2" });
    await decidePotRequest(db(), { appUrl: APP, actor: lead, authorityId: world.authority.id, orderId: second.order.id, decision: "refuse" });
    const decisions = await emails("pot-decision");
    expect(decisions.map((e) => [e.recipient, (e.payload as { decision: string }).decision]).sort()).toEqual([
      [member.head.email, "approved"],
      [member.head.email, "refused"],
    ]);
  });

  it("a call for offers: providers with an offer in its subject area; its decision: every provider that answered", async () => {
    const commissionerUser = await createUser(db());
    await addMembership(db(), {
      userId: commissionerUser.id,
      organisationId: world.office.id,
      authorityId: world.authority.id,
      role: "commissioner",
      subjectAreas: [],
    });
    const commissioner = await actorFor(db(), commissionerUser, world.authority.id);
    const rival = await createProvider(db(), world.authority.id);
    const rivalAdmin = await createMember(db(), rival, "provider_admin");
    const rivalOffer = await createOfferOnSale(db(), { authorityId: world.authority.id, providerId: rival.id });
    for (const offerId of [world.offer.id, rivalOffer.id])
      await db()
        .update(schema.offerRevisions)
        .set({ subjectAreas: ["literacy"] })
        .where(eq(schema.offerRevisions.offerId, offerId));
    // A provider whose offers are in other areas hears nothing.
    const elsewhere = await createProvider(db(), world.authority.id);
    await createMember(db(), elsewhere, "provider_admin");
    const elsewhereOffer = await createOfferOnSale(db(), { authorityId: world.authority.id, providerId: elsewhere.id });
    await db()
      .update(schema.offerRevisions)
      .set({ subjectAreas: ["numeracy"] })
      .where(eq(schema.offerRevisions.offerId, elsewhereOffer.id));

    const need = await publishNeed(db(), {
      appUrl: APP,
      actor: commissioner,
      authorityId: world.authority.id,
      input: {
        subjectArea: "literacy",
        phases: ["primary"],
        title: "Writing in Key Stage 2",
        description: "Raise writing attainment",
        budgetPence: null,
        closesOn: "2099-03-31",
      },
    });
    expect(await to("call-for-offers")).toEqual([world.providerAdmin.email, rivalAdmin.email].sort());
    expect((await emails("call-for-offers"))[0].payload).toMatchObject({
      needTitle: "Writing in Key Stage 2",
      subjectArea: "literacy",
      closesOn: "2099-03-31",
      url: `${APP}/provider/needs`,
    });
    await publishNeed(db(), {
      appUrl: APP,
      actor: commissioner,
      authorityId: world.authority.id,
      input: { subjectArea: "send", phases: ["primary"], title: "Nobody offers this", description: "x", budgetPence: null, closesOn: "2099-03-31" },
    });
    expect(await emails("call-for-offers")).toHaveLength(2);

    await respondToNeed(db(), {
      actor: await actorFor(db(), world.providerAdmin, world.authority.id),
      authorityId: world.authority.id,
      providerId: world.provider.id,
      needId: need.id,
      offerId: world.offer.id,
      note: null,
    });
    await respondToNeed(db(), {
      actor: await actorFor(db(), rivalAdmin, world.authority.id),
      authorityId: world.authority.id,
      providerId: rival.id,
      needId: need.id,
      offerId: rivalOffer.id,
      note: null,
    });
    await commissionOffer(db(), { appUrl: APP, actor: commissioner, authorityId: world.authority.id, needId: need.id, offerId: world.offer.id });
    const decided = await emails("commissioning-decision");
    expect(decided.map((e) => [e.recipient, (e.payload as { decision: string }).decision]).sort()).toEqual(
      [
        [world.providerAdmin.email, "commissioned"],
        [rivalAdmin.email, "not_chosen"],
      ].sort(),
    );
  });
});
