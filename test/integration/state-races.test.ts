// Two people acting on the same offer or need at the same moment. Each use case reads the state it
// checks inside its own transaction, under a lock, so exactly one of two conflicting changes wins,
// the other is told why, and the audit log records one change. On PostgreSQL the two calls run on
// two connections at once; PGlite has one connection and runs them one after the other.
import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { saveOffer } from "~/domain/catalogue/save-offer.server";
import { submitOffer, withdrawOffer } from "~/domain/catalogue/submit-offer.server";
import { commissionOffer, publishNeed, respondToNeed } from "~/domain/commissioning/needs.server";
import { reinstateOffer, suspendOffer } from "~/domain/commissioning/suspend-offer.server";
import { AppError } from "~/domain/errors";
import { decideOffer } from "~/domain/quality/decide-offer.server";
import { submitReview } from "~/domain/quality/submit-review.server";
import { takeReview } from "~/domain/quality/take-review.server";
import { completeFields, goodReview, reviewTwice, submittedOffer } from "../factories/quality";
import { useQaWorld } from "../setup/qa-world";

const appUrl = "http://localhost:3000";
/** Run two calls at once; exactly one must succeed and the other must be refused with `code` and a message matching `message`. */
async function oneWins<T>(calls: [() => Promise<T>, () => Promise<T>], code: string, message: RegExp) {
  const results = await Promise.allSettled(calls.map((call) => call()));
  const won = results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === "fulfilled");
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(lost.map((r) => (r.reason instanceof AppError ? r.reason.code : String(r.reason)))).toEqual([code]);
  expect((lost[0].reason as Error).message).toMatch(message);
  expect(won).toHaveLength(1);
  return won[0].value;
}

