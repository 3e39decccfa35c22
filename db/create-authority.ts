// The first-authority command: an authority, its office and its first administrator, who sets
// their own password through a single-use invitation link. Usage:
//   npm run authority:create -- --name "Example County Council" --slug example --nation england \
//     --admin-email admin@example.gov.uk --admin-name "Alex Morgan" [--la-code 873] [--language en|cy]
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { generateSessionToken, hashToken } from "~/auth/session.server";
import { audit } from "~/domain/audit.server";
import { LA_CODE } from "~/domain/authority/authority-settings.server";
import { AppError } from "~/domain/errors";
import { loadEnv } from "~/env.server";
import { formatDate } from "~/format";
import { databaseConfig, openDatabase, schema, type Database } from "./client";
import { NATIONS } from "./schema";
import { LANGUAGES, type Language } from "./schema/vocabulary";

export const INVITATION_DAYS = 7;

export const CreateAuthoritySchema = z.object({
  name: z
    .string({ required_error: "--name is required" })
    .trim()
    .min(3, "--name must be at least 3 characters")
    .max(120, "--name must be 120 characters or fewer"),
  slug: z
    .string({ required_error: "--slug is required" })
    .trim()
    .max(60, "--slug must be 60 characters or fewer")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "--slug must be lower-case letters and digits, words joined by single hyphens, such as north-county"),
  nation: z.enum(NATIONS, {
    required_error: "--nation is required",
    invalid_type_error: "--nation must be england or wales",
    message: "--nation must be england or wales",
  }),
  adminEmail: z
    .string({ required_error: "--admin-email is required" })
    .trim()
    .toLowerCase()
    .max(254)
    .email("--admin-email must be an email address, like name@example.gov.uk"),
  adminName: z
    .string({ required_error: "--admin-name is required" })
    .trim()
    .min(1, "--admin-name is required")
    .max(120, "--admin-name must be 120 characters or fewer"),
  /** Its three-digit local authority code, which the school import needs; it can also be set later in the service. */
  laCode: z.string().trim().regex(LA_CODE, "--la-code must be three digits, like 873").optional(),
  /** The language its people read the service in until they choose one: English unless said. */
  language: z.enum(LANGUAGES, { message: "--language must be en or cy" }).default("en"),
});
/** What the command creates; the language is English when not given. */
export type CreateAuthorityInput = Omit<z.output<typeof CreateAuthoritySchema>, "language"> & { language?: Language };

export const USAGE =
  'Usage: npm run authority:create -- --name "Example County Council" --slug example --nation england|wales --admin-email admin@example.gov.uk --admin-name "Alex Morgan" [--la-code 873] [--language en|cy]';

/** The command line, checked: the input, or every problem with it. */
export function parseCreateAuthorityArgs(argv: string[]): { ok: true; data: CreateAuthorityInput } | { ok: false; errors: string[] } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        name: { type: "string" },
        slug: { type: "string" },
        nation: { type: "string" },
        "admin-email": { type: "string" },
        "admin-name": { type: "string" },
        "la-code": { type: "string" },
        language: { type: "string" },
      },
    }));
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
  const result = CreateAuthoritySchema.safeParse({
    name: values.name,
    slug: values.slug,
    nation: values.nation,
    adminEmail: values["admin-email"],
    adminName: values["admin-name"],
    laCode: values["la-code"],
    language: values.language,
  });
  if (!result.success) return { ok: false, errors: result.error.issues.map((i) => i.message) };
  return { ok: true, data: result.data };
}

export type CreatedAuthority = { authorityId: string; officeId: string; adminUserId: string; invitationUrl: string; expiresAt: Date };

export async function createFirstAuthority(
  db: Database,
  input: CreateAuthorityInput,
  { appUrl, now = new Date() }: { appUrl: string; now?: Date },
): Promise<CreatedAuthority> {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: schema.authorities.id }).from(schema.authorities).where(eq(schema.authorities.slug, input.slug));
    if (taken) throw new AppError("CONFLICT", `An authority with the slug "${input.slug}" already exists.`);
    const [existing] = await tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, input.adminEmail));
    if (existing) throw new AppError("CONFLICT", `${input.adminEmail} already has an account: add them to the new authority from the service instead.`);

    const [authority] = await tx
      .insert(schema.authorities)
      .values({ slug: input.slug, name: input.name, nation: input.nation, laCode: input.laCode ?? null, defaultLanguage: input.language ?? "en" })
      .returning();
    const [office] = await tx
      .insert(schema.organisations)
      .values({ authorityId: authority.id, kind: "authority_office", name: `${input.name} School Improvement` })
      .returning();
    const [admin] = await tx.insert(schema.users).values({ email: input.adminEmail, name: input.adminName }).returning();
    const [membership] = await tx
      .insert(schema.memberships)
      .values({ userId: admin.id, organisationId: office.id, authorityId: authority.id, role: "la_admin" })
      .returning();
    // Only the token's SHA-256 is kept: the link itself is shown once, here.
    const token = generateSessionToken();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
    await tx.insert(schema.authTokens).values({ kind: "invitation", tokenHash: hashToken(token), userId: admin.id, expiresAt, createdAt: now });

    const entry = { authorityId: authority.id, actorUserId: null };
    await audit(tx, {
      ...entry,
      action: "authority.create",
      entityType: "authority",
      entityId: authority.id,
      after: {
        slug: authority.slug,
        name: authority.name,
        nation: authority.nation,
        laCode: authority.laCode,
        defaultLanguage: authority.defaultLanguage,
        officeId: office.id,
      },
    });
    await audit(tx, {
      ...entry,
      action: "membership.create",
      entityType: "membership",
      entityId: membership.id,
      after: { userId: admin.id, email: admin.email, organisationId: office.id, role: "la_admin" },
    });
    await audit(tx, { ...entry, action: "invitation.create", entityType: "user", entityId: admin.id, after: { expiresAt: expiresAt.toISOString() } });

    return {
      authorityId: authority.id,
      officeId: office.id,
      adminUserId: admin.id,
      invitationUrl: new URL(`/invitation/${token}`, appUrl).toString(),
      expiresAt,
    };
  });
}

async function main() {
  const args = parseCreateAuthorityArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(["Could not create the authority:", ...args.errors.map((e) => `  - ${e}`), "", USAGE].join("\n"));
    process.exit(2);
  }
  const env = loadEnv();
  const database = await openDatabase(databaseConfig(env));
  try {
    await database.migrate();
    const created = await createFirstAuthority(database.db, args.data, { appUrl: env.APP_URL });
    console.log(
      [
        `Created ${args.data.name} (${args.data.slug}), its office "${args.data.name} School Improvement", and its administrator ${args.data.adminName} <${args.data.adminEmail}>.`,
        `Send them this link to set their password. It works once, until ${formatDate(created.expiresAt)}:`,
        `  ${created.invitationUrl}`,
        ...(args.data.laCode ? [] : ["It has no LA code yet: its administrator sets it in Authority settings before importing schools."]),
      ].join("\n"),
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`Could not create the authority: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
