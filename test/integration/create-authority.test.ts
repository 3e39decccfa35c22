import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createFirstAuthority, parseCreateAuthorityArgs, type CreateAuthorityInput } from "#db/create-authority";
import { hashToken } from "~/auth/session.server";
import { schema } from "~/db.server";
import { AppError } from "~/domain/errors";
import { countRows } from "../factories/demo";
import { useTestDatabase } from "../factories/database";

const NOW = new Date("2026-04-01T10:00:00Z");
const input: CreateAuthorityInput = {
  name: "North County Council",
  slug: "north",
  nation: "england",
  adminEmail: "admin@north.example",
  adminName: "Alex Morgan",
};

describe("the first-authority command", () => {
  const db = useTestDatabase();

  it("creates exactly the authority, its office, its admin and a hashed single-use invitation", async () => {
    const created = await createFirstAuthority(db(), input, { appUrl: "https://marketplace.example.gov.uk", now: NOW });
    expect(await countRows(db())).toMatchObject({ authorities: 1, organisations: 1, users: 1, memberships: 1, authTokens: 1 });

    const [authority] = await db().select().from(schema.authorities);
    expect(authority).toMatchObject({ id: created.authorityId, slug: "north", name: "North County Council", nation: "england", financialYearStartMonth: 4 });
    const [office] = await db().select().from(schema.organisations);
    expect(office).toMatchObject({
      id: created.officeId,
      authorityId: authority.id,
      kind: "authority_office",
      name: "North County Council School Improvement",
    });
    const [admin] = await db().select().from(schema.users);
    expect(admin).toMatchObject({ id: created.adminUserId, email: "admin@north.example", name: "Alex Morgan", passwordHash: null });
    const [membership] = await db().select().from(schema.memberships);
    expect(membership).toMatchObject({ userId: admin.id, organisationId: office.id, authorityId: authority.id, role: "la_admin" });

    const match = /^https:\/\/marketplace\.example\.gov\.uk\/invitation\/([a-z0-9]+)$/.exec(created.invitationUrl);
    expect(match).not.toBeNull();
    const token = match![1];
    const [stored] = await db().select().from(schema.authTokens);
    expect(stored).toMatchObject({ kind: "invitation", userId: admin.id, usedAt: null, tokenHash: hashToken(token) });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - NOW.getTime()).toBe(7 * 24 * 60 * 60 * 1000);

    const audits = await db().select().from(schema.auditLog).where(eq(schema.auditLog.authorityId, authority.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["authority.create", "invitation.create", "membership.create"]);
    // Without --la-code and --language: no LA code yet, and English.
    expect(authority).toMatchObject({ laCode: null, defaultLanguage: "en" });
  });

  it("sets the LA code and the default language it is given, and records them", async () => {
    const created = await createFirstAuthority(
      db(),
      { ...input, slug: "west", adminEmail: "admin@west.example", laCode: "873", language: "cy" },
      { appUrl: "http://localhost:3000" },
    );
    const [authority] = await db().select().from(schema.authorities).where(eq(schema.authorities.id, created.authorityId));
    expect(authority).toMatchObject({ laCode: "873", defaultLanguage: "cy" });
    const [entry] = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.authorityId, authority.id), eq(schema.auditLog.action, "authority.create")));
    expect(entry.after).toMatchObject({ laCode: "873", defaultLanguage: "cy" });
  });

  it("refuses a slug or an email already taken, and writes nothing", async () => {
    const before = await countRows(db());
    await expect(createFirstAuthority(db(), { ...input, adminEmail: "someone.else@north.example" }, { appUrl: "http://localhost:3000" })).rejects.toThrow(
      AppError,
    );
    await expect(createFirstAuthority(db(), { ...input, slug: "north-two" }, { appUrl: "http://localhost:3000" })).rejects.toThrow("already has an account");
    expect(await countRows(db())).toEqual(before);
  });

  it("checks its arguments and says what is wrong with each", () => {
    const good = parseCreateAuthorityArgs([
      "--name",
      "  Ysgol Sir Gâr Council ",
      "--slug",
      "sir-gar",
      "--nation",
      "wales",
      "--admin-email",
      "Admin@SirGar.example",
      "--admin-name",
      "Siân Evans",
    ]);
    expect(good).toEqual({
      ok: true,
      data: { name: "Ysgol Sir Gâr Council", slug: "sir-gar", nation: "wales", adminEmail: "admin@sirgar.example", adminName: "Siân Evans", language: "en" },
    });
    const required = ["--name", "Sir Gâr Council", "--slug", "sir-gar", "--nation", "wales", "--admin-email", "a@sirgar.example", "--admin-name", "Siân"];
    expect(parseCreateAuthorityArgs([...required, "--la-code", " 865 ", "--language", "cy"])).toMatchObject({
      ok: true,
      data: { laCode: "865", language: "cy" },
    });
    for (const laCode of ["", "12", "1234", "87a", "8\u00003", "８７３"]) {
      expect(parseCreateAuthorityArgs([...required, "--la-code", laCode])).toEqual({ ok: false, errors: ["--la-code must be three digits, like 873"] });
    }
    for (const language of ["", "fr", "CY", "welsh"]) {
      expect(parseCreateAuthorityArgs([...required, "--language", language])).toEqual({ ok: false, errors: ["--language must be en or cy"] });
    }

    const bad = parseCreateAuthorityArgs(["--name", "X", "--slug", "Not A Slug", "--nation", "scotland", "--admin-email", "not-an-email"]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toEqual([
        "--name must be at least 3 characters",
        "--slug must be lower-case letters and digits, words joined by single hyphens, such as north-county",
        "--nation must be england or wales",
        "--admin-email must be an email address, like name@example.gov.uk",
        "--admin-name is required",
      ]);
    }
    expect(parseCreateAuthorityArgs(["--name", "North County Council", "--colour", "blue"])).toMatchObject({
      ok: false,
      errors: [expect.stringContaining("--colour")],
    });
    expect(parseCreateAuthorityArgs(["--slug", "a".repeat(61), "--name", "x".repeat(10_000)])).toMatchObject({ ok: false });
  });

  // The command creates and migrates a whole database in a process of its own: on a busy machine that takes a while.
  it("runs from the command line and prints the invitation link", { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "create-authority-"));
    try {
      const { DATABASE_URL: _ignored, ...inherited } = process.env;
      const env = { ...inherited, DATA_DIR: join(dir, "pglite"), APP_URL: "http://localhost:3000" };
      // Without blocking the test's own process while the command runs.
      const run = (args: string[]) =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", "db/create-authority.ts", ...args], { env });
          let stdout = "";
          let stderr = "";
          child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
          child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
          child.on("error", reject);
          child.on("close", (status) => resolve({ status, stdout, stderr }));
        });
      const ok = await run([
        "--name",
        "North County Council",
        "--slug",
        "north",
        "--nation",
        "england",
        "--admin-email",
        "admin@north.example",
        "--admin-name",
        "Alex Morgan",
        "--la-code",
        "873",
        "--language",
        "cy",
      ]);
      expect(ok.stderr).toBe("");
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/http:\/\/localhost:3000\/invitation\/[a-z0-9]{32}\n/);
      expect(ok.stdout).not.toContain("no LA code");
      const bad = await run([
        "--name",
        "South County Council",
        "--slug",
        "south",
        "--nation",
        "england",
        "--admin-email",
        "a@south.example",
        "--admin-name",
        "Sam",
        "--la-code",
        "12",
      ]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("--la-code must be three digits, like 873");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
