import type { CurrentUser } from "~/auth/user.server";
import { can } from "~/auth/permissions";
import type { Database } from "~/db.server";
import type { HomeTask } from "~/domain/home/tasks.server";
import { adviserSchools } from "~/domain/school-view/school-view.server";
import { londonIsoDate } from "~/format";
import { t } from "~/i18n";

/** The authority's records on the la_admin's home: consortia, advisers, subject leads, categories, the audit log. */
export async function recordsTasks(_db: Database, user: CurrentUser): Promise<HomeTask[]> {
  const acting = user.acting;
  if (!acting) return [];
  const target = { authorityId: acting.authorityId };
  const tasks: HomeTask[] = [];
  if (can(user.grants, "manage:consortia", target)) tasks.push({ label: t("home.records.consortia"), href: "/consortia" });
  if (can(user.grants, "assign:adviser", target)) tasks.push({ label: t("home.records.advisers"), href: "/authority/advisers" });
  if (can(user.grants, "assign:subject-lead", target)) tasks.push({ label: t("home.records.subjectLeads"), href: "/authority/subject-leads" });
  if (user.grants.some((g) => g.role === "la_admin")) tasks.push({ label: t("home.records.categories"), href: "/authority/categories/import" });
  if (can(user.grants, "view:audit", target)) tasks.push({ label: t("home.records.audit"), href: "/audit" });
  return tasks;
}

/**
 * The school-by-school view and the consortia's readiness for the authority's officers; for a
 * challenge adviser, their own schools and how many of them need their attention (a category from
 * 3C to 4, or amber or red, with no support bought this year).
 */
export async function schoolViewTasks(db: Database, user: CurrentUser): Promise<HomeTask[]> {
  const acting = user.acting;
  if (!acting) return [];
  const target = { authorityId: acting.authorityId };
  const tasks: HomeTask[] = [];
  if (can(user.grants, "view:schools", target)) tasks.push({ label: t("home.schoolView.all"), href: "/schools" });
  if (user.grants.some((g) => g.authorityId === acting.authorityId && g.role === "challenge_adviser")) {
    const mine = await adviserSchools(db, { authorityId: acting.authorityId, adviserUserId: user.id, today: londonIsoDate(new Date()) });
    const attention = mine.filter((s) => s.attention).length;
    tasks.push({ label: t("home.schoolView.mine"), href: "/schools?mine=yes", count: mine.length });
    if (attention > 0) tasks.push({ label: t("home.schoolView.attention", { count: attention }), href: "/schools?mine=yes&attention=yes", count: attention });
  }
  if (can(user.grants, "view:readiness", target) || user.grants.some((g) => g.authorityId === acting.authorityId && g.role === "consortium_lead")) {
    tasks.push({ label: t("home.readiness"), href: "/readiness" });
  }
  return tasks;
}
