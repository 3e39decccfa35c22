import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/auth/password.server";

describe("password hashing", () => {
  it("uses argon2id with at least 19 MiB, two passes and one lane", async () => {
    const hashed = await hashPassword("correct horse battery staple");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(hashed, "correct horse battery staple")).resolves.toBe(true);
    await expect(verifyPassword(hashed, "correct horse battery stapl")).resolves.toBe(false);
  });

  it("treats a malformed hash as a wrong password", async () => {
    await expect(verifyPassword("not-a-hash", "anything at all")).resolves.toBe(false);
  });
});
