// "What you can do now" on the home page: each area adds a source of tasks for the signed-in person.
import type { CurrentUser } from "~/auth/user.server";
import type { Database } from "~/db.server";
import { identityTasks } from "~/domain/identity/home-tasks.server";
import { purchasingTasks } from "~/domain/purchasing/home-tasks.server";
import { qualityTasks } from "~/domain/quality/home-tasks.server";

export type HomeTask = { label: string; href: string; count?: number };
export type TaskSource = (db: Database, user: CurrentUser) => Promise<HomeTask[]>;

/** Add your area's source here; sources run in this order and their tasks are shown in it. */
export const TASK_SOURCES: TaskSource[] = [purchasingTasks, qualityTasks, identityTasks];

export async function tasksFor(db: Database, user: CurrentUser, sources: TaskSource[] = TASK_SOURCES): Promise<HomeTask[]> {
  const lists = await Promise.all(sources.map((source) => source(db, user)));
  return lists.flat();
}
