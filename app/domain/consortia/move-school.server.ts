import { and, eq, isNull } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { loadConsortium, loadSchoolRecord } from "./load.server";
import { moveRefusal } from "./rules";
import { t } from "~/i18n";

export type MoveSchoolOptions = {
  actor: Actor;
  authorityId: string;
  schoolId: string;
  /** null: the school leaves its consortium and joins none. */
  toConsortiumId: string | null;
  /** yyyy-mm-dd: the day it leaves the old consortium and joins the new one. */
  on: string;
};

/**
 * An la_admin moves a school to another consortium from a date: its current membership ends that
 * day and a new one begins. History is kept, never rewritten; every count on a date follows it.
 */
export async function moveSchool(db: Database, { actor, authorityId, schoolId, toConsortiumId, on }: MoveSchoolOptions) {
  if (!can(actor.grants, "manage:consortia", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.consortia.administratorsMoveSchoolBetween"));
  const school = await loadSchoolRecord(db, authorityId, schoolId);
  const to = toConsortiumId ? await loadConsortium(db, authorityId, toConsortiumId) : null;
  const { consortiumMemberships } = schema;
  return db.transaction(async (tx) => {
    // Read the current membership under a lock, so two moves of one school cannot both end it.
    const [current] = await tx
      .select({
        id: consortiumMemberships.id,
        consortiumId: consortiumMemberships.consortiumId,
        joinedOn: consortiumMemberships.joinedOn,
        leftOn: consortiumMemberships.leftOn,
      })
      .from(consortiumMemberships)
      .where(and(eq(consortiumMemberships.schoolId, school.id), isNull(consortiumMemberships.leftOn)))
      .for("update");
    const refusal = moveRefusal(current ?? null, to?.id ?? null, on);
    if (refusal) throw new AppError("INVALID_INPUT", refusal);
    if (current) await tx.update(consortiumMemberships).set({ leftOn: on }).where(eq(consortiumMemberships.id, current.id));
    const [joined] = to
      ? await tx.insert(consortiumMemberships).values({ authorityId, consortiumId: to.id, schoolId: school.id, joinedOn: on }).returning()
      : [];
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "consortium.school_moved",
      entityType: "school",
      entityId: school.id,
      before: current ? { consortiumId: current.consortiumId, joinedOn: current.joinedOn, leftOn: null } : null,
      after: { consortiumId: to?.id ?? null, joinedOn: to ? on : null, leftPreviousOn: current ? on : null },
    });
    return { school, to, joined: joined ?? null };
  });
}
