import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getUser } from "~/auth/user.server";
import { schema } from "~/db.server";
import { commissionOffer, publishNeed, respondToNeed } from "~/domain/commissioning/needs.server";
import { tasksFor } from "~/domain/home/tasks.server";
import { actorFor, createOfferOnSale, createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";
import { addMembership, createMember, createProvider, createUser } from "../factories/tenancy";
import { appContext, request, sessionCookieFor } from "../setup/context";
import { useTestDatabase } from "../factories/database";

const APP = "http://localhost:3000";

describe("home tasks for calls for offers", () => {
  const db = useTestDatabase();
  let here: PurchasingWorld;
  let there: PurchasingWorld;

  beforeAll(async () => {
    [here, there] = [await createPurchasingWorld(db(), { schools: 1 }), await createPurchasingWorld(db(), { schools: 1 })];
  });

  const inAreas = (offerId: string, areas: string[]) =>
    db()
      .update(schema.offerRevisions)
      .set({ subjectAreas: areas as never })
      .where(eq(schema.offerRevisions.offerId, offerId));
  async function commissionerOf(world: PurchasingWorld) {
    const user = await createUser(db());
    await addMembership(db(), { userId: user.id, organisationId: world.office.id, authorityId: world.authority.id, role: "commissioner", subjectAreas: [] });
    return user;
  }
  async function tasksOf(userId: string, organisationId: string) {
    const user = (await getUser(request("/", { cookie: await sessionCookieFor(db(), userId, organisationId) }), appContext(db())))!;
    return (await tasksFor(db(), user)).filter((t) => t.href.startsWith("/commissioning/needs/") || t.href.startsWith("/provider/needs"));
  }
  const publish = async (world: PurchasingWorld, commissioner: { id: string; name: string }, title: string, subjectArea: "literacy" | "send" = "literacy") =>
    publishNeed(db(), {
      appUrl: APP,
      actor: await actorFor(db(), commissioner, world.authority.id),
      authorityId: world.authority.id,
      input: { subjectArea, phases: ["primary"], title, description: "x", budgetPence: null, closesOn: "2099-03-31" },
    });
  const answer = async (world: PurchasingWorld, admin: { id: string; name: string }, providerId: string, needId: string, offerId: string) =>
    respondToNeed(db(), { actor: await actorFor(db(), admin, world.authority.id), authorityId: world.authority.id, providerId, needId, offerId, note: null });

  it("shows a commissioner the answers waiting, and a provider the open calls in its subject areas, within one authority", async () => {
    const commissioner = await commissionerOf(here);
    const otherCommissioner = await commissionerOf(there);
    const rival = await createProvider(db(), here.authority.id);
    const rivalAdmin = await createMember(db(), rival, "provider_admin");
    const rivalOffer = await createOfferOnSale(db(), { authorityId: here.authority.id, providerId: rival.id });
    const elsewhere = await createProvider(db(), here.authority.id);
    const elsewhereAdmin = await createMember(db(), elsewhere, "provider_admin");
    const elsewhereOffer = await createOfferOnSale(db(), { authorityId: here.authority.id, providerId: elsewhere.id });
    for (const offerId of [here.offer.id, rivalOffer.id, there.offer.id]) await inAreas(offerId, ["literacy"]);
    await inAreas(elsewhereOffer.id, ["numeracy"]);

    const writing = await publish(here, commissioner, "Writing in Key Stage 2");
    const reading = await publish(here, commissioner, "Reading for pleasure");
    await publish(here, commissioner, "Nobody offers this", "send");
    const theirs = await publish(there, otherCommissioner, "Their phonics");

    // Nothing answered yet: nothing waits for the commissioner; the providers in literacy see both literacy calls.
    expect(await tasksOf(commissioner.id, here.office.id)).toEqual([]);
    const calls = await tasksOf(here.providerAdmin.id, here.provider.id);
    expect(calls.map((t) => t.label).sort()).toEqual([
      "Open call for offers: Reading for pleasure (closes 31 March 2099)",
      "Open call for offers: Writing in Key Stage 2 (closes 31 March 2099)",
    ]);
    expect(calls.map((t) => t.href)).toContain(`/provider/needs#need-${writing.id}`);
    expect(await tasksOf(elsewhereAdmin.id, elsewhere.id)).toEqual([]);
    expect((await tasksOf(there.providerAdmin.id, there.provider.id)).map((t) => t.label)).toEqual([
      "Open call for offers: Their phonics (closes 31 March 2099)",
    ]);

    await answer(here, here.providerAdmin, here.provider.id, writing.id, here.offer.id);
    await answer(there, there.providerAdmin, there.provider.id, theirs.id, there.offer.id);
    expect(await tasksOf(commissioner.id, here.office.id)).toEqual([
      { label: "1 answer to your call for offers “Writing in Key Stage 2” is waiting", href: `/commissioning/needs/${writing.id}` },
    ]);
    await answer(here, rivalAdmin, rival.id, writing.id, rivalOffer.id);
    await answer(here, rivalAdmin, rival.id, reading.id, rivalOffer.id);
    expect(await tasksOf(commissioner.id, here.office.id)).toEqual([
      { label: "1 answer to your call for offers “Reading for pleasure” is waiting", href: `/commissioning/needs/${reading.id}` },
      { label: "2 answers to your call for offers “Writing in Key Stage 2” are waiting", href: `/commissioning/needs/${writing.id}` },
    ]);
    // The other authority's commissioner sees only its own call.
    expect(await tasksOf(otherCommissioner.id, there.office.id)).toEqual([
      { label: "1 answer to your call for offers “Their phonics” is waiting", href: `/commissioning/needs/${theirs.id}` },
    ]);

    // Commissioned or closed, a call leaves both home pages.
    await commissionOffer(db(), {
      appUrl: APP,
      actor: await actorFor(db(), commissioner, here.authority.id),
      authorityId: here.authority.id,
      needId: writing.id,
      offerId: here.offer.id,
    });
    await db().update(schema.needs).set({ status: "closed" }).where(eq(schema.needs.id, reading.id));
    expect(await tasksOf(commissioner.id, here.office.id)).toEqual([]);
    expect(await tasksOf(here.providerAdmin.id, here.provider.id)).toEqual([]);
    expect(await tasksOf(otherCommissioner.id, there.office.id)).toHaveLength(1);
  });

  it("no longer shows a provider a call past its closing date", async () => {
    const commissioner = await commissionerOf(there);
    const late = await publish(there, commissioner, "Closing soon");
    expect((await tasksOf(there.providerAdmin.id, there.provider.id)).map((t) => t.href)).toContain(`/provider/needs#need-${late.id}`);
    await db().update(schema.needs).set({ closesOn: "2020-01-01" }).where(eq(schema.needs.id, late.id));
    expect((await tasksOf(there.providerAdmin.id, there.provider.id)).map((t) => t.href)).not.toContain(`/provider/needs#need-${late.id}`);
  });
});
