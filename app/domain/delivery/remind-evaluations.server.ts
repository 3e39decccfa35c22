import { and, asc, eq, isNotNull, isNull, or, lte, sql } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { tellPleaseEvaluate } from "./notify.server";
import { dueForReminder, REMINDER_DAYS } from "./rules";

const { orders, evaluations, evaluationRequests, deliveryConfirmations, offerRevisions, organisations } = schema;

/** The periodic task: remind schools of delivered orders they have not evaluated, every two weeks until they do. */
export async function remindUnevaluated(db: Database, now: Date, { appUrl }: { appUrl: string }) {
  const cutoff = new Date(now.getTime() - REMINDER_DAYS * 24 * 60 * 60 * 1000);
  const due = await db
    .select({ id: orders.id, authorityId: orders.authorityId, deliveredAt: orders.deliveredAt, remindedAt: evaluationRequests.remindedAt })
    .from(orders)
    .leftJoin(evaluations, eq(evaluations.orderId, orders.id))
    .leftJoin(evaluationRequests, eq(evaluationRequests.orderId, orders.id))
    .leftJoin(deliveryConfirmations, eq(deliveryConfirmations.orderId, orders.id))
    .where(
      and(
        eq(orders.status, "delivered"),
        isNotNull(orders.deliveredAt),
        isNull(evaluations.id),
        // A disputed delivery is not asked to be evaluated.
        or(isNull(deliveryConfirmations.outcome), eq(deliveryConfirmations.outcome, "confirmed")),
        lte(sql`coalesce(${evaluationRequests.remindedAt}, ${orders.deliveredAt})`, sql`${cutoff.toISOString()}::timestamptz`),
      ),
    )
    .orderBy(asc(orders.deliveredAt))
    .limit(50);
  let sent = 0;
  for (const row of due) {
    if (!dueForReminder({ deliveredAt: row.deliveredAt!, remindedAt: row.remindedAt, evaluated: false, now })) continue;
    await db.transaction(async (tx) => {
      // Claim the reminder first: a second worker on the same tick finds it already sent.
      const claimed = await tx
        .insert(evaluationRequests)
        .values({ orderId: row.id, authorityId: row.authorityId, remindedAt: now })
        .onConflictDoUpdate({
          target: evaluationRequests.orderId,
          set: { remindedAt: now },
          where: row.remindedAt ? eq(evaluationRequests.remindedAt, row.remindedAt) : isNull(evaluationRequests.remindedAt),
        })
        .returning({ evaluatorUserId: evaluationRequests.evaluatorUserId });
      if (claimed.length === 0) return;
      const [order] = await tx
        .select({ id: orders.id, schoolId: orders.schoolId, schoolName: organisations.name, providerId: orders.providerId, title: offerRevisions.title })
        .from(orders)
        .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
        .innerJoin(organisations, eq(organisations.id, orders.schoolId))
        .where(eq(orders.id, row.id));
      const [provider] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, order.providerId));
      await tellPleaseEvaluate(tx, {
        authorityId: row.authorityId,
        order: { ...order, providerName: provider?.name ?? "" },
        reminder: true,
        appUrl,
        evaluatorUserId: claimed[0].evaluatorUserId,
      });
      sent++;
    });
  }
  return sent;
}
