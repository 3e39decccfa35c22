import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { loadConsortium } from "~/domain/consortia/load.server";
import { memberOnDay } from "~/domain/consortia/schools-of-consortium-on.server";
import { AppError } from "~/domain/errors";
import { financialYearOf, hasSignedLatest, isFinancialYear, nextFinancialYear } from "~/domain/funding/rules";
import { textsInLanguage } from "~/domain/catalogue/rules";
import { currentLocale, t, type Locale } from "~/i18n";
import { idsOf } from "~/domain/ids";

const { consortiumMemberships, mous, mouSignatures, organisations, schools } = schema;

export type MouPageOptions = {
  actor: Actor;
  authorityId: string;
  consortiumId: string;
  actingOrganisationId: string | null;
  year?: string | null;
  today: string;
  /** The reader's language, for the memorandum's words: the request's unless said. */
  locale?: Locale;
};

/** The texts of a memorandum that the authority can give in Welsh. */
export const MOU_TEXTS = ["title", "body"] as const;

/**
 * A consortium's memorandum for a year: its latest version, who has signed it, and what the
 * viewer may do (the authority publishes; a member school's head signs for their school).
 */
export async function mouPage(
  db: Queryable,
  { actor, authorityId, consortiumId, actingOrganisationId, year, today, locale = currentLocale() }: MouPageOptions,
) {
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  const current = financialYearOf(today);
  const financialYear = year && isFinancialYear(year) ? year : current;
  const members = await db
    .select({ id: schools.organisationId, name: organisations.name })
    .from(consortiumMemberships)
    .innerJoin(schools, eq(schools.organisationId, consortiumMemberships.schoolId))
    .innerJoin(organisations, eq(organisations.id, schools.organisationId))
    .where(and(eq(consortiumMemberships.consortiumId, consortium.id), memberOnDay(today)))
    .orderBy(asc(organisations.name));
  const canPublish = can(actor.grants, "publish:mou", { authorityId });
  const signingSchool =
    actingOrganisationId &&
    members.some((m) => m.id === actingOrganisationId) &&
    can(actor.grants, "sign:mou", { organisationId: actingOrganisationId, authorityId })
      ? actingOrganisationId
      : null;
  const seesAll =
    canPublish ||
    can(actor.grants, "allocate:funding", { authorityId }) ||
    can(actor.grants, "view:organisation", { organisationId: consortium.id, authorityId });
  if (!seesAll && !signingSchool) throw new AppError("FORBIDDEN", t("mou.error.viewForbidden"));

  const versions = await db
    .select({
      id: mous.id,
      version: mous.version,
      title: mous.title,
      body: mous.body,
      titleCy: mous.titleCy,
      bodyCy: mous.bodyCy,
      publishedAt: mous.publishedAt,
    })
    .from(mous)
    .where(and(eq(mous.consortiumId, consortium.id), eq(mous.authorityId, authorityId), eq(mous.financialYear, financialYear)))
    .orderBy(desc(mous.version));
  const newest = versions[0];
  // The words in the reader's language where the authority gave them, else the English (which says so).
  const latest = newest ? { ...newest, words: textsInLanguage(newest, MOU_TEXTS, locale) } : null;
  const signatures = versions.length
    ? await db
        .select({ schoolId: mouSignatures.schoolId, signerName: mouSignatures.signerName, signedOn: mouSignatures.signedOn, version: mous.version })
        .from(mouSignatures)
        .innerJoin(mous, eq(mous.id, mouSignatures.mouId))
        .where(inArray(mouSignatures.mouId, idsOf(versions)))
        .orderBy(desc(mous.version))
    : [];
  const schoolsWithSignatures = members.map((m) => {
    const own = signatures.filter((s) => s.schoolId === m.id);
    const signedLatest = hasSignedLatest(
      latest?.version ?? null,
      own.map((s) => s.version),
    );
    return { ...m, signed: signedLatest, signature: own[0] ?? null };
  });
  const visible = seesAll ? schoolsWithSignatures : schoolsWithSignatures.filter((s) => s.id === signingSchool);
  return {
    consortium: { id: consortium.id, name: consortium.name },
    financialYear,
    years: [current, nextFinancialYear(current)],
    latest,
    earlier: versions.slice(1).map(({ id, version, publishedAt }) => ({ id, version, publishedAt })),
    schools: visible,
    signedCount: schoolsWithSignatures.filter((s) => s.signed).length,
    memberCount: members.length,
    canPublish,
    signing: signingSchool ? (schoolsWithSignatures.find((s) => s.id === signingSchool) ?? null) : null,
  };
}
