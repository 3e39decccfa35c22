// The authority's own settings, which only its administrators change: the LA code the school import
// matches establishments by, and the language its people read the service in until they choose one.
import { eq } from "drizzle-orm";
import { schema, type Database, type Queryable } from "~/db.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError, notFound } from "~/domain/errors";
import { LANGUAGES, type Language } from "#db/schema/vocabulary";
import { t } from "~/i18n";

/** A local authority code as Get Information about Schools writes it: three digits, such as 873. */
export const LA_CODE = /^\d{3}$/;

export type AuthoritySettings = { laCode: string | null; defaultLanguage: Language };

const mayChange = (actor: Actor, authorityId: string) =>
  ensureCan(actor, "manage:authority-settings", { authorityId }, t("refusal.settings.administratorsOnly"));

async function settingsOf(db: Queryable, authorityId: string, lock = false): Promise<AuthoritySettings & { name: string }> {
  const query = db
    .select({ name: schema.authorities.name, laCode: schema.authorities.laCode, defaultLanguage: schema.authorities.defaultLanguage })
    .from(schema.authorities)
    .where(eq(schema.authorities.id, authorityId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

export async function loadAuthoritySettings(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  mayChange(actor, authorityId);
  return settingsOf(db, authorityId);
}

/** Change the settings, with the audit row saying what they were; a save that changes nothing writes nothing. */
export async function saveAuthoritySettings(
  db: Database,
  { actor, authorityId, laCode, defaultLanguage }: { actor: Actor; authorityId: string } & { laCode: string; defaultLanguage: Language },
) {
  mayChange(actor, authorityId);
  if (!LA_CODE.test(laCode)) throw new AppError("INVALID_INPUT", t("settings.laCode.invalid"));
  if (!LANGUAGES.includes(defaultLanguage)) throw new AppError("INVALID_INPUT", t("settings.language.required"));
  return db.transaction(async (tx) => {
    const before = await settingsOf(tx, authorityId, true);
    if (before.laCode === laCode && before.defaultLanguage === defaultLanguage) return { changed: false };
    await tx.update(schema.authorities).set({ laCode, defaultLanguage }).where(eq(schema.authorities.id, authorityId));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "authority.settings_set",
      entityType: "authority",
      entityId: authorityId,
      before: { laCode: before.laCode, defaultLanguage: before.defaultLanguage },
      after: { laCode, defaultLanguage },
    });
    return { changed: true };
  });
}
