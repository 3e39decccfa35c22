import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { schema, type Role } from "~/db.server";
import { loader as catalogueLoader } from "~/routes/catalogue._index";
import { loader as offerLoader } from "~/routes/catalogue.$offerId";
import { createOffer, type CreateOfferOptions } from "../factories/catalogue";
import { createProvider, createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { createTestDatabase } from "../setup/database";

const DAY = 24 * 60 * 60 * 1000;

let handle: DatabaseHandle;
/** Counts statements while a budget is being measured. */
let statements: string[] | null = null;

beforeAll(async () => {
  handle = await createTestDatabase({ onQuery: (sql) => statements?.push(sql) });
});
afterAll(async () => {
  await handle?.close();
});

type CatalogueData = Awaited<ReturnType<typeof catalogueLoader>>["data"];

/** A fresh authority with a provider and a headteacher signed in, so each test sees only its own offers. */
async function county({ role = "headteacher" as Role } = {}) {
  const db = handle.db;
  const authority = await createAuthority(db);
  const { organisation: school } = await createSchool(db, authority.id);
  const head = await createMember(db, school, role);
  const cookie = await sessionCookieFor(db, head.id, school.id);
  const provider = await createProvider(db, authority.id);
  const offer = (options: Partial<CreateOfferOptions> = {}) => createOffer(db, { authorityId: authority.id, providerId: provider.id, ...options });
  return { authority, school, head, cookie, provider, offer };
}

async function browse(cookie: string, search = "") {
  const result = await respond(() => catalogueLoader({ request: request(`/catalogue${search}`, { cookie }), params: {}, context: appContext(handle.db) }));
  if (result instanceof Response) throw new Error(`expected data, got ${result.status}`);
  return { ...(result.data as CatalogueData), status: result.status };
}

const titles = (data: CatalogueData) => data.results.map((r) => r.title);

async function offerPageStatus(cookie: string, offerId: string) {
  const result = await respond(() =>
    offerLoader({ request: request(`/catalogue/${encodeURIComponent(offerId)}`, { cookie }), params: { offerId }, context: appContext(handle.db) }),
  );
  return result instanceof Response ? result.status : result.status;
}

describe("searching the catalogue", () => {
  it("finds words in the title, summary and description, with title matches ranked first", async () => {
    const { cookie, offer } = await county();
    await offer({ revision: { title: "Maths mastery", summary: "Quokka counting for reception", description: "Practical sessions." } });
    await offer({ revision: { title: "Reading for pleasure", summary: "Book clubs.", description: "Includes a quokka storytelling strand." } });
    await offer({ revision: { title: "Quokka phonics programme", summary: "Systematic phonics.", description: "Daily lessons." } });
    await offer({ revision: { title: "Governor training", summary: "Clerking.", description: "Nothing relevant." } });
    const data = await browse(cookie, "?q=quokka");
    expect(titles(data)).toEqual(["Quokka phonics programme", "Maths mastery", "Reading for pleasure"]);
    expect(data.total).toBe(3);
    expect(data.query.sort).toBe("relevance");
  });

  it("understands phrases, OR and exclusion as people type them", async () => {
    const { cookie, offer } = await county();
    await offer({ revision: { title: "Early reading fluency" } });
    await offer({ revision: { title: "Fluency in reading aloud for secondary" } });
    await offer({ revision: { title: "Numeracy fluency" } });
    expect(titles(await browse(cookie, `?q=${encodeURIComponent('"reading fluency"')}`))).toEqual(["Early reading fluency"]);
    expect(titles(await browse(cookie, `?q=${encodeURIComponent("fluency -secondary")}&sort=newest`)).sort()).toEqual([
      "Early reading fluency",
      "Numeracy fluency",
    ]);
    expect((await browse(cookie, `?q=${encodeURIComponent("numeracy or aloud")}`)).total).toBe(2);
  });

  it("filters by subject area, phase, delivery format, provider kind, maximum price and term", async () => {
    const { authority, cookie, offer } = await county();
    const university = await createProvider(handle.db, authority.id, { kind: "university" });
    await offer({
      revision: { title: "A", subjectAreas: ["literacy"], phases: ["primary"], deliveryFormat: "in_school", terms: ["autumn"], fromPricePence: 90_000 },
    });
    await offer({
      revision: {
        title: "B",
        subjectAreas: ["numeracy", "send"],
        phases: ["secondary"],
        deliveryFormat: "online",
        terms: ["spring", "summer"],
        fromPricePence: 50_000,
      },
    });
    await createOffer(handle.db, {
      authorityId: authority.id,
      providerId: university.id,
      revision: {
        title: "C",
        subjectAreas: ["governance"],
        phases: ["special", "primary"],
        deliveryFormat: "coaching",
        terms: ["summer"],
        fromPricePence: 120_000,
      },
    });
    const sorted = async (search: string) => titles(await browse(cookie, search)).sort();
    expect(await sorted("?subject=send")).toEqual(["B"]);
    expect(await sorted("?subject=literacy&subject=governance")).toEqual(["A", "C"]);
    expect(await sorted("?phase=primary")).toEqual(["A", "C"]);
    expect(await sorted("?format=online&format=coaching")).toEqual(["B", "C"]);
    expect(await sorted("?provider=university")).toEqual(["C"]);
    expect(await sorted("?provider=teaching_school")).toEqual(["A", "B"]);
    expect(await sorted("?maxPrice=900")).toEqual(["A", "B"]);
    expect(await sorted("?maxPrice=899.99")).toEqual(["B"]);
    expect(await sorted("?term=summer")).toEqual(["B", "C"]);
    expect(await sorted("?term=summer&phase=special&maxPrice=2000")).toEqual(["C"]);
  });

  it("sorts by price either way and by newest approval", async () => {
    const { cookie, offer } = await county();
    const now = Date.now();
    await offer({ revision: { title: "Mid", fromPricePence: 50_000 }, approvedAt: new Date(now - 10 * DAY) });
    await offer({ revision: { title: "Cheap", fromPricePence: 10_000 }, approvedAt: new Date(now - 20 * DAY) });
    await offer({ revision: { title: "Dear", fromPricePence: 90_000 }, approvedAt: new Date(now - 5 * DAY) });
    await offer({ revision: { title: "Unpriced", fromPricePence: null, priceTiers: [] }, approvedAt: new Date(now - 30 * DAY) });
    expect(titles(await browse(cookie, "?sort=price-asc"))).toEqual(["Cheap", "Mid", "Dear", "Unpriced"]);
    expect(titles(await browse(cookie, "?sort=price-desc"))).toEqual(["Dear", "Mid", "Cheap", "Unpriced"]);
    expect(titles(await browse(cookie, "?sort=newest"))).toEqual(["Dear", "Mid", "Cheap", "Unpriced"]);
    expect(titles(await browse(cookie))).toEqual(["Dear", "Mid", "Cheap", "Unpriced"]);
  });

  it("pages through results twenty at a time and counts them all", async () => {
    const { cookie, offer } = await county();
    for (let i = 1; i <= 45; i++) await offer({ revision: { title: `Offer ${String(i).padStart(2, "0")}`, fromPricePence: i * 100 } });
    const first = await browse(cookie, "?sort=price-asc");
    expect(first.total).toBe(45);
    expect(first.totalPages).toBe(3);
    expect(first.results).toHaveLength(20);
    expect(first.results[0].title).toBe("Offer 01");
    const third = await browse(cookie, "?sort=price-asc&page=3");
    expect(titles(third)).toEqual(["Offer 41", "Offer 42", "Offer 43", "Offer 44", "Offer 45"]);
    const seen = new Set([...titles(first), ...titles(await browse(cookie, "?sort=price-asc&page=2")), ...titles(third)]);
    expect(seen.size).toBe(45);
    const beyond = await browse(cookie, "?sort=price-asc&page=9");
    expect(beyond.results).toEqual([]);
    expect(beyond.total).toBe(45);
  });

  it("never shows an expired, suspended, unapproved or other authority's offer, in results or by id", async () => {
    const { cookie, offer, provider } = await county();
    const now = Date.now();
    const onSale = await offer({ revision: { title: "Zebra on sale" } });
    const expired = await offer({ revision: { title: "Zebra expired" }, approvedAt: new Date(now - 400 * DAY), approvalExpiresAt: new Date(now - 35 * DAY) });
    const suspended = await offer({ revision: { title: "Zebra suspended" }, suspendedAt: new Date(now - DAY) });
    const draft = await offer({ revision: { title: "Zebra draft" }, live: false });
    const elsewhere = await county();
    const foreign = await elsewhere.offer({ revision: { title: "Zebra elsewhere" } });
    expect(provider.id).not.toBe(elsewhere.provider.id);

    expect(titles(await browse(cookie, "?q=zebra"))).toEqual(["Zebra on sale"]);
    expect(titles(await browse(cookie))).toEqual(["Zebra on sale"]);
    expect(await offerPageStatus(cookie, onSale.offer.id)).toBe(200);
    // The authority's own offers that are not on sale say why (410), never "page not found"; another authority's are not found.
    for (const hidden of [expired, suspended, draft]) expect(await offerPageStatus(cookie, hidden.offer.id)).toBe(410);
    expect(await offerPageStatus(cookie, foreign.offer.id)).toBe(404);
    const said = await respond(() =>
      offerLoader({
        request: request(`/catalogue/${suspended.offer.id}`, { cookie }),
        params: { offerId: suspended.offer.id },
        context: appContext(handle.db),
      }),
    );
    await expect((said as Response).text()).resolves.toMatch(/^“Zebra suspended” was suspended by the authority’s commissioner on \d{1,2} \w+ \d{4}\./);
    for (const bad of ["not-an-id", "1", "00000000-0000-0000-0000-000000000000", "'; drop table offers; --", ""])
      expect(await offerPageStatus(cookie, bad)).toBe(404);
  });

  it("answers odd search text without an error", async () => {
    const { cookie, offer } = await county();
    await offer({ revision: { title: "Robust phonics", summary: "Emoji 📚 and Welsh: darllen", description: "O'Brien's \"quoted\" & <tagged> text" } });
    const nasty = [
      '"',
      '""',
      '"unterminated phrase',
      "-",
      "- - -",
      "OR",
      "or or or",
      "phonics OR",
      "-phonics",
      "!!!",
      "&|!():*",
      "a & b | !c <-> d",
      "phonics:*",
      "'; drop table offers; --",
      "1' or '1'='1",
      "select * from users",
      "\\",
      "%",
      "%00",
      "\u0000",
      "phon\u0000ics",
      "\u0001\u0002\u001f\u007f",
      "📚📚📚",
      "👩🏽‍🏫 teacher",
      "darllen ✓ ysgol",
      "Ĳ ﬁ ß ı İ",
      "مرحبا",
      "中文 搜索",
      "x".repeat(5000),
      "phonics ".repeat(1000),
      " ",
      "the",
      "<script>alert(1)</script>",
    ];
    for (const q of nasty) {
      const data = await browse(cookie, `?q=${encodeURIComponent(q)}`);
      expect(Array.from(data.query.q).length).toBeLessThanOrEqual(200);
      expect(Array.isArray(data.results)).toBe(true);
    }
    // Bytes that are not UTF-8, and broken escapes, straight into the address.
    for (const raw of ["%ED%A0%80", "%FF%FE", "%", "%%", "%E0%A4%A", "%C0%AF"]) {
      expect((await browse(cookie, `?q=${raw}`)).results.length).toBeLessThanOrEqual(1);
    }
    expect(titles(await browse(cookie, `?q=${encodeURIComponent("phon\u0000ics")}`))).toEqual([]);
    expect(titles(await browse(cookie, `?q=${encodeURIComponent("phonics OR")}`))).toEqual(["Robust phonics"]);
    expect(titles(await browse(cookie, `?q=${encodeURIComponent("O'Brien")}`))).toEqual(["Robust phonics"]);
    // Odd values in every other parameter are ignored or explained, never a 500.
    const odd = await browse(cookie, "?page=%00&perPage=-1&sort=%27&subject=%F0%9F%93%9A&maxPrice=%00&phase=primary&phase=primary");
    // Only the price is explained; the other odd values are ignored.
    expect(odd.errors).toEqual({ maxPrice: [expect.stringMatching(/price/i)] });
    expect(odd.status).toBe(400);
    expect(odd.results).toHaveLength(1);
    // The same odd values with a price it can read are all ignored: the page answers 200.
    const ignored = await browse(cookie, "?page=%00&perPage=-1&sort=%27&subject=%F0%9F%93%9A&maxPrice=5000&phase=primary&phase=primary");
    expect(ignored.errors).toEqual({});
    expect(ignored.status).toBe(200);
  });

  it("runs in two statements whatever the page size, and three past the last page", async () => {
    const { cookie, offer } = await county();
    for (let i = 0; i < 105; i++) await offer({ revision: { title: `Budget offer ${i}` } });
    for (const perPage of [1, 20, 100]) {
      for (const search of [
        `?perPage=${perPage}`,
        `?perPage=${perPage}&q=budget&subject=literacy&maxPrice=1000&sort=price-desc`,
        `?perPage=${perPage}&page=500`,
      ]) {
        statements = [];
        const data = await browse(cookie, search);
        const counted = statements;
        statements = null;
        expect(data.total).toBe(105);
        // The session with the memberships, the page of results (and its count only past the last page).
        expect(counted.length, `${search}:\n${counted.join("\n")}`).toBe(search.includes("page=500") ? 3 : 2);
      }
      statements = null;
    }
  });

  it("is only for people who may browse the catalogue", async () => {
    const { cookie } = await county({ role: "provider_admin" });
    const result = await respond(() => catalogueLoader({ request: request("/catalogue", { cookie }), params: {}, context: appContext(handle.db) }));
    expect(result instanceof Response && result.status).toBe(403);
    const signedOut = await respond(() => catalogueLoader({ request: request("/catalogue"), params: {}, context: appContext(handle.db) }));
    expect(signedOut instanceof Response && signedOut.status).toBe(302);
  });
});

describe("the offer page", () => {
  it("shows the live revision, its quality mark and who may buy", async () => {
    const { authority, cookie, offer, provider } = await county();
    const approvedAt = new Date("2026-01-05T10:00:00Z");
    const { offer: created } = await offer({
      approvedAt,
      approvalExpiresAt: new Date(Date.now() + 100 * DAY),
      commissionedAt: new Date(),
      revision: { title: "Phonics for all" },
    });
    const result = await respond(() =>
      offerLoader({ request: request(`/catalogue/${created.id}`, { cookie }), params: { offerId: created.id }, context: appContext(handle.db) }),
    );
    if (result instanceof Response) throw new Error(`status ${result.status}`);
    const data = result.data as Awaited<ReturnType<typeof offerLoader>>;
    expect(data.offer.revision.title).toBe("Phonics for all");
    expect(data.offer.approvedAt).toEqual(approvedAt);
    expect(data.offer.commissionedAt).not.toBeNull();
    expect(data.offer.revision.priceTiers[0]).toEqual({ minSchools: 1, maxSchools: 4, unitPricePence: 90_000 });
    expect(data.offer.provider).toMatchObject({ name: provider.name, kind: "teaching_school", verified: true });
    expect(data).toMatchObject({ canBuy: true, canOpenCollective: false });

    const office = await createOrganisation(handle.db, authority.id, "authority_office");
    const commissioner = await createMember(handle.db, office, "commissioner");
    const commissionerCookie = await sessionCookieFor(handle.db, commissioner.id, office.id);
    const seen = await respond(() =>
      offerLoader({
        request: request(`/catalogue/${created.id}`, { cookie: commissionerCookie }),
        params: { offerId: created.id },
        context: appContext(handle.db),
      }),
    );
    expect(!(seen instanceof Response) && seen.data).toMatchObject({ canBuy: false, canOpenCollective: true });
  });
});

describe("on-sale offers in the database", () => {
  it("are exactly those with a live revision, an unexpired approval and no suspension", async () => {
    const { authority, offer } = await county();
    const { onSaleCondition } = await import("~/domain/catalogue/on-sale.server");
    const now = new Date();
    await offer({ revision: { title: "yes" } });
    await offer({ revision: { title: "expired at this instant" }, approvedAt: new Date(now.getTime() - 365 * DAY), approvalExpiresAt: now });
    await offer({ revision: { title: "suspended" }, suspendedAt: now });
    await offer({ revision: { title: "draft" }, live: false });
    const rows = await handle.db
      .select({ title: schema.offerRevisions.title })
      .from(schema.offers)
      .innerJoin(schema.offerRevisions, eq(schema.offerRevisions.offerId, schema.offers.id))
      .where(and(eq(schema.offers.authorityId, authority.id), onSaleCondition(now)));
    expect(rows.map((r) => r.title)).toEqual(["yes"]);
  });
});
