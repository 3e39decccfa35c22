import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { queueEmails } from "~/domain/purchasing/notify.server";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { evaluationUrl } from "./notify.server";
import { t } from "~/i18n";

const { evaluations, users } = schema;

export type SignOffOptions = {
  actor: Actor;
  authorityId: string;
  orderId: string;
  decision: { kind: "sign_off" } | { kind: "question"; question: string };
  appUrl: string;
  now?: Date;
};

/** The school's challenge adviser reads the evaluation and signs it off, or asks the school a question first. */
export async function signOffEvaluation(db: Database, { actor, authorityId, orderId, decision, appUrl, now = new Date() }: SignOffOptions) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId });
    ensurePower(deliveryPowers(actor, authorityId, order), "adviser", t("delivery.power.signOffEvaluations"));
    const [evaluation] = await tx
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.orderId, order.id), eq(evaluations.authorityId, authorityId)))
      .for("update");
    if (!evaluation) throw new AppError("INVALID_STATE", t("refusal.delivery.schoolNotEvaluatedYet"));
    if (evaluation.status === "signed_off") {
      if (decision.kind === "sign_off") return { evaluation, replayed: true };
      throw new AppError("INVALID_STATE", t("refusal.delivery.evaluationAlreadySignedOff"));
    }
    const change =
      decision.kind === "sign_off"
        ? { status: "signed_off" as const, signedOffAt: now, adviserId: actor.id }
        : { status: "question" as const, adviserQuestion: decision.question, adviserId: actor.id };
    const [updated] = await tx.update(evaluations).set(change).where(eq(evaluations.id, evaluation.id)).returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: decision.kind === "sign_off" ? "evaluation.signed_off" : "evaluation.questioned",
      entityType: "evaluation",
      entityId: evaluation.id,
      organisationId: order.schoolId,
      before: { status: evaluation.status },
      after: { status: updated.status, question: updated.adviserQuestion },
    });
    const [adviser] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
    const [evaluator] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, evaluation.evaluatorId));
    if (evaluator)
      await queueEmails(tx, authorityId, "evaluation-signed-off", [
        {
          to: evaluator.email,
          props: {
            name: evaluator.name,
            adviserName: adviser?.name ?? "",
            schoolName: order.schoolName,
            offerTitle: order.title,
            outcome: updated.status === "signed_off" ? "signed_off" : "question",
            question: updated.status === "question" ? updated.adviserQuestion : null,
            url: evaluationUrl(appUrl, order.id),
          },
        },
      ]);
    return { evaluation: updated, replayed: false };
  });
}