describe("two changes to one offer at once", () => {
  const { db, world: w } = useQaWorld();

  const a = () => w().authority.id;
  const auditRows = (entityId: string, action: string) =>
    db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, entityId), eq(schema.auditLog.action, action)));
  const revisionsOf = (offerId: string) => db().select().from(schema.offerRevisions).where(eq(schema.offerRevisions.offerId, offerId));

  async function draft() {
    return saveOffer(db(), {
      actor: await w().actor(w().users.providerAdmin),
      authorityId: a(),
      providerId: w().provider.id,
      fields: completeFields(),
      intent: "save",
      appUrl,
    });
  }
  async function reviewedTwice() {
    const submitted = await submittedOffer(db(), w());
    await reviewTwice(db(), w(), submitted.revisionId);
    return submitted;
  }
  async function approved() {
    const { offerId, revisionId } = await reviewedTwice();
    await decideOffer(db(), {
      actor: await w().actor(w().users.chair),
      authorityId: a(),
      revisionId,
      decision: { decision: "approve", conditions: null, comments: null },
      appUrl,
    });
    return offerId;
  }
  const publish = async (title: string) =>
    publishNeed(db(), {
      appUrl,
      actor: await w().actor(w().users.commissioner),
      authorityId: a(),
      input: { subjectArea: "literacy", phases: ["primary"], title, description: "Raise attainment", budgetPence: null, closesOn: "2099-03-31" },
    });

  it("sends a draft to the panel once when two administrators submit it together", async () => {
    const { offerId, revisionId } = await draft();
    const admin = await w().actor(w().users.providerAdmin);
    const submit = () => submitOffer(db(), { actor: admin, authorityId: a(), providerId: w().provider.id, offerId, appUrl });
    const won = await oneWins([submit, submit], "INVALID_STATE", /already with the QA panel/);
    expect(won.revisionId).toBe(revisionId);
    expect(await auditRows(revisionId, "offer.submitted")).toHaveLength(1);
    const [revision] = await revisionsOf(offerId);
    expect(revision.status).toBe("submitted");
    // One email to each of the four panel members, not eight.
    const emails = await db().select().from(schema.outbox).where(eq(schema.outbox.topic, "offer-submitted"));
    expect(emails.filter((e) => (e.payload as { url: string }).url.endsWith(revisionId))).toHaveLength(4);
  });

  it("sends a draft once when it is saved and submitted from two tabs together", async () => {
    const { offerId, revisionId } = await draft();
    const admin = await w().actor(w().users.providerAdmin);
    const save = () =>
      saveOffer(db(), {
        actor: admin,
        authorityId: a(),
        providerId: w().provider.id,
        offerId,
        fields: completeFields({ summary: "Edited in two tabs" }),
        intent: "submit",
        appUrl,
      });
    await oneWins([save, save], "INVALID_STATE", /with the QA panel/);
    expect(await auditRows(revisionId, "offer.submitted")).toHaveLength(1);
    expect((await revisionsOf(offerId)).map((r) => [r.number, r.status])).toEqual([[1, "submitted"]]);
  });

  it("makes one new revision when two tabs edit an approved offer together", async () => {
    const offerId = await approved();
    const admin = await w().actor(w().users.providerAdmin);
    const edit = (summary: string) => () =>
      saveOffer(db(), { actor: admin, authorityId: a(), providerId: w().provider.id, offerId, fields: completeFields({ summary }), intent: "submit", appUrl });
    await oneWins([edit("First tab"), edit("Second tab")], "INVALID_STATE", /with the QA panel/);
    const revisions = await revisionsOf(offerId);
    expect(revisions.map((r) => [r.number, r.status]).sort()).toEqual([
      [1, "approved"],
      [2, "submitted"],
    ]);
    const second = revisions.find((r) => r.number === 2)!;
    expect(await auditRows(second.id, "offer.revision_created")).toHaveLength(1);
    expect(await auditRows(second.id, "offer.submitted")).toHaveLength(1);
  });

  it("records one decision when the chair and a commissioner decide together", async () => {
    const { offerId, revisionId } = await reviewedTwice();
    const approve = async () =>
      decideOffer(db(), {
        actor: await w().actor(w().users.chair),
        authorityId: a(),
        revisionId,
        decision: { decision: "approve", conditions: null, comments: null },
        appUrl,
      });
    const reject = async () =>
      decideOffer(db(), {
        actor: await w().actor(w().users.commissioner),
        authorityId: a(),
        revisionId,
        decision: { decision: "reject", comments: "Too costly" },
        appUrl,
      });
    const won = await oneWins([approve, reject], "INVALID_STATE", /not waiting for a decision|just been decided/);
    const decisions = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, revisionId), inArray(schema.auditLog.action, ["offer.approved", "offer.rejected"])));
    expect(decisions.map((d) => d.action)).toEqual([`offer.${won.status}`]);
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer.liveRevisionId).toBe(won.status === "approved" ? revisionId : null);
  });

  it("never brings a withdrawn revision back into review", async () => {
    const { offerId, revisionId } = await submittedOffer(db(), w());
    const reviewer = await w().actor(w().users.panelOne);
    const admin = await w().actor(w().users.providerAdmin);
    const [taken, withdrawn] = await Promise.allSettled([
      takeReview(db(), { actor: reviewer, authorityId: a(), revisionId }),
      withdrawOffer(db(), { actor: admin, authorityId: a(), providerId: w().provider.id, offerId }),
    ]);
    // Either order is allowed (a revision in review can still be withdrawn), but withdrawal is final.
    expect(withdrawn.status).toBe("fulfilled");
    if (taken.status === "rejected") expect(taken.reason).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/not waiting for review/) });
    const [revision] = await revisionsOf(offerId);
    expect(revision.status).toBe("withdrawn");
    expect(await auditRows(revisionId, "offer.withdrawn")).toHaveLength(1);
    expect(await auditRows(revisionId, "review.taken")).toHaveLength(taken.status === "fulfilled" ? 1 : 0);
  });

  it("takes one review when a panel member presses twice", async () => {
    const { revisionId } = await submittedOffer(db(), w());
    const reviewer = await w().actor(w().users.panelTwo);
    const [first, second] = await Promise.all([
      takeReview(db(), { actor: reviewer, authorityId: a(), revisionId }),
      takeReview(db(), { actor: reviewer, authorityId: a(), revisionId }),
    ]);
    expect(second.id).toBe(first.id);
    expect(await auditRows(revisionId, "review.taken")).toHaveLength(1);
  });

  it("submits a review once when it is sent twice", async () => {
    const { revisionId } = await submittedOffer(db(), w());
    const reviewer = await w().actor(w().users.panelOne);
    const { id } = await takeReview(db(), { actor: reviewer, authorityId: a(), revisionId });
    const send = () => submitReview(db(), { actor: reviewer, authorityId: a(), revisionId, input: goodReview });
    await oneWins([send, send], "INVALID_STATE", /already submitted your review/);
    expect(await auditRows(id, "review.submitted")).toHaveLength(1);
  });

  it("suspends once when two commissioners suspend together", async () => {
    const offerId = await approved();
    const commissioner = await w().actor(w().users.commissioner);
    const suspend = (reason: string) => () => suspendOffer(db(), { actor: commissioner, authorityId: a(), offerId, reason, appUrl });
    const won = await oneWins([suspend("Complaint from a school"), suspend("Safeguarding concern")], "INVALID_STATE", /already suspended/);
    expect(await auditRows(offerId, "offer.suspended")).toHaveLength(1);
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer.suspendedReason).toBe(won.suspendedReason);

    const reinstate = () => reinstateOffer(db(), { actor: commissioner, authorityId: a(), offerId });
    await oneWins([reinstate, reinstate], "INVALID_STATE", /not suspended/);
    expect(await auditRows(offerId, "offer.reinstated")).toHaveLength(1);
  });

  it("commissions one offer when two are chosen for one need together", async () => {
    const commissioner = await w().actor(w().users.commissioner);
    const offers = [await approved(), await approved()];
    const need = await publish("Writing in Key Stage 2");
    const provider = await w().actor(w().users.providerAdmin);
    for (const offerId of offers)
      await respondToNeed(db(), { actor: provider, authorityId: a(), providerId: w().provider.id, needId: need.id, offerId, note: null });
    const commission = (offerId: string) => () => commissionOffer(db(), { appUrl, actor: commissioner, authorityId: a(), needId: need.id, offerId });
    const won = await oneWins([commission(offers[0]), commission(offers[1])], "INVALID_STATE", /already been commissioned|just changed/);
    expect(await auditRows(need.id, "need.commissioned")).toHaveLength(1);
    const commissioned = await db().select().from(schema.offers).where(inArray(schema.offers.id, offers));
    expect(commissioned.filter((o) => o.commissionedAt !== null).map((o) => o.id)).toEqual([won.commissionedOfferId]);
  });

  it("does not take an answer for a need that was commissioned at the same moment", async () => {
    const commissioner = await w().actor(w().users.commissioner);
    const provider = await w().actor(w().users.providerAdmin);
    const offers = [await approved(), await approved()];
    const need = await publish("Reading for pleasure");
    await respondToNeed(db(), { actor: provider, authorityId: a(), providerId: w().provider.id, needId: need.id, offerId: offers[0], note: null });
    const [answered, commissioned] = await Promise.allSettled([
      respondToNeed(db(), { actor: provider, authorityId: a(), providerId: w().provider.id, needId: need.id, offerId: offers[1], note: "Late answer" }),
      commissionOffer(db(), { appUrl, actor: commissioner, authorityId: a(), needId: need.id, offerId: offers[0] }),
    ]);
    expect(commissioned.status).toBe("fulfilled");
    // Answered first, or refused because the need had closed: never an answer recorded after the commission.
    const answers = await db().select().from(schema.needResponses).where(eq(schema.needResponses.needId, need.id));
    const audit = await db().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, need.id)).orderBy(asc(schema.auditLog.id));
    const commissionedAt = audit.findIndex((r) => r.action === "need.commissioned");
    const lateAnswer = audit.findIndex((r) => r.action === "need.answered" && (r.after as { offerId: string }).offerId === offers[1]);
    if (answered.status === "fulfilled") {
      expect(answers).toHaveLength(2);
      expect(lateAnswer).toBeGreaterThanOrEqual(0);
      expect(lateAnswer).toBeLessThan(commissionedAt);
    } else {
      expect(answered.reason).toMatchObject({ code: "INVALID_STATE", message: "This need is closed" });
      expect(answers).toHaveLength(1);
      expect(lateAnswer).toBe(-1);
    }
  });
});
