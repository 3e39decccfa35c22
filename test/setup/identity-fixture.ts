// Until the demo county seed exists (db/seed), give the browser tests the one named sign-in they
// rely on: la.admin@arden.demo, an la_admin of Arden's office. Once db/seed exists this does nothing.
import { existsSync } from "node:fs";
import { hashPassword } from "~/auth/password.server";
import { openDatabase } from "#db/client";
import { schema } from "~/db.server";

export async function seedSignInFixture(dataDir: string, password: string) {
  if (existsSync(new URL("../../db/seed", import.meta.url))) return;
  const handle = await openDatabase({ kind: "pglite", dataDir });
  try {
    await handle.migrate();
    const db = handle.db;
    const [authority] = await db.insert(schema.authorities).values({ slug: "arden", name: "Arden County Council", nation: "england" }).returning();
    const [office] = await db.insert(schema.organisations).values({ authorityId: authority.id, kind: "authority_office", name: "Arden County Council School Improvement" }).returning();
    const [admin] = await db.insert(schema.users).values({ email: "la.admin@arden.demo", name: "Morgan Ellis", passwordHash: await hashPassword(password) }).returning();
    await db.insert(schema.memberships).values({ userId: admin.id, organisationId: office.id, authorityId: authority.id, role: "la_admin" });
  } finally {
    await handle.close();
  }
}
