// Every area's periodic work, run by the outbox dispatcher's tick. Add yours here.
import { purgeExpired } from "~/domain/identity/purge-expired.server";
import { everyInterval, type PeriodicTask } from "./outbox-dispatcher.server";

export const PERIODIC_TASKS: PeriodicTask[] = [everyInterval(10 * 60_000, purgeExpired)];
