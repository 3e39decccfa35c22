import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";

import type { SettingKind } from "./setting-kinds";

export type AddSettingOptions = {
  actor: Actor;
  authorityId: string;
  kind: SettingKind;
  name: string;
  /** The setting's URN, Ofsted early-years number or UKPRN: unique across the service. */
  reference: string;
  numberOnRoll: number;
  postcode?: string;
  town?: string;
};

/**
 * An early years setting or a post-16 provider that GIAS does not list as a school of the authority,
 * added by hand so it can join a consortium (as the Warwickshire model extends them).
 */
export async function addSetting(db: Database, { actor, authorityId, kind, name, reference, numberOnRoll, postcode, town }: AddSettingOptions) {
  if (!can(actor.grants, "import:schools", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ urn: schema.schools.urn }).from(schema.schools).where(eq(schema.schools.urn, reference));
    if (taken) throw new AppError("CONFLICT", t("setting.error.referenceTaken"));
    const id = randomUUID();
    await tx.insert(schema.organisations).values({ id, authorityId, kind: "school", name });
    const values = {
      organisationId: id,
      authorityId,
      urn: reference,
      phase: kind,
      establishmentType: kind === "early_years" ? ("early_years_setting" as const) : ("post_16_college" as const),
      laMaintained: false,
      numberOnRoll,
      postcode: postcode ?? null,
      town: town ?? null,
    };
    await tx.insert(schema.schools).values(values);
    await audit(tx, { authorityId, actorUserId: actor.id, action: "school.added", entityType: "organisation", entityId: id, after: { name, ...values } });
    return { organisationId: id };
  });
}
