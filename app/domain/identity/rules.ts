// Pure identity rules: which roles an organisation can hold, where a sign-in may send you back to,
// and the sign-in and reset throttles.
import type { OrganisationKind, Role } from "~/db.server";

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
 * A path on this site to go to after signing in, or the fallback. Anything that a browser could
 * read as another origin ("//evil.example", "/\\evil.example", "https://...") is refused.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  try {
    const url = new URL(to, "http://this.invalid");
    if (url.origin !== "http://this.invalid") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

export type Throttle = { name: string; max: number; windowMs: number };

const MINUTE = 60_000;

/** Failed sign-ins counted per address and per account; reset requests counted per address and per email. */
export const THROTTLES = {
  signInByIp: { name: "sign-in:ip", max: 10, windowMs: 15 * MINUTE },
  signInByAccount: { name: "sign-in:account", max: 5, windowMs: 15 * MINUTE },
  resetByIp: { name: "reset:ip", max: 10, windowMs: 15 * MINUTE },
  resetByEmail: { name: "reset:email", max: 3, windowMs: 60 * MINUTE },
} satisfies Record<string, Throttle>;

/** Fixed windows aligned to the epoch, so every app server agrees on the current window. */
export const windowStart = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Whole minutes until the window that contains `now` ends (at least 1). */
export function minutesUntilWindowEnds(now: Date, windowMs: number) {
  const end = windowStart(now, windowMs).getTime() + windowMs;
  return Math.max(1, Math.ceil((end - now.getTime()) / MINUTE));
}

export const INVITATION_LIFETIME_DAYS = 7;
export const PASSWORD_RESET_LIFETIME_MINUTES = 60;
