// The catalogue's search table (`catalogue_search`) is written only by triggers. Through every change the use
// cases make to an offer's sale state or its live revision, it must hold exactly what it is defined as: each offer
// with a live revision, its sale state and that revision's search columns.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { parseCatalogueQuery } from "~/domain/catalogue/catalogue-query";
import { saveOffer } from "~/domain/catalogue/save-offer.server";
import { searchCatalogue } from "~/domain/catalogue/search-catalogue.server";
import { reinstateOffer, suspendOffer } from "~/domain/commissioning/suspend-offer.server";
import { decideOffer } from "~/domain/quality/decide-offer.server";
import { completeFields, createQaWorld, reviewTwice, submittedOffer } from "../factories/quality";
import { useQaWorld } from "../setup/qa-world";

const appUrl = "http://localhost:3000";
const APPROVE = { decision: "approve", conditions: null, comments: null } as const;
const YEAR = 366 * 24 * 60 * 60 * 1000;

describe("the catalogue's search table", () => {
  const { db, world: w } = useQaWorld();

  /** The table's rows for the world's authority, beside the same rows worked out from offers and revisions. */
  async function tableAndDefinition() {
    const { catalogueSearch: cs, offers: o, offerRevisions: r } = schema;
    const table = await db()
      .select({
        offerId: cs.offerId,
        authorityId: cs.authorityId,
        providerId: cs.providerId,
        liveRevisionId: cs.liveRevisionId,
        approvedAt: cs.approvedAt,
        approvalExpiresAt: cs.approvalExpiresAt,
        suspendedAt: cs.suspendedAt,
        subjectAreas: cs.subjectAreas,
        phases: cs.phases,
        terms: cs.terms,
        deliveryFormat: cs.deliveryFormat,
        fromPricePence: cs.fromPricePence,
        searchVector: cs.searchVector,
        searchVectorCy: cs.searchVectorCy,
      })
      .from(cs)
      .where(eq(cs.authorityId, w().authority.id))
      .orderBy(cs.offerId);
    const definition = await db()
      .select({
        offerId: o.id,
        authorityId: o.authorityId,
        providerId: o.providerId,
        liveRevisionId: r.id,
        approvedAt: o.approvedAt,
        approvalExpiresAt: o.approvalExpiresAt,
        suspendedAt: o.suspendedAt,
        subjectAreas: r.subjectAreas,
        phases: r.phases,
        terms: r.terms,
        deliveryFormat: r.deliveryFormat,
        fromPricePence: r.fromPricePence,
        searchVector: r.searchVector,
        searchVectorCy: r.searchVectorCy,
      })
      .from(o)
      .innerJoin(r, eq(r.id, o.liveRevisionId))
      .where(eq(o.authorityId, w().authority.id))
      .orderBy(o.id);
    return { table, definition };
  }

  async function expectTableTrue() {
    const { table, definition } = await tableAndDefinition();
    expect(table).toEqual(definition);
    return table.length;
  }

  /** The titles a search of the world's authority finds for these words, at this moment. */
  async function found(words: string, now = new Date()) {
    const { query } = parseCatalogueQuery(new URLSearchParams({ q: words }));
    const page = await searchCatalogue(db(), { authorityId: w().authority.id, userId: w().users.laAdmin.id, query, now });
    return page.results.map((r) => r.title);
  }

  const approve = async (revisionId: string) => {
    await reviewTwice(db(), w(), revisionId);
    await decideOffer(db(), { actor: await w().actor(w().users.chair), authorityId: w().authority.id, revisionId, decision: APPROVE, appUrl });
  };

  it("follows an offer from draft to sale, a new revision, suspension, reinstatement and expiry", async () => {
    const rowsBefore = await expectTableTrue();

    // Submitted but not approved: no live revision, so no row.
    const first = await submittedOffer(db(), w(), completeFields({ title: "Axolotl phonics for reception" }));
    expect(await expectTableTrue()).toBe(rowsBefore);
    expect(await found("axolotl")).toEqual([]);

    await approve(first.revisionId);
    expect(await expectTableTrue()).toBe(rowsBefore + 1);
    expect(await found("axolotl")).toEqual(["Axolotl phonics for reception"]);

    // A new revision under review leaves the live one, and its words, on sale.
    const second = await saveOffer(db(), {
      actor: await w().actor(w().users.providerAdmin),
      authorityId: w().authority.id,
      providerId: w().provider.id,
      offerId: first.offerId,
      fields: completeFields({ title: "Capybara phonics for reception", phases: ["secondary"] }),
      intent: "submit",
      appUrl,
    });
    expect(second.revisionId).not.toBe(first.revisionId);
    await expectTableTrue();
    expect(await found("capybara")).toEqual([]);
    expect(await found("axolotl")).toEqual(["Axolotl phonics for reception"]);

    // Approved, it replaces the live revision's words and filters.
    await approve(second.revisionId);
    await expectTableTrue();
    expect(await found("axolotl")).toEqual([]);
    expect(await found("capybara")).toEqual(["Capybara phonics for reception"]);
    const [row] = await db().select().from(schema.catalogueSearch).where(eq(schema.catalogueSearch.offerId, first.offerId));
    expect(row.liveRevisionId).toBe(second.revisionId);
    expect(row.phases).toEqual(["secondary"]);

    const commissioner = await w().actor(w().users.commissioner);
    await suspendOffer(db(), { actor: commissioner, authorityId: w().authority.id, offerId: first.offerId, reason: "Safeguarding check", appUrl });
    await expectTableTrue();
    expect(await found("capybara")).toEqual([]);

    await reinstateOffer(db(), { actor: commissioner, authorityId: w().authority.id, offerId: first.offerId });
    await expectTableTrue();
    expect(await found("capybara")).toEqual(["Capybara phonics for reception"]);

    // The approval lasts twelve months: a year on, the same row is no longer on sale.
    expect(await found("capybara", new Date(Date.now() + YEAR))).toEqual([]);
  });

  it("follows a change to the live revision's own columns, and the revision's removal", async () => {
    const offer = await submittedOffer(db(), w(), completeFields({ title: "Pangolin numeracy" }));
    await approve(offer.revisionId);
    expect(await found("pangolin")).toEqual(["Pangolin numeracy"]);

    await db()
      .update(schema.offerRevisions)
      .set({ titleCy: "Rhifedd pangolin", summary: "Okapi counting games" })
      .where(eq(schema.offerRevisions.id, offer.revisionId));
    await expectTableTrue();
    expect(await found("okapi")).toEqual(["Pangolin numeracy"]);

    await db().transaction(async (tx) => {
      await tx.delete(schema.qaReviews).where(eq(schema.qaReviews.revisionId, offer.revisionId));
      await tx.delete(schema.offerRevisions).where(eq(schema.offerRevisions.id, offer.revisionId));
    });
    await expectTableTrue();
    expect(await found("pangolin")).toEqual([]);
  });

  it("follows an offer written before its live revision, as an import writes them", async () => {
    const offerId = crypto.randomUUID();
    const revisionId = crypto.randomUUID();
    const now = new Date();
    await db().transaction(async (tx) => {
      await tx.insert(schema.offers).values({
        id: offerId,
        authorityId: w().authority.id,
        providerId: w().provider.id,
        liveRevisionId: revisionId,
        approvedAt: now,
        approvalExpiresAt: new Date(now.getTime() + YEAR),
      });
      await tx
        .insert(schema.offerRevisions)
        .values({ id: revisionId, offerId, authorityId: w().authority.id, number: 1, status: "approved", title: "Quagga oracy" });
    });
    await expectTableTrue();
    expect(await found("quagga")).toEqual(["Quagga oracy"]);
  });

  it("keeps each authority's offers to itself", async () => {
    const other = await createQaWorld(db());
    const offer = await submittedOffer(db(), other, completeFields({ title: "Tapir leadership" }));
    await reviewTwice(db(), other, offer.revisionId);
    await decideOffer(db(), {
      actor: await other.actor(other.users.chair),
      authorityId: other.authority.id,
      revisionId: offer.revisionId,
      decision: APPROVE,
      appUrl,
    });
    expect(await found("tapir")).toEqual([]);
    const { query } = parseCatalogueQuery(new URLSearchParams({ q: "tapir" }));
    const theirs = await searchCatalogue(db(), { authorityId: other.authority.id, userId: other.users.laAdmin.id, query });
    expect(theirs.results.map((r) => r.title)).toEqual(["Tapir leadership"]);
  });

  it("keeps no pending list in its GIN indexes, which every search would otherwise read through", async () => {
    type Index = { name: string; options: string[] | null };
    // postgres.js answers with the rows, PGlite with an object holding them.
    const result = (await db().execute(
      sql`select c.relname as name, c.reloptions as options from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
          where i.indrelid = 'catalogue_search'::regclass and a.amname = 'gin' order by c.relname`,
    )) as unknown as Index[] | { rows: Index[] };
    const indexes = Array.isArray(result) ? result : result.rows;
    expect(indexes.map((r) => [r.name, r.options])).toEqual([
      ["catalogue_search_filters_idx", ["fastupdate=false"]],
      ["catalogue_search_words_cy_idx", ["fastupdate=false"]],
      ["catalogue_search_words_idx", ["fastupdate=false"]],
    ]);
  });
});
