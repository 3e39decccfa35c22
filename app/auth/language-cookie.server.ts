import type { Locale } from "~/i18n";

/** The language a browser chose, for when nobody is signed in (a year; not secret, so readable by nobody's scripts anyway). */
export const LANGUAGE_COOKIE = "lang";

export function languageCookie(language: Locale, secure: boolean) {
  const parts = [`${LANGUAGE_COOKIE}=${language}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${60 * 60 * 24 * 365}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function readLanguageCookie(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === LANGUAGE_COOKIE) return rest.join("=") || null;
  }
  return null;
}
