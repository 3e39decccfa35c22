import { and, desc, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { loadConsortium } from "~/domain/consortia/load.server";
import { AppError } from "~/domain/errors";
import { isFinancialYear } from "~/domain/funding/rules";
import { t } from "~/i18n";

const { consortia, mous } = schema;

export type PublishMouOptions = {
  actor: Actor;
  authorityId: string;
  consortiumId: string;
  financialYear: string;
  title: string;
  body: string;
  /** The memorandum in Welsh, where the authority gives it. */
  titleCy?: string;
  bodyCy?: string;
};

/** The authority publishes a year's memorandum for a consortium; publishing again makes a new version that heads sign afresh. */
export async function publishMou(
  db: Queryable,
  { actor, authorityId, consortiumId, financialYear, title, body, titleCy = "", bodyCy = "" }: PublishMouOptions,
) {
  if (!can(actor.grants, "publish:mou", { authorityId })) throw new AppError("FORBIDDEN", t("mou.error.publishForbidden"));
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  if (!isFinancialYear(financialYear)) throw new AppError("INVALID_INPUT", t("funding.error.year"));
  return db.transaction(async (tx) => {
    // Versions of one consortium's memorandum are numbered one after the other.
    await tx.select({ id: consortia.organisationId }).from(consortia).where(eq(consortia.organisationId, consortium.id)).for("update");
    const [last] = await tx
      .select({ version: mous.version })
      .from(mous)
      .where(and(eq(mous.consortiumId, consortium.id), eq(mous.financialYear, financialYear)))
      .orderBy(desc(mous.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx
      .insert(mous)
      .values({ authorityId, consortiumId: consortium.id, financialYear, version, title, body, titleCy, bodyCy, publishedBy: actor.id })
      .returning({ id: mous.id });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "mou.publish",
      entityType: "mou",
      entityId: row.id,
      after: { consortiumId: consortium.id, financialYear, version, title, titleCy, inWelsh: bodyCy.trim() !== "" },
    });
    return { id: row.id, version, consortium };
  });
}
