import { and, eq, inArray } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type OfferPhase, type Queryable, type SubjectArea, type Tx } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { loadProviderOffer } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { isOnSale } from "~/domain/catalogue/on-sale";
import { notifySubjectLeads } from "~/domain/subject-leads/subject-leads.server";
import { loadNeed, londonToday } from "./commissioning.server";
import { tellCallForOffers, tellCommissioningDecision } from "./notify.server";
import { t } from "~/i18n";

const { needs, needResponses, offers } = schema;

export type NeedInput = {
  subjectArea: SubjectArea;
  phases: OfferPhase[];
  title: string;
  description: string;
  titleCy?: string;
  descriptionCy?: string;
  budgetPence: number | null;
  closesOn: string;
};

/** The subject areas a commissioner leads (none listed: all of them). */
export function commissionerAreas(actor: Actor, authorityId: string): readonly string[] | "all" {
  const seats = actor.grants.filter((g) => g.role === "commissioner" && g.authorityId === authorityId);
  const areas = seats.flatMap((s) => s.subjectAreas ?? []);
  return seats.some((s) => (s.subjectAreas ?? []).length === 0) ? "all" : areas;
}

/** A commissioner publishes a call for offers in one of the subject areas they lead. */
export async function publishNeed(
  db: Database,
  { actor, authorityId, input, appUrl, now = new Date() }: { actor: Actor; authorityId: string; input: NeedInput; appUrl: string; now?: Date },
) {
  if (!can(actor.grants, "publish:need", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.commissioning.commissionerPublishNeeds"));
  const areas = commissionerAreas(actor, authorityId);
  if (areas !== "all" && !areas.includes(input.subjectArea)) throw new AppError("FORBIDDEN", t("refusal.commissioning.publishNeedsSubjectAreas"));
  if (input.closesOn < londonToday(now)) throw new AppError("INVALID_INPUT", t("refusal.commissioning.closingDateMustToday"));
  return db.transaction(async (tx) => {
    const [need] = await tx
      .insert(needs)
      .values({ authorityId, commissionerId: actor.id, ...input, createdAt: now })
      .returning();
    await audit(tx, { authorityId, actorUserId: actor.id, action: "need.published", entityType: "need", entityId: need.id, after: input });
    await tellCallForOffers(tx, { authorityId, need, appUrl });
    // The subject's lead commissioner hears of every call for offers in their subject.
    await notifySubjectLeads(tx, {
      authorityId,
      areas: [input.subjectArea],
      actor,
      event: "need-published",
      title: input.title,
      url: `${appUrl}/commissioning/needs/${need.id}`,
    });
    return need;
  });
}

/** A provider answers an open need with one of its offers on sale. */
export async function respondToNeed(
  db: Database,
  {
    actor,
    authorityId,
    providerId,
    needId,
    offerId,
    note,
    now = new Date(),
  }: { actor: Actor; authorityId: string; providerId: string; needId: string; offerId: string; note: string | null; now?: Date },
) {
  if (!can(actor.grants, "edit:offer", { organisationId: providerId, authorityId }))
    throw new AppError("FORBIDDEN", t("refusal.commissioning.cannotAnswerNeedsProvider"));
  return db.transaction(async (tx) => {
    // Under the need's lock, so an answer never lands after the need was commissioned.
    await lockNeed(tx, { authorityId, needId });
    const need = await loadNeed(tx, { authorityId, needId });
    if (need.status !== "open" || need.closesOn < londonToday(now)) throw new AppError("INVALID_STATE", t("refusal.commissioning.needClosed"));
    const { offer } = await loadProviderOffer(tx, { authorityId, providerId, offerId });
    if (!isOnSale(offer, now)) throw new AppError("INVALID_STATE", t("refusal.commissioning.qualityAssuredOfferSale"));
    const [response] = await tx
      .insert(needResponses)
      .values({ needId: need.id, offerId: offer.id, authorityId, note, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!response) throw new AppError("CONFLICT", t("refusal.commissioning.alreadyAnsweredNeedOffer"));
    await audit(tx, { authorityId, actorUserId: actor.id, action: "need.answered", entityType: "need", entityId: need.id, after: { offerId: offer.id, note } });
    return response;
  });
}

type CommissionOfferOptions = { actor: Actor; authorityId: string; needId: string; offerId: string; appUrl: string; now?: Date };

/** The commissioner commissions one of the answering offers: the need closes and the offer is marked. */
export async function commissionOffer(db: Database, { actor, authorityId, needId, offerId, appUrl, now = new Date() }: CommissionOfferOptions) {
  if (!can(actor.grants, "commission:offer", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.commissioning.commissionerCommissionOffers"));
  return db.transaction(async (tx) => {
    await lockNeed(tx, { authorityId, needId });
    const need = await loadNeed(tx, { authorityId, needId });
    if (need.status === "commissioned") throw new AppError("INVALID_STATE", t("refusal.commissioning.needAlreadyBeenCommissioned"));
    const [answer] = await tx
      .select({ offerId: needResponses.offerId })
      .from(needResponses)
      .where(and(eq(needResponses.needId, need.id), eq(needResponses.offerId, offerId), eq(needResponses.authorityId, authorityId)));
    if (!answer) throw new AppError("NOT_FOUND", t("refusal.commissioning.offerAnsweredNeed"));
    const [commissioned] = await tx.update(needs).set({ status: "commissioned", commissionedOfferId: answer.offerId }).where(eq(needs.id, need.id)).returning();
    await tx.update(offers).set({ commissionedAt: now }).where(eq(offers.id, answer.offerId));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "need.commissioned",
      entityType: "need",
      entityId: need.id,
      before: { status: need.status },
      after: { status: "commissioned", offerId: answer.offerId },
    });
    await tellCommissioningDecision(tx, { authorityId, need: commissioned, commissionedOfferId: answer.offerId, appUrl });
    return commissioned;
  });
}

/** Hold a need of this authority until the transaction ends: answers and the commission take turns. */
async function lockNeed(tx: Tx, { authorityId, needId }: { authorityId: string; needId: string }) {
  if (!isUuid(needId)) return;
  await tx
    .select({ id: needs.id })
    .from(needs)
    .where(and(eq(needs.id, needId), eq(needs.authorityId, authorityId)))
    .for("update");
}

/** Which of these calls for offers the provider has answered, and with which of its offers. */
export async function providerAnswers(db: Queryable, { providerId, needIds }: { providerId: string; needIds: string[] }) {
  if (needIds.length === 0) return [];
  return db
    .select({ needId: schema.needResponses.needId, offerId: schema.needResponses.offerId })
    .from(schema.needResponses)
    .innerJoin(schema.offers, eq(schema.offers.id, schema.needResponses.offerId))
    .where(and(inArray(schema.needResponses.needId, needIds), eq(schema.offers.providerId, providerId)));
}
