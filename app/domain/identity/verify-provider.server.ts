import { and, eq, isNull } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { loadProvider } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";

/** The authority's administrator verifies a provider: only then can it submit offers for QA. */
export async function verifyProvider(
  db: Database,
  { actor, authorityId, providerId, now = new Date() }: { actor: Actor; authorityId: string; providerId: string; now?: Date },
) {
  if (!can(actor.grants, "verify:provider", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.identity.administratorsVerifyProviders"));
  const provider = await loadProvider(db, { authorityId, providerId });
  // Verifying a verified provider (a second click) changes nothing and lands on the same outcome.
  if (provider.verifiedAt) return null;
  return db.transaction(async (tx) => {
    const [verified] = await tx
      .update(schema.providers)
      .set({ verifiedAt: now, verifiedBy: actor.id })
      .where(and(eq(schema.providers.organisationId, provider.id), isNull(schema.providers.verifiedAt)))
      .returning();
    if (!verified) return null;
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "provider.verified",
      entityType: "organisation",
      entityId: provider.id,
      before: { verifiedAt: null },
      after: { verifiedAt: now.toISOString() },
    });
    return verified;
  });
}

/** The authority's providers with their kind and whether they are verified. */
export const authorityProviders = (db: Database, authorityId: string) =>
  db
    .select({
      id: schema.providers.organisationId,
      name: schema.organisations.name,
      kind: schema.providers.providerKind,
      verifiedAt: schema.providers.verifiedAt,
    })
    .from(schema.providers)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.providers.organisationId))
    .where(eq(schema.providers.authorityId, authorityId))
    .orderBy(schema.organisations.name);
