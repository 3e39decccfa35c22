import { and, eq, ne, sql } from "drizzle-orm";
import { schema, type Database, type PaymentRoute } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ensureCan, type Actor } from "~/domain/actor";
import { loadCollectivePurchase, loadSchool } from "./load.server";
import { paymentRoutesFor } from "./rules";
import { t } from "~/i18n";

export type AnswerCollectivePurchaseOptions = {
  actor: Actor;
  authorityId: string;
  collectivePurchaseId: string;
  schoolId: string;
  now?: Date;
} & ({ answer: "join"; delegates: number; poNumber: string | null; paymentRoute: PaymentRoute } | { answer: "decline" | "withdraw" });

const { collectivePurchases, pledges, providers, offers } = schema;

/**
 * A member school joins (with its delegates and purchase-order number), declines, or withdraws
 * before the close. The purchase row is locked while the school's answer is written, so schools
 * joining at the same moment queue and can never take it past its maximum.
 */
export async function answerCollectivePurchase(db: Database, options: AnswerCollectivePurchaseOptions) {
  const { actor, authorityId, now = new Date() } = options;
  const purchase = await loadCollectivePurchase(db, authorityId, options.collectivePurchaseId);
  const school = await loadSchool(db, { authorityId, schoolId: options.schoolId, now });
  ensureCan(actor, "join:collective-purchase", { organisationId: school.id, authorityId }, t("refusal.purchasing.answerNotBuyer"));
  if (school.consortiumId !== purchase.consortiumId) throw new AppError("FORBIDDEN", t("refusal.purchasing.schoolsConsortiumJoinCollective"));
  if (options.answer === "join") {
    const [provider] = await db
      .select({ kind: providers.providerKind })
      .from(offers)
      .innerJoin(providers, eq(providers.organisationId, offers.providerId))
      .where(eq(offers.id, purchase.offerId));
    if (options.paymentRoute === "card") throw new AppError("INVALID_INPUT", t("refusal.purchasing.cardAfterInvoice"));
    if (!paymentRoutesFor({ laMaintained: school.laMaintained, costCentre: school.costCentre, providerKind: provider.kind }).includes(options.paymentRoute)) {
      throw new AppError("INVALID_INPUT", t("refusal.purchasing.internalRechargeMaintainedSchools"));
    }
  }

  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: collectivePurchases.status, closesAt: collectivePurchases.closesAt, maxSchools: collectivePurchases.maxSchools })
      .from(collectivePurchases)
      .where(eq(collectivePurchases.id, purchase.id))
      .for("update");
    if (locked.status !== "open" || locked.closesAt.getTime() <= now.getTime())
      throw new AppError("INVALID_STATE", t("refusal.purchasing.collectivePurchaseClosed"));
    const [existing] = await tx
      .select()
      .from(pledges)
      .where(and(eq(pledges.collectivePurchaseId, purchase.id), eq(pledges.schoolId, school.id)));

    // A second click on "withdraw" finds the school already withdrawn: the outcome of the first.
    if (options.answer === "withdraw" && existing?.status === "withdrawn") return existing;
    if (options.answer === "withdraw" && existing?.status !== "joined")
      throw new AppError("INVALID_STATE", t("refusal.purchasing.schoolJoinedCollectivePurchase"));
    if (options.answer === "join" && locked.maxSchools !== null) {
      const [{ joined }] = await tx
        .select({ joined: sql<number>`count(*)::int` })
        .from(pledges)
        .where(and(eq(pledges.collectivePurchaseId, purchase.id), eq(pledges.status, "joined"), ne(pledges.schoolId, school.id)));
      if (joined >= locked.maxSchools) throw new AppError("FULL", t("refusal.purchasing.collectiveFull", { count: locked.maxSchools }));
    }
    const status = options.answer === "join" ? "joined" : options.answer === "decline" ? "declined" : "withdrawn";
    const details = options.answer === "join" ? { delegates: options.delegates, poNumber: options.poNumber, paymentRoute: options.paymentRoute } : {};
    const [pledge] = await tx
      .insert(pledges)
      .values({ authorityId, collectivePurchaseId: purchase.id, schoolId: school.id, status, pledgedBy: actor.id, createdAt: now, updatedAt: now, ...details })
      .onConflictDoUpdate({ target: [pledges.collectivePurchaseId, pledges.schoolId], set: { status, pledgedBy: actor.id, updatedAt: now, ...details } })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: `collective_purchase.${options.answer}`,
      entityType: "pledge",
      entityId: pledge.id,
      before: existing ?? null,
      after: pledge,
    });
    return pledge;
  });
}
