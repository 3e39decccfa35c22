import { asc, eq, inArray, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { Locale } from "~/i18n";
import { languageOf } from "./rules";

const authorityDefault = (authorityId: unknown) =>
  sql<string | null>`(select ${schema.authorities.defaultLanguage} from ${schema.authorities} where ${schema.authorities.id} = ${authorityId})`;

/** The language to write to someone in by email: theirs, else their (or the sending) authority's default, else English. */
export async function recipientLanguage(db: Queryable, { email, authorityId }: { email: string; authorityId?: string | null }): Promise<Locale> {
  return (await recipientLanguages(db, { emails: [email], authorityId })).get(email.toLowerCase())!;
}

/** `recipientLanguage` for many recipients at once, by lower-cased address: one query however many there are. */
export async function recipientLanguages(
  db: Queryable,
  { emails, authorityId }: { emails: string[]; authorityId?: string | null },
): Promise<Map<string, Locale>> {
  const addresses = [...new Set(emails.map((e) => e.toLowerCase()))];
  const rows =
    addresses.length === 0
      ? []
      : await db
          .select({
            email: schema.users.email,
            chosen: schema.users.language,
            memberDefault: authorityDefault(
              sql`(select ${schema.memberships.authorityId} from ${schema.memberships} where ${schema.memberships.userId} = ${schema.users.id} order by ${asc(schema.memberships.createdAt)} limit 1)`,
            ),
          })
          .from(schema.users)
          .where(inArray(schema.users.email, addresses));
  let sendingDefault: string | null = null;
  if (authorityId) {
    const [authority] = await db
      .select({ language: schema.authorities.defaultLanguage })
      .from(schema.authorities)
      .where(eq(schema.authorities.id, authorityId));
    sendingDefault = authority?.language ?? null;
  }
  const byEmail = new Map(rows.map((row) => [row.email.toLowerCase(), row]));
  return new Map(
    addresses.map((address) => {
      const row = byEmail.get(address);
      return [address, languageOf({ chosen: row?.chosen ?? null, browser: null, authorityDefault: sendingDefault ?? row?.memberDefault ?? null })];
    }),
  );
}
