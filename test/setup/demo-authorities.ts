import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { schema } from "~/db.server";

/** The id of a seeded authority, by its slug ("arden", "glan-teifi"). */
export async function authorityIdBySlug(db: Database, slug: string) {
  const [{ id }] = await db.select({ id: schema.authorities.id }).from(schema.authorities).where(eq(schema.authorities.slug, slug));
  return id;
}
