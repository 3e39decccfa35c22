// When the dispatcher tries a message again, and when it gives up.

/** After this many failed attempts a message is set aside as failed, for a person to look at. */
export const MAX_ATTEMPTS = 8;

/** A claimed message is not claimed again for this long, unless the claimer settles it first. */
export const CLAIM_LEASE_MS = 5 * 60_000;

const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** Wait before the next attempt after `attempts` failures: 30 s, 1 min, 2 min, ... doubling, at most an hour. */
export function retryDelayMs(attempts: number) {
  return Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
