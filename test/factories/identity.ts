import { and, desc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { hashPassword } from "~/auth/password.server";
import { sessionCookieName } from "~/auth/session.server";
import { schema, type Role } from "~/db.server";
import { createMember } from "./tenancy";

export const PASSWORD = "a long enough pass phrase";

// Hashed once (at the app's own cost) and shared by every account made here: each hash takes tens of milliseconds.
let passwordHash: Promise<string> | null = null;

/** A member who can sign in with PASSWORD. */
export async function createAccount(
  db: Database,
  organisation: { id: string; authorityId: string },
  role: Role,
  overrides: Partial<typeof schema.users.$inferInsert> = {},
) {
  return createMember(db, organisation, role, { passwordHash: await (passwordHash ??= hashPassword(PASSWORD)), ...overrides });
}

/** The newest email queued to an address, with its props. */
export async function lastEmailTo(db: Database, to: string) {
  const [row] = await db
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.recipient, to), eq(schema.outbox.kind, "email")))
    .orderBy(desc(schema.outbox.createdAt))
    .limit(1);
  return row;
}

/** The emails of one template queued to an address. */
export const emailsTo = (db: Database, to: string, topic: string) =>
  db
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.recipient, to), eq(schema.outbox.topic, topic)));

/** The token at the end of the link in the newest email to an address. */
export async function tokenEmailedTo(db: Database, to: string) {
  const email = await lastEmailTo(db, to);
  const url = String((email?.payload as { url?: string } | undefined)?.url ?? "");
  return url.split("/").pop()!;
}

/** The session token a response's Set-Cookie gives the browser, by cookie name. */
export function cookieFrom(response: Response, secure = false) {
  const header = response.headers.get("Set-Cookie") ?? "";
  const name = sessionCookieName(secure);
  const match = header.match(new RegExp(`${name}=([^;]*)`));
  return match ? { token: match[1], header, cookie: `${name}=${match[1]}` } : null;
}
