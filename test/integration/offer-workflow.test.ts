import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import type { Actor } from "~/domain/actor";
import type { OfferFields } from "~/domain/catalogue/offer-schema";
import { onSaleCondition } from "~/domain/catalogue/on-sale.server";
import { saveOffer } from "~/domain/catalogue/save-offer.server";
import { submitOffer, withdrawOffer } from "~/domain/catalogue/submit-offer.server";
import { commissionOffer, publishNeed, respondToNeed } from "~/domain/commissioning/needs.server";
import { reinstateOffer, suspendOffer } from "~/domain/commissioning/suspend-offer.server";
import { verifyProvider } from "~/domain/identity/verify-provider.server";
import { decideOffer, type Decision } from "~/domain/quality/decide-offer.server";
import { pendingDecisionCount, pendingReviewCount, reviewQueue } from "~/domain/quality/panel.server";
import { submitReview } from "~/domain/quality/submit-review.server";
import { takeReview } from "~/domain/quality/take-review.server";
import { completeFields, goodReview, reviewTwice, submittedOffer } from "../factories/quality";
import { useQaWorld } from "../setup/qa-world";

const appUrl = "http://localhost:3000";
const APPROVE = { decision: "approve", conditions: null, comments: null } as const;
describe("the QA workflow through the use cases", () => {
  const { db, world: w } = useQaWorld();

  const a = () => w().authority.id;
  const auditFor = (entityId: string) => db().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, entityId));
  const outboxCount = async () => (await db().select().from(schema.outbox)).length;

  const submitted = (fields = completeFields()) => submittedOffer(db(), w(), fields);
  const reviewedTwice = (revisionId: string) => reviewTwice(db(), w(), revisionId);
  /** Someone of the world's provider saves (or submits) an offer of it: a new one, or this one. */
  const save = (actor: Actor, fields: OfferFields, intent: "save" | "submit", offerId?: string) =>
    saveOffer(db(), { actor, authorityId: a(), providerId: w().provider.id, offerId, fields, intent, appUrl });
  /** Someone of the world's provider (or of `providerId`) submits an offer of it. */
  const submitAs = (actor: Actor, offerId: string, providerId = w().provider.id) => submitOffer(db(), { actor, authorityId: a(), providerId, offerId, appUrl });
  /** Someone of the world decides on a revision. */
  const decideAs = async (user: { id: string }, revisionId: string, decision: Decision, now?: Date) =>
    decideOffer(db(), { actor: await w().actor(user), authorityId: a(), revisionId, decision, appUrl, now });

  it("drafts, submits, reviews twice and approves: the offer goes on sale for twelve months", async () => {
    const staff = await w().actor(w().users.providerStaff);
    const draft = await save(staff, completeFields({ summary: "" }), "save");
    expect(draft.status).toBe("draft");
    const resumed = await save(staff, completeFields(), "save", draft.offerId);
    expect(resumed.revisionId).toBe(draft.revisionId);

    const before = await outboxCount();
    const sent = await submitAs(await w().actor(w().users.providerAdmin), draft.offerId);
    expect(sent.revisionId).toBe(draft.revisionId);
    const emails = await db().select().from(schema.outbox).where(eq(schema.outbox.topic, "offer-submitted"));
    // One email to each panel member of the authority's boards: chair, two members and the support school's head.
    expect((await outboxCount()) - before).toBe(4);
    expect(new Set(emails.map((e) => e.recipient)).size).toBe(4);

    await reviewedTwice(draft.revisionId);
    const [revisionBefore] = await db().select().from(schema.offerRevisions).where(eq(schema.offerRevisions.id, draft.revisionId));
    expect(revisionBefore.status).toBe("in_review");

    const now = new Date("2026-02-10T10:00:00Z");
    await decideAs(w().users.chair, draft.revisionId, { decision: "approve", conditions: "Report impact termly", comments: null }, now);
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, draft.offerId));
    expect(offer.liveRevisionId).toBe(draft.revisionId);
    expect(offer.approvedAt).toEqual(now);
    expect(offer.approvalExpiresAt).toEqual(new Date("2027-02-10T10:00:00Z"));
    const onSale = await db()
      .select({ id: schema.offers.id })
      .from(schema.offers)
      .where(and(eq(schema.offers.id, offer.id), onSaleCondition(new Date("2026-06-01"))));
    expect(onSale).toHaveLength(1);
    // An expired approval leaves the catalogue by itself.
    const expired = await db()
      .select({ id: schema.offers.id })
      .from(schema.offers)
      .where(and(eq(schema.offers.id, offer.id), onSaleCondition(new Date("2027-02-10T10:00:01Z"))));
    expect(expired).toHaveLength(0);

    const actions = (await auditFor(draft.revisionId)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["offer.draft_saved", "offer.submitted", "review.taken", "offer.approved"]));
    const decisionEmails = await db().select().from(schema.outbox).where(eq(schema.outbox.topic, "offer-decision"));
    expect(decisionEmails.map((e) => e.recipient)).toEqual([w().users.providerAdmin.email]);
    expect(decisionEmails[0].payload).toMatchObject({ decision: "approved", conditions: "Report impact termly" });
  });

  it("keeps the approved revision on sale while a material edit waits for review", async () => {
    const first = await submitted();
    await reviewedTwice(first.revisionId);
    await decideAs(w().users.commissioner, first.revisionId, APPROVE);
    const admin = await w().actor(w().users.providerAdmin);
    const unchanged = await save(admin, completeFields(), "save", first.offerId);
    expect(unchanged.revisionId).toBe(first.revisionId);

    const tiers = completeFields().priceTiers.map((t, i) => (i === 0 ? { ...t, unitPricePence: 95000 } : t));
    const edit = await save(admin, completeFields({ priceTiers: tiers }), "submit", first.offerId);
    expect(edit.revisionId).not.toBe(first.revisionId);
    expect(edit.status).toBe("submitted");
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, first.offerId));
    expect(offer.liveRevisionId).toBe(first.revisionId);
    expect(offer.latestRevisionId).toBe(edit.revisionId);
    const [revision] = await db().select().from(schema.offerRevisions).where(eq(schema.offerRevisions.id, edit.revisionId));
    expect(revision).toMatchObject({ number: 2, fromPricePence: 95000 });
    // While it is with the panel the provider cannot edit it.
    await expect(save(admin, completeFields(), "save", first.offerId)).rejects.toThrow(/with the QA panel/);
  });

  it("sends changes back to the provider, who edits and resubmits as a new revision", async () => {
    const first = await submitted();
    await reviewedTwice(first.revisionId);
    await decideAs(w().users.chair, first.revisionId, { decision: "request_changes", comments: "Add evidence from schools like ours" });
    const admin = await w().actor(w().users.providerAdmin);
    const second = await save(admin, completeFields({ evidence: "EEF trial in 60 schools" }), "submit", first.offerId);
    const revisions = await db().select().from(schema.offerRevisions).where(eq(schema.offerRevisions.offerId, first.offerId));
    expect(revisions.map((r) => [r.number, r.status]).sort()).toEqual([
      [1, "changes_requested"],
      [2, "submitted"],
    ]);
    const [r1] = revisions.filter((r) => r.number === 1);
    expect(r1.decisionComments).toBe("Add evidence from schools like ours");
    expect(second.status).toBe("submitted");
  });

  it("rejects, and withdraws a pending revision", async () => {
    const first = await submitted();
    await reviewedTwice(first.revisionId);
    await decideAs(w().users.chair, first.revisionId, { decision: "reject", comments: "Not value for money" });
    const second = await submitted();
    const admin = await w().actor(w().users.providerAdmin);
    expect((await withdrawOffer(db(), { actor: admin, authorityId: a(), providerId: w().provider.id, offerId: second.offerId })).status).toBe("withdrawn");
    await expect(withdrawOffer(db(), { actor: admin, authorityId: a(), providerId: w().provider.id, offerId: second.offerId })).rejects.toThrow(
      /can be withdrawn/,
    );
  });

  it("lets no one decide without a quorum, a conflict not count, and a non-chair not decide", async () => {
    const first = await submitted();
    const chair = await w().actor(w().users.chair);
    const one = await w().actor(w().users.panelOne);
    const two = await w().actor(w().users.panelTwo);
    await takeReview(db(), { actor: one, authorityId: a(), revisionId: first.revisionId });
    await submitReview(db(), { actor: one, authorityId: a(), revisionId: first.revisionId, input: goodReview });
    await takeReview(db(), { actor: two, authorityId: a(), revisionId: first.revisionId });
    await submitReview(db(), {
      actor: two,
      authorityId: a(),
      revisionId: first.revisionId,
      input: { conflict: true, conflictNote: "I was a trustee of the alliance" },
    });
    const decide = (actor: typeof chair) =>
      decideOffer(db(), { actor, authorityId: a(), revisionId: first.revisionId, decision: { decision: "approve", conditions: null, comments: null }, appUrl });
    await expect(decide(chair)).rejects.toThrow(/At least two panel members/);
    const [conflicted] = await db()
      .select()
      .from(schema.qaReviews)
      .where(and(eq(schema.qaReviews.revisionId, first.revisionId), eq(schema.qaReviews.reviewerId, w().users.panelTwo.id)));
    expect(conflicted).toMatchObject({ conflictOfInterest: true, scores: {} });

    await takeReview(db(), { actor: chair, authorityId: a(), revisionId: first.revisionId });
    await submitReview(db(), { actor: chair, authorityId: a(), revisionId: first.revisionId, input: goodReview });
    await expect(decide(one)).rejects.toThrow(/chair of the QA panel or a commissioner/);
    await expect(decide(await w().actor(w().users.providerAdmin))).rejects.toThrow(/chair of the QA panel or a commissioner/);
    await expect(submitReview(db(), { actor: one, authorityId: a(), revisionId: first.revisionId, input: goodReview })).rejects.toThrow(/already submitted/);
    expect((await decide(chair)).status).toBe("approved");
  });

  it("refuses a reviewer from the provider's own organisation, including the head of a supporting school", async () => {
    const actor = await w().actor(w().users.schoolProviderAdmin);
    const offer = await saveOffer(db(), { actor, authorityId: a(), providerId: w().schoolProvider.id, fields: completeFields(), intent: "submit", appUrl });
    const head = await w().actor(w().users.supportHead);
    await expect(takeReview(db(), { actor: head, authorityId: a(), revisionId: offer.revisionId })).rejects.toThrow(/own organisation/);
    expect((await reviewQueue(db(), { actor: head, authorityId: a() })).map((r) => r.revisionId)).not.toContain(offer.revisionId);
    expect((await reviewQueue(db(), { actor: await w().actor(w().users.panelOne), authorityId: a() })).map((r) => r.revisionId)).toContain(offer.revisionId);
  });

  it("never lets a provider approve its own offer", async () => {
    const first = await submitted();
    await reviewedTwice(first.revisionId);
    await expect(decideAs(w().users.providerAdmin, first.revisionId, APPROVE)).rejects.toThrow(/chair of the QA panel or a commissioner/);
    await expect(takeReview(db(), { actor: await w().actor(w().users.providerAdmin), authorityId: a(), revisionId: first.revisionId })).rejects.toThrow(
      /Only QA panel members/,
    );
  });

  it("keeps another authority's panel out of the queue and the review", async () => {
    const first = await submitted();
    const other = await w().actor(w().users.otherPanel, w().otherAuthority.id);
    expect(await reviewQueue(db(), { actor: other, authorityId: w().otherAuthority.id })).toEqual([]);
    await expect(takeReview(db(), { actor: other, authorityId: w().otherAuthority.id, revisionId: first.revisionId })).rejects.toMatchObject({ status: 404 });
    await expect(takeReview(db(), { actor: other, authorityId: w().otherAuthority.id, revisionId: "not-a-uuid" })).rejects.toMatchObject({ status: 404 });
  });

  it("lets an unverified provider draft but not submit, until the authority verifies it", async () => {
    const actor = await w().actor(w().users.unverifiedAdmin);
    const draft = await saveOffer(db(), { actor, authorityId: a(), providerId: w().unverified.id, fields: completeFields(), intent: "save", appUrl });
    const before = await outboxCount();
    await expect(
      saveOffer(db(), { actor, authorityId: a(), providerId: w().unverified.id, offerId: draft.offerId, fields: completeFields(), intent: "submit", appUrl }),
    ).rejects.toThrow(/not been verified/);
    await expect(submitAs(actor, draft.offerId, w().unverified.id)).rejects.toThrow(/not been verified/);
    expect(await outboxCount()).toBe(before);
    await expect(verifyProvider(db(), { actor, authorityId: a(), providerId: w().unverified.id })).rejects.toThrow(/administrators/);
    await verifyProvider(db(), { actor: await w().actor(w().users.laAdmin), authorityId: a(), providerId: w().unverified.id });
    expect((await auditFor(w().unverified.id)).map((r) => r.action)).toEqual(["provider.verified"]);
    expect((await submitAs(actor, draft.offerId, w().unverified.id)).revisionId).toBe(draft.revisionId);
  });

  it("lets only a provider administrator submit, and only complete offers", async () => {
    const staff = await w().actor(w().users.providerStaff);
    await expect(save(staff, completeFields(), "submit")).rejects.toThrow(/provider administrator/);
    const admin = await w().actor(w().users.providerAdmin);
    const draft = await save(admin, completeFields({ evidence: "" }), "save");
    await expect(submitAs(admin, draft.offerId)).rejects.toThrow(/evidence/);
  });

  it("re-reviews an offer whose approval ran out, as a new revision", async () => {
    const first = await submitted();
    await reviewedTwice(first.revisionId);
    await decideAs(w().users.chair, first.revisionId, APPROVE, new Date("2024-01-10T09:00:00Z"));
    const again = await submitAs(await w().actor(w().users.providerAdmin), first.offerId);
    const [revision] = await db().select().from(schema.offerRevisions).where(eq(schema.offerRevisions.id, again.revisionId));
    expect(revision).toMatchObject({ number: 2, status: "submitted", title: completeFields().title });
  });

  it("counts the panel's pending work for the home page", async () => {
    const one = await w().actor(w().users.panelOne);
    const queue = await reviewQueue(db(), { actor: one, authorityId: a() });
    expect(await pendingReviewCount(db(), { ...one, acting: { authorityId: a() } })).toBe(queue.filter((r) => r.myReview !== "submitted").length);
    expect(await pendingReviewCount(db(), { ...(await w().actor(w().users.providerAdmin)), acting: { authorityId: a() } })).toBe(0);
    // A revision with its two reviews in waits for the chair's decision, and stops waiting once decided.
    const chair = { ...(await w().actor(w().users.chair)), acting: { authorityId: a() } };
    const waiting = await pendingDecisionCount(db(), chair);
    const next = await submitted();
    expect(await pendingDecisionCount(db(), chair)).toBe(waiting);
    await reviewedTwice(next.revisionId);
    expect(await pendingDecisionCount(db(), chair)).toBe(waiting + 1);
    expect(await pendingDecisionCount(db(), { ...(await w().actor(w().users.panelOne)), acting: { authorityId: a() } })).toBe(0);
    await decideOffer(db(), {
      actor: chair,
      authorityId: a(),
      revisionId: next.revisionId,
      decision: { decision: "reject", comments: "Not this year" },
      appUrl,
    });
    expect(await pendingDecisionCount(db(), chair)).toBe(waiting);
  });

  it("a failing transition writes neither audit nor outbox rows", async () => {
    const first = await submitted();
    const audits = (await db().select().from(schema.auditLog)).length;
    const emails = await outboxCount();
    await expect(decideAs(w().users.chair, first.revisionId, APPROVE)).rejects.toThrow();
    expect((await db().select().from(schema.auditLog)).length).toBe(audits);
    expect(await outboxCount()).toBe(emails);
  });
});

