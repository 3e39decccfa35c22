// A wrong email must cost as much as a wrong password, or response times reveal who has an account.
// Watching the hashing library (not our code) shows a hash is checked on every path.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAccount } from "../factories/identity";
import { createAuthority, createOrganisation, createUser } from "../factories/tenancy";
import { useTestDatabase } from "../factories/database";

const argon2 = vi.hoisted(() => ({ verifications: [] as string[] }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...original,
    verify: (hash: string, password: string) => {
      argon2.verifications.push(hash);
      return original.verify(hash, password);
    },
  };
});

describe("sign-in timing", () => {
  const db = useTestDatabase();
  let signIn: typeof import("~/domain/identity/sign-in.server").signIn;
  beforeAll(async () => {
    // The integration files share their loaded modules (isolate: false): load sign-in afresh, so it hashes through the mock.
    vi.resetModules();
    ({ signIn } = await import("~/domain/identity/sign-in.server"));
  });
  afterAll(async () => {
    vi.doUnmock("@node-rs/argon2");
    vi.resetModules();
  });

  it("checks an argon2id hash of the same cost whether the account exists, has no password yet, or does not exist", async () => {
    const authority = await createAuthority(db());
    const office = await createOrganisation(db(), authority.id, "authority_office");
    const known = await createAccount(db(), office, "la_admin");
    const invited = await createUser(db());
    const attempt = async (email: string, clientIp: string) => {
      argon2.verifications.length = 0;
      await expect(signIn(db(), { email, password: "not the right password", clientIp, previousToken: null })).rejects.toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
      expect(argon2.verifications).toHaveLength(1);
      return argon2.verifications[0].replace(/\$[^$]+\$[^$]+$/, "");
    };
    const costs = [await attempt(known.email, "203.0.113.1"), await attempt(invited.email, "203.0.113.2"), await attempt("nobody@example.org", "203.0.113.3")];
    expect(new Set(costs)).toEqual(new Set(["$argon2id$v=19$m=19456,t=2,p=1"]));
  });
});
