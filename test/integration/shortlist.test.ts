import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { schema } from "~/db.server";
import { action as catalogueAction, loader as catalogueLoader } from "~/routes/catalogue._index";
import { action as offerAction } from "~/routes/catalogue.$offerId";
import { action as compareAction, loader as compareLoader } from "~/routes/catalogue.compare";
import { loader as rootLoader } from "~/root";
import { createOffer } from "../factories/catalogue";
import { addMembership, createProvider, createAuthority, createMember, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { createTestDatabase } from "../setup/database";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

async function county() {
  const db = handle.db;
  const authority = await createAuthority(db);
  const { organisation: school } = await createSchool(db, authority.id);
  const head = await createMember(db, school, "headteacher");
  const cookie = await sessionCookieFor(db, head.id, school.id);
  const provider = await createProvider(db, authority.id);
  const offer = async (title: string) => (await createOffer(db, { authorityId: authority.id, providerId: provider.id, revision: { title } })).offer;
  return { authority, head, cookie, offer };
}

type Act = typeof catalogueAction;
const post = (act: Act, path: string, cookie: string, form: Record<string, string>) =>
  respond(() =>
    act({ request: request(path, { cookie, form }), params: { offerId: path.split("/")[2]?.split("?")[0] ?? "" }, context: appContext(handle.db) }),
  );

const shortlistRows = (userId: string) => handle.db.select().from(schema.shortlistItems).where(eq(schema.shortlistItems.userId, userId));

async function compare(cookie: string) {
  const result = await respond(() => compareLoader({ request: request("/catalogue/compare", { cookie }), params: {}, context: appContext(handle.db) }));
  if (result instanceof Response) throw new Error(`status ${result.status}`);
  return (result.data as Awaited<ReturnType<typeof compareLoader>>).offers;
}

describe("the shortlist", () => {
  it("takes up to four offers from the results or an offer page, refuses a fifth, and lets one go", async () => {
    const { head, cookie, offer } = await county();
    const offers = await Promise.all(["One", "Two", "Three", "Four", "Five"].map(offer));

    const added = await post(catalogueAction, "/catalogue?index&q=one&page=1", cookie, { "shortlist-add": offers[0].id });
    expect(added instanceof Response && added.status).toBe(303);
    expect(added instanceof Response && added.headers.get("Location")).toBe("/catalogue?q=one&page=1&done=shortlistAdded");
    for (const o of offers.slice(1, 4)) {
      const r = await post(offerAction, `/catalogue/${o.id}`, cookie, { "shortlist-add": o.id });
      expect(r instanceof Response && r.headers.get("Location")).toBe(`/catalogue/${o.id}?done=shortlistAdded`);
    }
    // Adding one already there changes nothing.
    await post(offerAction, `/catalogue/${offers[0].id}`, cookie, { "shortlist-add": offers[0].id });
    expect(await shortlistRows(head.id)).toHaveLength(4);

    const fifth = await post(offerAction, `/catalogue/${offers[4].id}`, cookie, { "shortlist-add": offers[4].id });
    expect(fifth instanceof Response).toBe(false);
    expect(!(fifth instanceof Response) && fifth.status).toBe(409);
    expect(!(fifth instanceof Response) && fifth.data).toMatchObject({ ok: false, errors: { form: [expect.stringMatching(/up to 4 offers/)] } });
    expect(await shortlistRows(head.id)).toHaveLength(4);

    expect((await compare(cookie)).map((o) => o.title)).toEqual(["One", "Two", "Three", "Four"]);
    const root = await respond(() => rootLoader({ request: request("/catalogue", { cookie }), params: {}, context: appContext(handle.db) }));
    const navigation = !(root instanceof Response) && (root.data as Awaited<ReturnType<typeof rootLoader>>).user?.navigation;
    expect(navigation).toContainEqual({ href: "/catalogue/compare", label: "nav.shortlist", params: { count: 4 } });
    expect(navigation).toContainEqual({ href: "/catalogue", label: "nav.findSupport" });

    const removed = await post(compareAction, "/catalogue/compare", cookie, { "shortlist-remove": offers[1].id });
    expect(removed instanceof Response && removed.headers.get("Location")).toBe("/catalogue/compare?done=shortlistRemoved");
    // The page the buyer lands on says what happened.
    const landed = await respond(() =>
      rootLoader({ request: request("/catalogue/compare?done=shortlistRemoved", { cookie }), params: {}, context: appContext(handle.db) }),
    );
    expect(!(landed instanceof Response) && (landed.data as Awaited<ReturnType<typeof rootLoader>>).done).toBe("The offer is removed from your shortlist.");
    await post(catalogueAction, "/catalogue?index", cookie, { "shortlist-add": offers[4].id });
    expect((await compare(cookie)).map((o) => o.title)).toEqual(["One", "Three", "Four", "Five"]);

    const audits = await handle.db.select().from(schema.auditLog).where(eq(schema.auditLog.actorUserId, head.id));
    expect(audits.map((a) => a.action).sort()).toEqual([...Array(5).fill("shortlist.add"), "shortlist.remove"].sort());
  });

  it("counts in the navigation the offers of the authority the buyer acts in, as the list stands", async () => {
    const here = await county();
    const there = await county();
    // The same person is also head of a school in another authority, with one offer shortlisted there.
    const { organisation: otherSchool } = await createSchool(handle.db, there.authority.id);
    await addMembership(handle.db, { userId: here.head.id, organisationId: otherSchool.id, authorityId: there.authority.id, role: "headteacher" });
    const hereOffers = await Promise.all(["Near one", "Near two"].map(here.offer));
    const thereOffer = await there.offer("Far one");
    await handle.db.insert(schema.shortlistItems).values([...hereOffers, thereOffer].map((o) => ({ userId: here.head.id, offerId: o.id })));

    const counted = async (cookie: string) => {
      const root = await respond(() => rootLoader({ request: request("/catalogue", { cookie }), params: {}, context: appContext(handle.db) }));
      const navigation = !(root instanceof Response) && (root.data as Awaited<ReturnType<typeof rootLoader>>).user?.navigation;
      return (navigation || []).find((item) => item.href === "/catalogue/compare")?.params?.count;
    };
    expect(await counted(here.cookie)).toBe(2);
    expect(await counted(await sessionCookieFor(handle.db, here.head.id, otherSchool.id))).toBe(1);
    // Taken off the list, it leaves the count on the next page.
    await post(compareAction, "/catalogue/compare", here.cookie, { "shortlist-remove": hereOffers[0].id });
    expect(await counted(here.cookie)).toBe(1);
  });

  it("never holds more than four, even when several adds arrive at once", async () => {
    const { head, cookie, offer } = await county();
    const offers = await Promise.all(["A", "B", "C", "D", "E", "F"].map(offer));
    const results = await Promise.all(offers.map((o) => post(catalogueAction, "/catalogue?index", cookie, { "shortlist-add": o.id })));
    expect(results.filter((r) => !(r instanceof Response) && r.status === 409)).toHaveLength(2);
    expect(await shortlistRows(head.id)).toHaveLength(4);
  });

  it("shows in the results which offers are shortlisted", async () => {
    const { cookie, offer } = await county();
    const [a] = await Promise.all([offer("Shortlisted one"), offer("Another one")]);
    await post(catalogueAction, "/catalogue?index", cookie, { "shortlist-add": a.id });
    const result = await respond(() => catalogueLoader({ request: request("/catalogue?sort=newest", { cookie }), params: {}, context: appContext(handle.db) }));
    const data = !(result instanceof Response) && (result.data as Awaited<ReturnType<typeof catalogueLoader>>["data"]);
    expect(data && data.results.map((r) => [r.title, r.shortlisted]).sort()).toEqual([
      ["Another one", false],
      ["Shortlisted one", true],
    ]);
  });

  it("marks an offer that went off sale as no longer available", async () => {
    const { cookie, offer } = await county();
    const [kept, pulled] = await Promise.all([offer("Still on sale"), offer("Pulled")]);
    for (const o of [kept, pulled]) await post(catalogueAction, "/catalogue?index", cookie, { "shortlist-add": o.id });
    await handle.db.update(schema.offers).set({ suspendedAt: new Date(), suspendedReason: "Safeguarding concern" }).where(eq(schema.offers.id, pulled.id));
    const entries = await compare(cookie);
    expect(entries.map((e) => [e.title, e.onSale])).toEqual([
      ["Still on sale", true],
      ["Pulled", false],
    ]);
  });

  it("refuses ids of another authority, unknown ids and ids that are not ids, writing nothing", async () => {
    const { head, cookie } = await county();
    const elsewhere = await county();
    const foreign = await elsewhere.offer("Elsewhere");
    for (const offerId of [foreign.id, "00000000-0000-0000-0000-000000000000", "not-a-uuid", "'; delete from shortlist_items; --", ""]) {
      const r = await post(catalogueAction, "/catalogue?index", cookie, { "shortlist-add": offerId });
      expect(r instanceof Response ? r.status : r.status).toBe(404);
    }
    expect(await shortlistRows(head.id)).toEqual([]);
    // A post that names no offer, or says neither add nor remove, is refused as a bad form.
    const badForms: Record<string, string>[] = [{}, { "shortlist-add": "x".repeat(101) }, { intent: "shortlist-add", offerId: foreign.id }];
    for (const form of badForms) {
      const r = await post(catalogueAction, "/catalogue?index", cookie, form);
      expect(r instanceof Response ? r.status : r.status).toBe(400);
    }
    expect(await shortlistRows(head.id)).toEqual([]);

    // Another authority's buyer cannot take an offer off someone else's list, nor see it.
    await post(catalogueAction, "/catalogue?index", elsewhere.cookie, { "shortlist-add": foreign.id });
    await post(compareAction, "/catalogue/compare", cookie, { "shortlist-remove": foreign.id });
    expect(
      await handle.db
        .select()
        .from(schema.shortlistItems)
        .where(and(eq(schema.shortlistItems.userId, elsewhere.head.id), eq(schema.shortlistItems.offerId, foreign.id))),
    ).toHaveLength(1);
    expect(await compare(cookie)).toEqual([]);

    const bad = await post(catalogueAction, "/catalogue?index", cookie, { intent: "buy-everything", offerId: foreign.id });
    expect(!(bad instanceof Response) && bad.status).toBe(400);
  });

  it("is refused to people who may not browse the catalogue", async () => {
    const { authority, offer } = await county();
    const provider = await createProvider(handle.db, authority.id);
    const admin = await createMember(handle.db, provider, "provider_admin");
    const cookie = await sessionCookieFor(handle.db, admin.id, provider.id);
    const o = await offer("Not for providers");
    const r = await post(catalogueAction, "/catalogue?index", cookie, { "shortlist-add": o.id });
    expect(r instanceof Response && r.status).toBe(403);
    expect(await shortlistRows(admin.id)).toEqual([]);
  });
});
