import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import type { Database } from "~/db.server";
import type { HomeTask } from "~/domain/home/tasks.server";
import { t } from "~/i18n";

/** The directory for the authority's officers; the GIAS import and settings by hand for its la_admin. */
export async function schoolTasks(_db: Database, user: CurrentUser): Promise<HomeTask[]> {
  const acting = user.acting;
  if (!acting) return [];
  const tasks: HomeTask[] = [];
  if (can(user.grants, "view:directory", { authorityId: acting.authorityId })) tasks.push({ label: t("home.task.directory"), href: "/directory" });
  if (can(user.grants, "import:schools", { authorityId: acting.authorityId })) {
    tasks.push({ label: t("home.task.schoolImport"), href: "/schools/import" });
    tasks.push({ label: t("home.task.addSetting"), href: "/schools/new" });
  }
  return tasks;
}
