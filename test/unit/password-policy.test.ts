import { describe, expect, it } from "vitest";
import { passwordProblem } from "~/auth/password-policy";
import { NewPasswordSchema } from "~/domain/identity/fields";

const messageFor = (password: string) => {
  const result = NewPasswordSchema.safeParse({ password, confirmPassword: password });
  return result.success ? null : result.error.flatten().fieldErrors.password?.[0];
};

describe("new passwords that are easy to guess", () => {
  it.each([
    ["password1234", "common"],
    ["123456789012", "common"],
    ["iloveyou1234", "common"],
    ["Password123!", "common"],
    ["letmein12345", "common"],
    ["aaaaaaaaaaaa", "repeated"],
    ["abcdefghijkl", "sequence"],
  ] as const)("refuses %j, saying why (%s)", (password, why) => {
    expect(passwordProblem(password)).toBe(why);
  });

  it("says why in the form's message", () => {
    expect(messageFor("password1234")).toBe(
      "This password is on a list of the most common passwords, so it would be guessed quickly. Choose something else, for example three or four unrelated words",
    );
    expect(messageFor("aaaaaaaaaaaa")).toMatch(/^Passwords made of repeated characters/);
    expect(messageFor("abcdefghijkl")).toMatch(/^Sequences like abcd or 1234/);
  });

  it("refuses the person's own name or email address", () => {
    expect(passwordProblem("samuelpatel2026", ["samuel.patel@example.org", "Samuel Patel"])).toBe("personal");
    expect(passwordProblem("samuelpatel2026")).toBeNull();
  });

  it.each(["a long enough pass phrase", "river otter lantern cobble", "correct horse battery staple", "demo-county-2026"])("accepts %j", (password) => {
    expect(passwordProblem(password)).toBeNull();
    expect(messageFor(password)).toBeNull();
  });

  it("gives one message at a time: length first", () => {
    expect(messageFor("aaaa")).toBe("Password must be 12 characters or more");
  });
});
