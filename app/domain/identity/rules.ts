// Pure identity rules: which roles an organisation can hold, where a sign-in may send you back to,
// and the sign-in and reset throttles.
import type { OrganisationKind, Role } from "~/db.server";
import { isLocale, type Locale } from "~/i18n";

/** The roles a person can hold in each kind of organisation. */
export const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  authority_office: ["la_admin", "la_finance", "commissioner", "challenge_adviser"],
  school: ["headteacher", "school_business_manager"],
  consortium: ["consortium_lead"],
  provider: ["provider_admin", "provider_staff"],
  improvement_board: ["qa_panel_member"],
};

export const roleAllowedFor = (kind: OrganisationKind, role: Role) => ROLES_BY_KIND[kind].includes(role);

/**
 * A path on this site to go to after signing in, or the fallback. The target is resolved against
 * the app's origin the way a browser would, and only a same-origin path is kept, in its normalised
 * form: "/.//evil.example" or "/%2e//evil.example" normalise to "//evil.example", which a browser
 * reads as another host, so they are refused too.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/", origin = "https://this.invalid"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Browsers drop tabs and newlines from URLs and read "\\" as "/", so neither may reach the resolver.
  // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = new URL(origin).origin;
  try {
    const url = new URL(to, base);
    if (url.origin !== base) return fallback;
    const path = url.pathname + url.search + url.hash;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
    // The normalised path must itself resolve here, or a second reading could leave the site.
    if (new URL(path, base).origin !== base) return fallback;
    return path;
  } catch {
    return fallback;
  }
}

export type Throttle = { name: string; max: number; windowMs: number };

const MINUTE = 60_000;

/** Sign-ins counted per address (across accounts); reset requests counted per address and per email. */
export const THROTTLES = {
  signInByIp: { name: "sign-in:ip", max: 10, windowMs: 15 * MINUTE },
  resetByIp: { name: "reset:ip", max: 10, windowMs: 15 * MINUTE },
  resetByEmail: { name: "reset:email", max: 3, windowMs: 60 * MINUTE },
  /** Invitations sent by one person: enough to set up an office, too few to spam from the service. */
  invitationsByInviter: { name: "invite:inviter", max: 20, windowMs: 60 * MINUTE },
} satisfies Record<string, Throttle>;

/**
 * Exponential backoff: `free` attempts pass at once, then each attempt holds the next one back for
 * `baseMs`, doubling up to `maxMs`. A subject quiet for `quietMs` starts again from nothing.
 */
export type Backoff = { name: string; free: number; baseMs: number; maxMs: number; quietMs: number };

export const SIGN_IN_BACKOFF = {
  /** One account from one address: the guesser is slowed, the owner elsewhere is not. */
  pair: { name: "sign-in:pair", free: 5, baseMs: MINUTE, maxMs: 60 * MINUTE, quietMs: 24 * 60 * MINUTE },
  /**
   * One account from addresses it has never signed in from: looser, and capped low, so guesses
   * spread over many addresses are slowed while the owner at a known address is not held back.
   */
  account: { name: "sign-in:account", free: 20, baseMs: MINUTE, maxMs: 15 * MINUTE, quietMs: 60 * MINUTE },
} satisfies Record<string, Backoff>;

/** An address the account signed in from this recently is known, and spared the account-wide backoff. */
export const KNOWN_ADDRESS_DAYS = 90;

/** How long the attempt numbered `attempts` (1-based) holds back the next one. */
export function backoffMs(attempts: number, rule: Backoff) {
  if (attempts < rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(attempts - rule.free, 30));
}

/** Whole minutes until `until` (at least 1). */
export const minutesUntil = (now: Date, until: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));

/** Fixed windows aligned to the epoch, so every app server agrees on the current window. */
export const windowStart = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Whole minutes until the window that contains `now` ends (at least 1). */
export function minutesUntilWindowEnds(now: Date, windowMs: number) {
  const end = windowStart(now, windowMs).getTime() + windowMs;
  return Math.max(1, Math.ceil((end - now.getTime()) / MINUTE));
}

export const INVITATION_LIFETIME_DAYS = 7;

/** A person's name as an inviter types it: letters (any alphabet), spaces, hyphens and apostrophes; so no links. */
export const PERSON_NAME = /^[\p{L}\p{M}]+(?:[ '’-]+[\p{L}\p{M}]+)*$/u;
export const PERSON_NAME_MAX = 100;
export const PASSWORD_RESET_LIFETIME_MINUTES = 60;

/** Roles that manage people or money: granting one is told to every other administrator of the authority. */
export const PRIVILEGED_ROLES: readonly Role[] = ["la_admin", "la_finance"];

/** Whose word decides the language: the person's own choice, then this browser's, then their authority's default, then English. */
export function languageOf(o: { chosen: string | null; browser: string | null; authorityDefault: string | null }): Locale {
  for (const candidate of [o.chosen, o.browser, o.authorityDefault]) if (isLocale(candidate)) return candidate;
  return "en";
}
