import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema, RUBRIC_CRITERIA } from "~/db.server";
import { fieldsToFormValues } from "~/domain/catalogue/offer-schema";
import * as providersRoute from "~/routes/authority.providers";
import * as commissioningOffer from "~/routes/commissioning.offers.$offerId";
import * as needDetail from "~/routes/commissioning.needs.$needId";
import * as newNeed from "~/routes/commissioning.needs.new";
import * as providerNeeds from "~/routes/provider.needs";
import * as offerPage from "~/routes/provider.offers.$offerId._index";
import * as editOffer from "~/routes/provider.offers.$offerId.edit";
import * as offerList from "~/routes/provider.offers._index";
import * as newOffer from "~/routes/provider.offers.new";
import * as queue from "~/routes/qa._index";
import * as review from "~/routes/qa.reviews.$revisionId";
import { completeFields } from "../factories/quality";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { useQaWorld } from "../setup/qa-world";

type Result = Awaited<ReturnType<typeof respond>>;
const status = (r: Result) => (r instanceof Response ? r.status : r.status);
const location = (r: Result) => (r instanceof Response ? r.headers.get("Location") : null);
const body = (r: Result) => (r instanceof Response ? null : (r.data as Record<string, unknown>));

const reviewForm = (recommendation = "approve") => ({
  intent: "review",
  ...Object.fromEntries(
    RUBRIC_CRITERIA.flatMap((c) => [
      [`score_${c}`, "3"],
      [`comment_${c}`, "Clear and credible"],
    ]),
  ),
  overallComment: "Good value",
  recommendation,
});

