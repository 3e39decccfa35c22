import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { schoolsOfConsortiumOn } from "~/domain/consortia/schools-of-consortium-on.server";
import { AppError, findOrNotFound } from "~/domain/errors";
import { t } from "~/i18n";
import { latestMous } from "./latest-mous.server";

const { consortia, mous, mouSignatures } = schema;

export type SignMouOptions = { actor: Actor; authorityId: string; schoolId: string; mouId: string; signerName: string; today: string };

/**
 * A head signs the memorandum for their school: the version they saw, which must still be the
 * latest, of the consortium their school is in today. Signing twice keeps the first signature.
 */
export async function signMou(db: Queryable, { actor, authorityId, schoolId, mouId, signerName, today }: SignMouOptions) {
  const mou = await findOrNotFound(mouId, t("mou.error.notFound"), () =>
    db
      .select()
      .from(mous)
      .where(and(eq(mous.id, mouId), eq(mous.authorityId, authorityId))),
  );
  if (!can(actor.grants, "sign:mou", { organisationId: schoolId, authorityId })) throw new AppError("FORBIDDEN", t("mou.error.signForbidden"));
  return db.transaction(async (tx) => {
    // Shares the lock publishing takes, so a new version cannot appear between the check and the signature.
    await tx.select({ id: consortia.organisationId }).from(consortia).where(eq(consortia.organisationId, mou.consortiumId)).for("share");
    const members = await schoolsOfConsortiumOn(tx, mou.consortiumId, today);
    if (!members.some((m) => m.schoolId === schoolId)) throw new AppError("FORBIDDEN", t("mou.error.notMember"));
    const [latest] = await latestMous(tx, { year: mou.financialYear, consortiumIds: [mou.consortiumId] });
    if (latest.id !== mou.id) throw new AppError("INVALID_STATE", t("mou.error.newerVersion", { version: latest.version }));
    const [row] = await tx
      .insert(mouSignatures)
      .values({ authorityId, mouId: mou.id, schoolId, signedBy: actor.id, signerName, signedOn: today })
      .onConflictDoNothing()
      .returning({ id: mouSignatures.id });
    if (row) {
      await audit(tx, {
        authorityId,
        actorUserId: actor.id,
        action: "mou.sign",
        entityType: "mou",
        entityId: mou.id,
        after: { schoolId, signerName, signedOn: today, version: mou.version },
      });
    }
    return { mou, created: !!row };
  });
}
