// Every area's periodic work, run by the outbox dispatcher's tick. Add yours here.
import { purgeExpired } from "~/domain/identity/purge-expired.server";
import { closeDueCollectivePurchases } from "~/domain/purchasing/close-collective-purchase.server";
import { everyInterval, type PeriodicTask } from "./outbox-dispatcher.server";

export const PERIODIC_TASKS: PeriodicTask[] = [
  // Collective purchases close within a minute of their closing time (closing is idempotent).
  everyInterval(60_000, closeDueCollectivePurchases),
  everyInterval(10 * 60_000, purgeExpired),
];
