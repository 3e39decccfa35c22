import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import type { Locale } from "~/i18n";

export type ChooseLanguageOptions = { userId: string; authorityId: string | null; language: Locale };

/** Remember the language a person reads the service in, wherever they sign in next. */
export async function chooseLanguage(db: Database, { userId, authorityId, language }: ChooseLanguageOptions) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ language: schema.users.language }).from(schema.users).where(eq(schema.users.id, userId)).for("update");
    if (!before || before.language === language) return;
    await tx.update(schema.users).set({ language }).where(eq(schema.users.id, userId));
    await audit(tx, { authorityId, actorUserId: userId, action: "user.language_chosen", entityType: "user", entityId: userId, before, after: { language } });
  });
}