describe("the offer and QA pages, through their loaders and actions", () => {
  const { db, world: w } = useQaWorld();
  let cookies: Record<string, string>;
  beforeAll(async () => {
    const u = w().users;
    cookies = {
      providerAdmin: await sessionCookieFor(db(), u.providerAdmin.id, w().provider.id),
      providerStaff: await sessionCookieFor(db(), u.providerStaff.id, w().provider.id),
      unverifiedAdmin: await sessionCookieFor(db(), u.unverifiedAdmin.id, w().unverified.id),
      chair: await sessionCookieFor(db(), u.chair.id),
      panelOne: await sessionCookieFor(db(), u.panelOne.id),
      panelTwo: await sessionCookieFor(db(), u.panelTwo.id),
      supportHead: await sessionCookieFor(db(), u.supportHead.id),
      schoolProviderAdmin: await sessionCookieFor(db(), u.schoolProviderAdmin.id, w().schoolProvider.id),
      otherPanel: await sessionCookieFor(db(), u.otherPanel.id),
      laAdmin: await sessionCookieFor(db(), u.laAdmin.id),
      commissioner: await sessionCookieFor(db(), u.commissioner.id),
    };
  });

  const ctx = () => appContext(db());
  const count = async (table: typeof schema.offers | typeof schema.auditLog | typeof schema.outbox | typeof schema.offerRevisions) =>
    (await db().select().from(table)).length;
  const post = (
    mod: { action: (args: never) => Promise<unknown> },
    path: string,
    cookie: string,
    form: Record<string, string | string[]>,
    params: Record<string, string> = {},
  ) => respond(() => mod.action({ request: request(path, { cookie, form }), context: ctx(), params } as never));
  const get = (mod: { loader: (args: never) => Promise<unknown> }, path: string, cookie: string, params: Record<string, string> = {}) =>
    respond(() => mod.loader({ request: request(path, { cookie }), context: ctx(), params } as never));

  async function submitViaForm(title: string) {
    const r = await post(newOffer, "/provider/offers/new", cookies.providerAdmin, { ...fieldsToFormValues(completeFields({ title })), intent: "submit" });
    expect(status(r)).toBe(302);
    const offerId = location(r)!.split("?")[0].split("/").pop()!;
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    return { offerId, revisionId: offer.latestRevisionId! };
  }
  /** A decision on a revision, posted from its review page. */
  const decide = (revisionId: string, cookie: string, form: Record<string, string>) =>
    post(review, `/qa/reviews/${revisionId}`, cookie, { intent: "decide", ...form }, { revisionId });
  async function reviewViaForm(revisionId: string, who: ("panelOne" | "panelTwo" | "chair")[] = ["panelOne", "panelTwo"]) {
    for (const name of who) {
      const path = `/qa/reviews/${revisionId}`;
      expect(location(await post(review, path, cookies[name], { intent: "take" }, { revisionId }))).toBe(`${path}?done=reviewTaken`);
      expect(location(await post(review, path, cookies[name], reviewForm(), { revisionId }))).toBe(`${path}?done=reviewSubmitted`);
    }
  }

  it("answers bad offer input with 400, the messages by field, and writes nothing", async () => {
    const before = await Promise.all([count(schema.offers), count(schema.auditLog), count(schema.outbox)]);
    for (const form of <Record<string, string | string[]>[]>[
      { intent: "save", title: "" },
      { intent: "submit", title: "Phonics catch-up" },
      { intent: "save", title: "x".repeat(10_000), minCapacity: "🦄", "tiers[0].min": "1", "tiers[0].price": "'; drop table offers; --" },
      {
        intent: "save",
        title: "Phonics",
        "tiers[0].min": "1",
        "tiers[0].max": "4",
        "tiers[0].price": "900",
        "tiers[1].min": "5",
        "tiers[1].max": "1e3",
        "tiers[1].price": "700",
      },
      { intent: "save", title: "Phonics", "tiers[7].min": "1", "tiers[7].price": "900" },
      { intent: "save", title: "Phonics", "tiers[123456789].min": "1" },
      { intent: "launch", title: "Phonics" },
      { intent: "save", title: "Phonics", subjectAreas: ["literacy", "\u0000"], evidenceStrength: "overwhelming" },
    ]) {
      const r = await post(newOffer, "/provider/offers/new", cookies.providerStaff, form);
      expect(status(r), JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(Object.keys((body(r)!.errors as object) ?? {}).length).toBeGreaterThan(0);
    }
    const missing = body(await post(newOffer, "/provider/offers/new", cookies.providerAdmin, { intent: "submit", title: "Phonics catch-up" }))!
      .errors as Record<string, string[]>;
    expect(missing.priceTiers).toEqual(["Enter at least one price tier, starting at 1 school"]);
    expect(missing.vatAcademy).toEqual(["Choose the VAT treatment for academies"]);
    expect(await Promise.all([count(schema.offers), count(schema.auditLog), count(schema.outbox)])).toEqual(before);
  });

  it("reads price tiers posted as a list, gives a bad one's message by its field, and fills the edit form from the list", async () => {
    const tiers = { "tiers[0].min": "1", "tiers[0].max": "4", "tiers[0].price": "900", "tiers[1].min": "5", "tiers[1].max": "", "tiers[1].price": "750.50" };
    const bad = await post(newOffer, "/provider/offers/new", cookies.providerAdmin, { intent: "save", title: "Tiered phonics", ...tiers, "tiers[1].max": "4" });
    expect(status(bad)).toBe(400);
    expect((body(bad)!.errors as Record<string, string[]>)["tiers[1].max"]).toEqual(["Tier 2: the largest number of schools must be at least the smallest"]);
    expect((body(bad)!.values as Record<string, string>)["tiers[1].price"]).toBe("750.50");
    const saved = await post(newOffer, "/provider/offers/new", cookies.providerAdmin, { intent: "save", title: "Tiered phonics", ...tiers });
    expect(status(saved)).toBe(302);
    const offerId = location(saved)!.split("?")[0].split("/").pop()!;
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    const [revision] = await db().select().from(schema.offerRevisions).where(eq(schema.offerRevisions.id, offer.latestRevisionId!));
    expect(revision.priceTiers).toEqual([
      { minSchools: 1, maxSchools: 4, unitPricePence: 90000 },
      { minSchools: 5, maxSchools: null, unitPricePence: 75050 },
    ]);
    const edit = body(await get(editOffer, `/provider/offers/${offerId}/edit`, cookies.providerAdmin, { offerId }))!.values as Record<string, string>;
    expect([edit["tiers[0].min"], edit["tiers[0].max"], edit["tiers[0].price"], edit["tiers[1].min"], edit["tiers[1].max"], edit["tiers[1].price"]]).toEqual([
      "1",
      "4",
      "900.00",
      "5",
      "",
      "750.50",
    ]);
  });

  it("drafts with a title only, resumes the draft, and refuses another provider's offer", async () => {
    const r = await post(newOffer, "/provider/offers/new", cookies.providerStaff, { intent: "save", title: "Early Years Foundation Stage moderation package" });
    expect(status(r)).toBe(302);
    expect(location(r)).toMatch(/\?done=offerSaved$/);
    const offerId = location(r)!.split("?")[0].split("/").pop()!;
    const edit = body(await get(editOffer, `/provider/offers/${offerId}/edit`, cookies.providerStaff, { offerId }))!;
    expect((edit.values as Record<string, string>).title).toBe("Early Years Foundation Stage moderation package");
    const page = body(await get(offerPage, `/provider/offers/${offerId}`, cookies.providerStaff, { offerId }))!;
    expect((page.latest as { status: string }).status).toBe("draft");
    expect(status(await get(offerPage, `/provider/offers/${offerId}`, cookies.unverifiedAdmin, { offerId }))).toBe(404);
    expect(status(await get(offerPage, "/provider/offers/not-a-uuid", cookies.providerStaff, { offerId: "not-a-uuid" }))).toBe(404);
    expect(status(await get(offerList, "/provider/offers", cookies.panelOne))).toBe(403);
  });

  it("runs the whole workflow through the pages: submit, two reviews, the chair approves", async () => {
    const { offerId, revisionId } = await submitViaForm("Mastery in Maths: teaching for mastery network");
    const panelQueue = body(await get(queue, "/qa", cookies.panelOne))!.queue as { revisionId: string }[];
    expect(panelQueue.map((q) => q.revisionId)).toContain(revisionId);
    // The chair cannot decide before the quorum: the decision form is not even offered.
    const early = body(await get(review, `/qa/reviews/${revisionId}`, cookies.chair, { revisionId }))!;
    expect(early.quorum).toBe(false);
    expect(status(await decide(revisionId, cookies.chair, { decision: "approve" }))).toBe(409);
    await reviewViaForm(revisionId);
    // A panel member who is not the chair cannot decide.
    expect(status(await decide(revisionId, cookies.panelOne, { decision: "approve" }))).toBe(403);
    const bad = await decide(revisionId, cookies.chair, { decision: "reject" });
    expect(status(bad)).toBe(400);
    expect((body(bad)!.errors as Record<string, string[]>).comments).toEqual(["Tell the provider why: enter comments"]);
    expect(status(await decide(revisionId, cookies.chair, { decision: "approve", conditions: "Share impact data termly" }))).toBe(302);
    const list = body(await get(offerList, "/provider/offers", cookies.providerAdmin))!.offers as { offerId: string; sale: string }[];
    expect(list.find((o) => o.offerId === offerId)?.sale).toBe("on_sale");
  });

  it("loops through changes requested, and reviewers see what changed", async () => {
    const { offerId, revisionId } = await submitViaForm("Middle leaders programme");
    await reviewViaForm(revisionId);
    await decide(revisionId, cookies.chair, { decision: "request_changes", comments: "Show impact on pupils" });
    const page = body(await get(offerPage, `/provider/offers/${offerId}`, cookies.providerAdmin, { offerId }))!;
    expect(page.lastDecision).toMatchObject({ comments: "Show impact on pupils", status: "changes_requested" });
    // Awaiting changes: edit or withdraw; not send the same revision back.
    expect(page).toMatchObject({ canEdit: true, canSubmit: false, canWithdraw: true });
    const resent = await post(offerPage, `/provider/offers/${offerId}`, cookies.providerAdmin, { intent: "submit" }, { offerId });
    expect(status(resent)).toBe(409);
    const r = await post(
      editOffer,
      `/provider/offers/${offerId}/edit`,
      cookies.providerAdmin,
      { ...fieldsToFormValues(completeFields({ title: "Middle leaders programme", evidence: "Impact on 1,200 pupils' outcomes" })), intent: "submit" },
      { offerId },
    );
    expect(status(r)).toBe(302);
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer.latestRevisionId).not.toBe(revisionId);
    const second = body(await get(review, `/qa/reviews/${offer.latestRevisionId}`, cookies.panelOne, { revisionId: offer.latestRevisionId! }))!;
    expect(second.previous).toMatchObject({
      number: 1,
      comments: "Show impact on pupils",
      changes: [{ field: "evidence", before: completeFields().evidence, after: "Impact on 1,200 pupils' outcomes" }],
    });
  });

  it("keeps reviewers from their own organisation's offers and other authorities out", async () => {
    const r = await post(newOffer, "/provider/offers/new", cookies.schoolProviderAdmin, {
      ...fieldsToFormValues(completeFields({ title: "School-to-school support: reading" })),
      intent: "submit",
    });
    const offerId = location(r)!.split("?")[0].split("/").pop()!;
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    const revisionId = offer.latestRevisionId!;
    expect(status(await get(review, `/qa/reviews/${revisionId}`, cookies.supportHead, { revisionId }))).toBe(403);
    expect(status(await post(review, `/qa/reviews/${revisionId}`, cookies.supportHead, { intent: "take" }, { revisionId }))).toBe(403);
    expect((body(await get(queue, "/qa", cookies.supportHead))!.queue as { revisionId: string }[]).map((q) => q.revisionId)).not.toContain(revisionId);
    expect(status(await get(review, `/qa/reviews/${revisionId}`, cookies.otherPanel, { revisionId }))).toBe(404);
    expect(status(await post(review, `/qa/reviews/${revisionId}`, cookies.otherPanel, { intent: "take" }, { revisionId }))).toBe(404);
    expect(body(await get(queue, "/qa", cookies.otherPanel))!.queue).toEqual([]);
    expect(status(await get(queue, "/qa", cookies.providerAdmin))).toBe(403);
    // A provider cannot approve its own offer.
    expect(status(await decide(revisionId, cookies.schoolProviderAdmin, { decision: "approve" }))).toBe(403);
  });

  it("lets an unverified provider draft but not submit, with a clear message, until the LA verifies it", async () => {
    const form = { ...fieldsToFormValues(completeFields({ title: "Governor training: financial oversight" })), intent: "submit" };
    const before = await Promise.all([count(schema.offers), count(schema.outbox)]);
    const refused = await post(newOffer, "/provider/offers/new", cookies.unverifiedAdmin, form);
    expect(status(refused)).toBe(409);
    expect((body(refused)!.errors as Record<string, string[]>).form[0]).toMatch(/not been verified/);
    expect(await Promise.all([count(schema.offers), count(schema.outbox)])).toEqual(before);
    expect(status(await post(providersRoute, "/authority/providers", cookies.providerAdmin, { providerId: w().unverified.id }))).toBe(403);
    expect(status(await post(providersRoute, "/authority/providers", cookies.laAdmin, { providerId: "nope" }))).toBe(400);
    expect(status(await post(providersRoute, "/authority/providers", cookies.laAdmin, { providerId: w().unverified.id }))).toBe(302);
    const listed = body(await get(providersRoute, "/authority/providers", cookies.laAdmin))!.providers as { id: string; verifiedAt: Date | null }[];
    expect(listed.find((p) => p.id === w().unverified.id)?.verifiedAt).not.toBeNull();
    expect(status(await post(newOffer, "/provider/offers/new", cookies.unverifiedAdmin, form))).toBe(302);
  });

  it("suspends with a reason shown to the provider, publishes a need, takes an answer and commissions it", async () => {
    const { offerId, revisionId } = await submitViaForm("Phonics catch-up");
    await reviewViaForm(revisionId);
    expect(location(await decide(revisionId, cookies.chair, { decision: "approve" }))).toBe(`/qa/reviews/${revisionId}?done=offerApproved`);

    const path = `/commissioning/offers/${offerId}`;
    expect(status(await post(commissioningOffer, path, cookies.commissioner, { intent: "suspend", reason: "  " }, { offerId }))).toBe(400);
    expect(status(await post(commissioningOffer, path, cookies.panelOne, { intent: "suspend", reason: "x" }, { offerId }))).toBe(403);
    expect(
      location(await post(commissioningOffer, path, cookies.commissioner, { intent: "suspend", reason: "Sessions cancelled at short notice" }, { offerId })),
    ).toBe(`${path}?done=offerSuspended`);
    const page = body(await get(offerPage, `/provider/offers/${offerId}`, cookies.providerAdmin, { offerId }))!;
    expect(page.offer).toMatchObject({ suspendedReason: "Sessions cancelled at short notice" });
    expect(location(await post(commissioningOffer, path, cookies.commissioner, { intent: "reinstate" }, { offerId }))).toBe(`${path}?done=offerReinstated`);

    const needForm = {
      subjectArea: "literacy",
      phases: "primary",
      title: "Phonics in Year 1",
      description: "Lift phonics screening results",
      budget: "12,000",
      closesOnDay: "31",
      closesOnMonth: "12",
      closesOnYear: "2099",
    };
    const past = await post(newNeed, "/commissioning/needs/new", cookies.commissioner, { ...needForm, closesOnYear: "2020" });
    expect(status(past)).toBe(400);
    expect((body(past)!.errors as Record<string, string[]>).closesOn).toEqual(["The closing date must be today or in the future"]);
    expect(status(await post(newNeed, "/commissioning/needs/new", cookies.commissioner, { ...needForm, closesOnDay: "31", closesOnMonth: "2" }))).toBe(400);
    expect(status(await post(newNeed, "/commissioning/needs/new", cookies.commissioner, { ...needForm, budget: "lots" }))).toBe(400);
    const published = await post(newNeed, "/commissioning/needs/new", cookies.commissioner, needForm);
    expect(status(published)).toBe(302);
    expect(location(published)).toMatch(/^\/commissioning\/needs\/[0-9a-f-]{36}\?done=needPublished$/);
    const needId = location(published)!.split("?")[0].split("/").pop()!;
    const [need] = await db().select().from(schema.needs).where(eq(schema.needs.id, needId));
    expect(need).toMatchObject({ budgetPence: 1_200_000, closesOn: "2099-12-31", phases: ["primary"] });

    const open = body(await get(providerNeeds, "/provider/needs", cookies.providerAdmin))!;
    expect((open.needs as { id: string }[]).map((n) => n.id)).toContain(needId);
    expect(status(await post(providerNeeds, "/provider/needs", cookies.providerAdmin, { needId, offerId: "🦄" }))).toBe(400);
    expect(location(await post(providerNeeds, "/provider/needs", cookies.providerAdmin, { needId, offerId, note: "Autumn start" }))).toBe(
      "/provider/needs?done=needAnswered",
    );
    const answers = body(await get(needDetail, `/commissioning/needs/${needId}`, cookies.commissioner, { needId }))!.answers as { offerId: string }[];
    expect(answers.map((a) => a.offerId)).toEqual([offerId]);
    expect(location(await post(needDetail, `/commissioning/needs/${needId}`, cookies.commissioner, { offerId }, { needId }))).toBe(
      `/commissioning/needs/${needId}?done=offerCommissioned`,
    );
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer.commissionedAt).not.toBeNull();
    expect(status(await get(needDetail, `/commissioning/needs/${needId}`, cookies.otherPanel, { needId }))).toBe(403);
    expect(status(await get(needDetail, "/commissioning/needs/x", cookies.commissioner, { needId: "x" }))).toBe(404);
  });
});
