// Finance changes the CFR code of one purchase line where the proposed one does not fit.
import { and, desc, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError, findOrNotFound } from "~/domain/errors";
import { ensureCan, type Actor } from "~/domain/actor";
import { isCfrCode } from "./rules";
import { t } from "~/i18n";

export type SetCfrCodeOptions = { actor: Actor; authorityId: string; orderId: string; code: string };

export async function setCfrCode(db: Database, { actor, authorityId, orderId, code }: SetCfrCodeOptions) {
  ensureCan(actor, "set:cfr-code", { authorityId }, t("refusal.reporting.financeOfficersChangeCfrCode"));
  if (!isCfrCode(code)) throw new AppError("INVALID_INPUT", t("refusal.reporting.chooseCfrCode"));
  return db.transaction(async (tx) => {
    const order = await findOrNotFound(orderId, t("refusal.reporting.purchaseNotFound"), () =>
      tx
        .select({ id: schema.orders.id, schoolId: schema.orders.schoolId })
        .from(schema.orders)
        .where(and(eq(schema.orders.id, orderId), eq(schema.orders.authorityId, authorityId)))
        .for("update"),
    );
    const [before] = await tx
      .select({ code: schema.orderCfrCodes.code })
      .from(schema.orderCfrCodes)
      .where(eq(schema.orderCfrCodes.orderId, orderId))
      .orderBy(desc(schema.orderCfrCodes.createdAt))
      .limit(1);
    const [row] = await tx.insert(schema.orderCfrCodes).values({ authorityId, orderId, code, setBy: actor.id }).returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "order.cfr_code.set",
      entityType: "order",
      entityId: orderId,
      before: before ?? null,
      after: { code, schoolId: order.schoolId },
    });
    return { row, schoolId: order.schoolId };
  });
}