describe("commissioning through the use cases", () => {
  const { db, world: w } = useQaWorld();
  let offerId: string;
  beforeAll(async () => {
    const a = w().authority.id;
    const saved = await submittedOffer(db(), w());
    await reviewTwice(db(), w(), saved.revisionId);
    await decideOffer(db(), {
      actor: await w().actor(w().users.chair),
      authorityId: a,
      revisionId: saved.revisionId,
      decision: { decision: "approve", conditions: null, comments: null },
      appUrl,
    });
    offerId = saved.offerId;
  });

  it("suspends with a reason the provider hears, and reinstates", async () => {
    const a = w().authority.id;
    const commissioner = await w().actor(w().users.commissioner);
    await expect(suspendOffer(db(), { actor: await w().actor(w().users.chair), authorityId: a, offerId, reason: "x", appUrl })).rejects.toThrow(/commissioner/);
    const onSale = () =>
      db()
        .select()
        .from(schema.offers)
        .where(and(eq(schema.offers.id, offerId), onSaleCondition(new Date())));
    await suspendOffer(db(), { actor: commissioner, authorityId: a, offerId, reason: "Sessions cancelled without notice", appUrl });
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer.suspendedReason).toBe("Sessions cancelled without notice");
    expect(await onSale()).toHaveLength(0);
    const emails = await db().select().from(schema.outbox).where(eq(schema.outbox.topic, "offer-suspended"));
    expect(emails.map((e) => e.recipient)).toEqual([w().users.providerAdmin.email]);
    await expect(suspendOffer(db(), { actor: commissioner, authorityId: a, offerId, reason: "again", appUrl })).rejects.toThrow(/already suspended/);
    await reinstateOffer(db(), { actor: commissioner, authorityId: a, offerId });
    expect(await onSale()).toHaveLength(1);
    const actions = (await db().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, offerId))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["offer.suspended", "offer.reinstated"]));
  });

  it("publishes a need, takes answers and commissions one", async () => {
    const a = w().authority.id;
    const commissioner = await w().actor(w().users.commissioner);
    const input = {
      subjectArea: "literacy" as const,
      phases: ["primary" as const],
      title: "Writing in Key Stage 2",
      description: "Raise writing attainment",
      budgetPence: 2_000_000,
      closesOn: "2099-03-31",
    };
    await expect(
      publishNeed(db(), { appUrl: "http://localhost:3000", actor: commissioner, authorityId: a, input: { ...input, subjectArea: "send" } }),
    ).rejects.toThrow(/subject areas you lead/);
    await expect(
      publishNeed(db(), { appUrl: "http://localhost:3000", actor: commissioner, authorityId: a, input: { ...input, closesOn: "2020-01-01" } }),
    ).rejects.toThrow(/closing date/);
    const need = await publishNeed(db(), { appUrl: "http://localhost:3000", actor: commissioner, authorityId: a, input });
    const provider = await w().actor(w().users.providerAdmin);
    await respondToNeed(db(), {
      actor: provider,
      authorityId: a,
      providerId: w().provider.id,
      needId: need.id,
      offerId,
      note: "We can start in the autumn",
    });
    await expect(respondToNeed(db(), { actor: provider, authorityId: a, providerId: w().provider.id, needId: need.id, offerId, note: null })).rejects.toThrow(
      /already answered/,
    );
    await expect(commissionOffer(db(), { appUrl: "http://localhost:3000", actor: provider, authorityId: a, needId: need.id, offerId })).rejects.toThrow(
      /commissioner/,
    );
    await commissionOffer(db(), { appUrl: "http://localhost:3000", actor: commissioner, authorityId: a, needId: need.id, offerId });
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer.commissionedAt).not.toBeNull();
    const [after] = await db().select().from(schema.needs).where(eq(schema.needs.id, need.id));
    expect(after).toMatchObject({ status: "commissioned", commissionedOfferId: offerId });
    const actions = (
      await db()
        .select()
        .from(schema.auditLog)
        .where(inArray(schema.auditLog.action, ["need.published", "need.answered", "need.commissioned"]))
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(["need.answered", "need.commissioned", "need.published"]);
  });
});
