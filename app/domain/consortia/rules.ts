// Consortium membership over time. A membership runs from the day a school joined up to, but not
// including, the day it left: a school that moves on 1 January is in its new consortium that day.

import { t } from "~/i18n";

export type MembershipDates = { joinedOn: string; leftOn: string | null };

/** Was the school a member on this day (yyyy-mm-dd)? */
export const memberOn = (m: MembershipDates, day: string) => m.joinedOn <= day && (m.leftOn === null || m.leftOn > day);

/**
 * Why a school cannot move on this day, or null when it can: the day must come after the day it
 * joined its current consortium (the history is never rewritten), and it must go somewhere new.
 */
export function moveRefusal(current: (MembershipDates & { consortiumId: string }) | null, toConsortiumId: string | null, day: string): string | null {
  if (!current && !toConsortiumId) return t("refusal.consortia.notInConsortium");
  if (current && current.consortiumId === toConsortiumId) return t("refusal.consortia.alreadyInConsortium");
  if (current && day <= current.joinedOn) return t("refusal.consortia.moveBeforeJoined", { joinedOn: current.joinedOn });
  return null;
}
