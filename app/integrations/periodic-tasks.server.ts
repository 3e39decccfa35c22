// Every area's periodic work, run by the outbox dispatcher's tick. Add yours here.
import { remindMouSigners } from "~/domain/mou/remind-mou-signers.server";
import { remindUnevaluated } from "~/domain/delivery/remind-evaluations.server";
import { purgeExpired } from "~/domain/identity/purge-expired.server";
import { closeDueCollectivePurchases } from "~/domain/purchasing/close-collective-purchase.server";
import { sendPotBriefings } from "~/domain/reporting/send-pot-briefings.server";
import { everyInterval, type PeriodicTask } from "./outbox-dispatcher.server";

export const PERIODIC_TASKS: PeriodicTask[] = [
  // Collective purchases close within a minute of their closing time (closing is idempotent).
  everyInterval(60_000, closeDueCollectivePurchases),
  everyInterval(10 * 60_000, purgeExpired),
  // Once a day; each reminder is keyed, so a restart that runs it again sends nothing twice.
  everyInterval(24 * 60 * 60_000, async (db, now, config) => {
    await remindMouSigners(db, now, config);
  }),
  // Schools are reminded of delivered support they have not evaluated (each reminder claimed once).
  everyInterval(60 * 60_000, async (db, now, config) => {
    await remindUnevaluated(db, now, config);
  }),
  // Daily: each lead's budget briefing for the month just ended, once a month (recorded per month).
  everyInterval(24 * 60 * 60_000, sendPotBriefings),
];
