import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORGANISATION_KINDS, ROLES } from "~/db.server";
import { NewPasswordSchema, emailField, looksLikeToken } from "~/domain/identity/fields";
import { backoffMs, minutesUntilWindowEnds, roleAllowedFor, ROLES_BY_KIND, safeRedirect, SIGN_IN_BACKOFF, windowStart } from "~/domain/identity/rules";
import { generateSessionToken } from "~/auth/session.server";

describe("where a sign-in may send you back to", () => {
  it("keeps local paths with their query and fragment", () => {
    expect(safeRedirect("/organisations/abc/members?tab=1#invite")).toBe("/organisations/abc/members?tab=1#invite");
    expect(safeRedirect("/")).toBe("/");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "",
    "evil",
    " /x",
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/./\\evil.example",
    "/a/../..//evil.example",
    "/x/..//evil.example/path?q=1",
  ])("refuses %j, which normalises to another host", (to) => {
    const target = safeRedirect(to, "/", "https://marketplace.example");
    expect(target).toBe("/");
  });

  it("returns the normalised path on this site", () => {
    expect(safeRedirect("/a/./b/../c?x=1", "/", "https://marketplace.example")).toBe("/a/c?x=1");
    expect(safeRedirect("/%2e/members", "/", "https://marketplace.example")).toBe("/members");
  });

  const origin = "https://marketplace.example";
  const staysHere = (target: string) =>
    target.startsWith("/") &&
    !target.startsWith("//") &&
    !target.startsWith("/\\") &&
    new URL(target, origin).origin === origin &&
    new URL(target, "http://other.example").origin === "http://other.example";

  it("never gives anything that a browser would resolve to another origin", () => {
    const prefixes = [
      "",
      "/",
      "//",
      "/\\",
      "/\t/",
      "https://",
      "http:",
      "javascript:",
      "/./",
      "/../",
      "/%2e/",
      "/%2E%2E/",
      "/.%2e/",
      "/x/../",
      "/./\\",
      "/.//",
    ];
    const segment = fc.constantFrom(".", "..", "%2e", "%2E", "%2e%2e", "", "evil.example", "\\", "%5c", "%2f", "@", ":", "?", "#", "a");
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.array(segment, { maxLength: 6 }), fc.string({ unit: "grapheme-ascii" }), (prefix, segments, rest) => {
        const target = safeRedirect(prefix + segments.join("/") + rest, "/", origin);
        return staysHere(target);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps any ordinary path it is given, normalised", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 5 }), (parts) => {
        const to = "/" + parts.join("/");
        expect(safeRedirect(to, "/", origin)).toBe(to);
      }),
    );
  });
});

describe("roles by kind of organisation", () => {
  it("offers every role somewhere, and each kind at least one", () => {
    const offered = new Set(ORGANISATION_KINDS.flatMap((kind) => ROLES_BY_KIND[kind]));
    expect([...offered].sort()).toEqual([...ROLES].sort());
    for (const kind of ORGANISATION_KINDS) expect(ROLES_BY_KIND[kind].length).toBeGreaterThan(0);
  });

  it("keeps authority roles in the authority's office", () => {
    expect(roleAllowedFor("authority_office", "la_admin")).toBe(true);
    expect(roleAllowedFor("school", "la_admin")).toBe(false);
    expect(roleAllowedFor("provider", "headteacher")).toBe(false);
    expect(roleAllowedFor("improvement_board", "qa_panel_member")).toBe(true);
  });
});

describe("throttle windows", () => {
  const fifteen = 15 * 60_000;

  it("aligns windows so every server agrees", () => {
    expect(windowStart(new Date("2026-01-05T09:07:30Z"), fifteen).toISOString()).toBe("2026-01-05T09:00:00.000Z");
    expect(windowStart(new Date("2026-01-05T09:15:00Z"), fifteen).toISOString()).toBe("2026-01-05T09:15:00.000Z");
  });

  it("says how many whole minutes are left, at least one", () => {
    expect(minutesUntilWindowEnds(new Date("2026-01-05T09:00:00Z"), fifteen)).toBe(15);
    expect(minutesUntilWindowEnds(new Date("2026-01-05T09:07:30Z"), fifteen)).toBe(8);
    expect(minutesUntilWindowEnds(new Date("2026-01-05T09:14:59Z"), fifteen)).toBe(1);
  });

  it("always lies within the window", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 60_000, max: 86_400_000 }), (ms, windowMs) => {
        const now = new Date(ms);
        const start = windowStart(now, windowMs).getTime();
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms - start).toBeLessThan(windowMs);
        expect(minutesUntilWindowEnds(now, windowMs)).toBeLessThanOrEqual(Math.ceil(windowMs / 60_000));
      }),
    );
  });
});

describe("identity form fields", () => {
  it("lower-cases and trims email addresses, and explains a bad one", () => {
    expect(emailField.parse("  Sam.Patel@Example.ORG ")).toBe("sam.patel@example.org");
    expect(emailField.safeParse("").error?.issues[0].message).toBe("Enter an email address");
    expect(emailField.safeParse("not an email").error?.issues[0].message).toBe("Enter an email address in the correct format, like name@example.com");
  });

  it("wants a new password of 12 to 256 characters, typed the same twice", () => {
    const messages = (password: string, confirmPassword: string) => {
      const result = NewPasswordSchema.safeParse({ password, confirmPassword });
      return result.success ? {} : result.error.flatten().fieldErrors;
    };
    expect(messages("", "")).toEqual({ password: ["Enter a password", "Password must be 12 characters or more"], confirmPassword: ["Confirm your password"] });
    expect(messages("short", "short").password?.[0]).toBe("Password must be 12 characters or more");
    expect(messages("x".repeat(257), "x".repeat(257)).password?.[0]).toBe("Password must be 256 characters or fewer");
    expect(messages("twelve chars!", "twelve chars?").confirmPassword?.[0]).toBe("Passwords must match");
    expect(messages("a long enough pass phrase", "a long enough pass phrase")).toEqual({});
  });

  it("recognises the shape of the tokens it issues, and nothing else", () => {
    expect(looksLikeToken(generateSessionToken())).toBe(true);
    expect(looksLikeToken("../../etc/passwd")).toBe(false);
    expect(looksLikeToken(undefined)).toBe(false);
  });
});

describe("sign-in backoff", () => {
  it("lets the free attempts through, then doubles the wait up to its ceiling", () => {
    const waits = Array.from({ length: 14 }, (_, i) => backoffMs(i + 1, SIGN_IN_BACKOFF.pair) / 60_000);
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
    expect(backoffMs(19, SIGN_IN_BACKOFF.account)).toBe(0);
    expect(backoffMs(20, SIGN_IN_BACKOFF.account)).toBe(60_000);
    expect(backoffMs(1_000_000, SIGN_IN_BACKOFF.account)).toBe(15 * 60_000);
  });

  it("never waits less after more attempts, nor longer than the ceiling", () => {
    fc.assert(
      fc.property(fc.constantFrom(SIGN_IN_BACKOFF.pair, SIGN_IN_BACKOFF.account), fc.integer({ min: 1, max: 100_000 }), (rule, n) => {
        expect(backoffMs(n + 1, rule)).toBeGreaterThanOrEqual(backoffMs(n, rule));
        expect(backoffMs(n, rule)).toBeLessThanOrEqual(rule.maxMs);
      }),
    );
  });
});
