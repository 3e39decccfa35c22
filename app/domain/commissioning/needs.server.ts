import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type OfferPhase, type SubjectArea } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { loadProviderOffer } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { isOnSale } from "~/domain/quality/offer-workflow";
import { loadNeed, londonToday } from "./commissioning.server";

const { needs, needResponses, offers } = schema;

export type NeedInput = { subjectArea: SubjectArea; phases: OfferPhase[]; title: string; description: string; budgetPence: number | null; closesOn: string };

/** The subject areas a commissioner leads (none listed: all of them). */
export function commissionerAreas(actor: Actor, authorityId: string): readonly string[] | "all" {
  const seats = actor.grants.filter((g) => g.role === "commissioner" && g.authorityId === authorityId);
  const areas = seats.flatMap((s) => s.subjectAreas ?? []);
  return seats.some((s) => (s.subjectAreas ?? []).length === 0) ? "all" : areas;
}

/** A commissioner publishes a call for offers in one of the subject areas they lead. */
export async function publishNeed(db: Database, { actor, authorityId, input, now = new Date() }: { actor: Actor; authorityId: string; input: NeedInput; now?: Date }) {
  if (!can(actor.grants, "publish:need", { authorityId })) throw new AppError("FORBIDDEN", "Only a commissioner can publish needs");
  const areas = commissionerAreas(actor, authorityId);
  if (areas !== "all" && !areas.includes(input.subjectArea)) throw new AppError("FORBIDDEN", "You can publish needs only in the subject areas you lead");
  if (input.closesOn < londonToday(now)) throw new AppError("INVALID_INPUT", "The closing date must be today or in the future");
  return db.transaction(async (tx) => {
    const [need] = await tx.insert(needs).values({ authorityId, commissionerId: actor.id, ...input, createdAt: now }).returning();
    await audit(tx, { authorityId, actorUserId: actor.id, action: "need.published", entityType: "need", entityId: need.id, after: input });
    return need;
  });
}

/** A provider answers an open need with one of its offers on sale. */
export async function respondToNeed(db: Database, { actor, authorityId, providerId, needId, offerId, note, now = new Date() }: { actor: Actor; authorityId: string; providerId: string; needId: string; offerId: string; note: string | null; now?: Date }) {
  if (!can(actor.grants, "edit:offer", { organisationId: providerId, authorityId })) throw new AppError("FORBIDDEN", "You cannot answer needs for this provider");
  const need = await loadNeed(db, { authorityId, needId });
  if (need.status !== "open" || need.closesOn < londonToday(now)) throw new AppError("INVALID_STATE", "This need is closed");
  const { offer } = await loadProviderOffer(db, { authorityId, providerId, offerId });
  if (!isOnSale(offer, now)) throw new AppError("INVALID_STATE", "Only a quality-assured offer on sale can answer a need");
  return db.transaction(async (tx) => {
    const [response] = await tx.insert(needResponses).values({ needId: need.id, offerId: offer.id, authorityId, note, createdAt: now }).onConflictDoNothing().returning();
    if (!response) throw new AppError("CONFLICT", "You have already answered this need with that offer");
    await audit(tx, { authorityId, actorUserId: actor.id, action: "need.answered", entityType: "need", entityId: need.id, after: { offerId: offer.id, note } });
    return response;
  });
}

/** The commissioner commissions one of the answering offers: the need closes and the offer is marked. */
export async function commissionOffer(db: Database, { actor, authorityId, needId, offerId, now = new Date() }: { actor: Actor; authorityId: string; needId: string; offerId: string; now?: Date }) {
  if (!can(actor.grants, "commission:offer", { authorityId })) throw new AppError("FORBIDDEN", "Only a commissioner can commission offers");
  const need = await loadNeed(db, { authorityId, needId });
  if (need.status === "commissioned") throw new AppError("INVALID_STATE", "This need has already been commissioned");
  const [answer] = await db
    .select({ offerId: needResponses.offerId })
    .from(needResponses)
    .where(and(eq(needResponses.needId, need.id), eq(needResponses.offerId, offerId), eq(needResponses.authorityId, authorityId)));
  if (!answer) throw new AppError("NOT_FOUND", "That offer has not answered this need");
  return db.transaction(async (tx) => {
    const [commissioned] = await tx
      .update(needs)
      .set({ status: "commissioned", commissionedOfferId: answer.offerId })
      .where(and(eq(needs.id, need.id), eq(needs.status, need.status)))
      .returning();
    if (!commissioned) throw new AppError("INVALID_STATE", "This need has just changed: look again");
    await tx.update(offers).set({ commissionedAt: now }).where(eq(offers.id, answer.offerId));
    await audit(tx, { authorityId, actorUserId: actor.id, action: "need.commissioned", entityType: "need", entityId: need.id, before: { status: need.status }, after: { status: "commissioned", offerId: answer.offerId } });
    return commissioned;
  });
}
