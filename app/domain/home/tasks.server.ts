// "What you can do now" on the home page: each area adds a source of tasks for the signed-in person.
import type { CurrentUser } from "~/auth/user.server";
import type { Database } from "~/db.server";
import { recordsTasks, schoolViewTasks } from "~/domain/advisers/home-tasks.server";
import { commissioningTasks } from "~/domain/commissioning/home-tasks.server";
import { mouTasks } from "~/domain/mou/home-tasks.server";
import { deliveryTasks } from "~/domain/delivery/home-tasks.server";
import { identityTasks } from "~/domain/identity/home-tasks.server";
import { purchasingTasks } from "~/domain/purchasing/home-tasks.server";
import { qualityTasks } from "~/domain/quality/home-tasks.server";
import { schoolTasks } from "~/domain/schools/home-tasks.server";

export type HomeTask = { label: string; href: string; count?: number };
export type TaskSource = (db: Database, user: CurrentUser) => Promise<HomeTask[]>;

/** Add your area's source here; sources run in this order and their tasks are shown in it. */
export const TASK_SOURCES: TaskSource[] = [
  purchasingTasks,
  deliveryTasks,
  commissioningTasks,
  qualityTasks,
  identityTasks,
  schoolTasks,
  schoolViewTasks,
  recordsTasks,
  (db, user) => mouTasks(db, user),
];

export async function tasksFor(db: Database, user: CurrentUser, sources: TaskSource[] = TASK_SOURCES): Promise<HomeTask[]> {
  const lists = await Promise.all(sources.map((source) => source(db, user)));
  return lists.flat();
}
