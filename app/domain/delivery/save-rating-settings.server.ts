import { eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ratingSettingsOf } from "./re-review.server";
import { t } from "~/i18n";

/** Only the authority's administrators set the line under which an offer goes back to the panel. */
export const maySetRatingLine = (actor: Actor, authorityId: string) => can(actor.grants, "set:rating-threshold", { authorityId });

export async function loadRatingSettings(db: Database, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  if (!maySetRatingLine(actor, authorityId)) throw new AppError("FORBIDDEN", t("refusal.delivery.administratorsSetRatingThreshold"));
  return ratingSettingsOf(db, authorityId);
}

export async function saveRatingSettings(
  db: Database,
  { actor, authorityId, thresholdHundredths, minEvaluations }: { actor: Actor; authorityId: string; thresholdHundredths: number; minEvaluations: number },
) {
  if (!maySetRatingLine(actor, authorityId)) throw new AppError("FORBIDDEN", t("refusal.delivery.administratorsSetRatingThreshold"));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.ratingSettings).where(eq(schema.ratingSettings.authorityId, authorityId)).for("update");
    const previous = before ?? (await ratingSettingsOf(tx, authorityId));
    const [row] = await tx
      .insert(schema.ratingSettings)
      .values({ authorityId, thresholdHundredths, minEvaluations, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: schema.ratingSettings.authorityId,
        set: { thresholdHundredths, minEvaluations, updatedBy: actor.id, updatedAt: new Date() },
      })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "authority.rating_line_set",
      entityType: "authority",
      entityId: authorityId,
      before: { thresholdHundredths: previous.thresholdHundredths, minEvaluations: previous.minEvaluations },
      after: { thresholdHundredths, minEvaluations },
    });
    return row;
  });
}
