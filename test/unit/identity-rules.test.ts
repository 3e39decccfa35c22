import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORGANISATION_KINDS, ROLES } from "~/db.server";
import { NewPasswordSchema, emailField, looksLikeToken } from "~/domain/identity/fields";
import { minutesUntilWindowEnds, roleAllowedFor, ROLES_BY_KIND, safeRedirect, windowStart } from "~/domain/identity/rules";
import { generateSessionToken } from "~/auth/session.server";

describe("where a sign-in may send you back to", () => {
  it("keeps local paths with their query and fragment", () => {
    expect(safeRedirect("/organisations/abc/members?tab=1#invite")).toBe("/organisations/abc/members?tab=1#invite");
    expect(safeRedirect("/")).toBe("/");
  });

  it.each(["//evil.example", "/\\evil.example", "https://evil.example/", "http:/evil.example", "javascript:alert(1)", "/\t/evil.example", "/\n/evil.example", "", "evil", " /x"])(
    "refuses %j",
    (to) => {
      expect(safeRedirect(to)).toBe("/");
    },
  );

  it("never gives anything that a browser would resolve to another origin", () => {
    fc.assert(
      fc.property(fc.constantFrom("", "/", "//", "/\\", "/\t/", "https://", "http:", "javascript:"), fc.string({ unit: "grapheme-ascii" }), (prefix, rest) => {
        const to = prefix + rest;
        const target = safeRedirect(to);
        return target.startsWith("/") && new URL(target, "https://marketplace.example").origin === "https://marketplace.example";
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
