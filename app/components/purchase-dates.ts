import { formatDate } from "~/format";
import { t } from "~/i18n";

type Dated = { status: "open" | "confirmed" | "cancelled"; closesAt: Date | string; closedAt: Date | string | null };

/** When a collective purchase closes, or closed: an open one "closing", a confirmed one "confirmed on", a cancelled one "cancelled on". */
export function joinedAndWhen(purchase: Dated, count: number) {
  if (purchase.status === "open") return t("consortium.joinedCloses", { count, date: formatDate(purchase.closesAt) });
  const date = formatDate(purchase.closedAt ?? purchase.closesAt);
  return t(purchase.status === "confirmed" ? "consortium.joinedConfirmed" : "consortium.joinedCancelled", { count, date });
}

/** The closing date of an open purchase; for one that has closed, the day it did. */
export function closingDate(purchase: Dated) {
  return purchase.status === "open" ? formatDate(purchase.closesAt) : t("collectives.closedOn", { date: formatDate(purchase.closedAt ?? purchase.closesAt) });
}
