/** A buyer compares at most this many offers side by side. */
export const SHORTLIST_LIMIT = 4;

/** May one more offer join a shortlist that already holds `count`? */
export const shortlistHasRoom = (count: number) => count < SHORTLIST_LIMIT;
