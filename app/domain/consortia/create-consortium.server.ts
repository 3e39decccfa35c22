import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type Tx } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit, auditAll } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { holdsRole, loadConsortium } from "./load.server";
import { t } from "~/i18n";

export type ConsortiumPhase = (typeof schema.consortia.$inferSelect)["phase"];

export type CreateConsortiumOptions = { actor: Actor; authorityId: string; name: string; phase: ConsortiumPhase; leadUserId: string; chairUserId: string };

// Leads and chairs are heads (Warwickshire: heads of outstanding schools, NLEs or LLEs).
const LEADER_ROLES = ["headteacher", "consortium_lead"] as const;

async function checkLeaders(tx: Tx | Database, authorityId: string, leadUserId: string, chairUserId: string) {
  if (!(await holdsRole(tx, authorityId, leadUserId, [...LEADER_ROLES]))) throw new AppError("INVALID_INPUT", t("refusal.consortia.chooseLeadHeads"));
  if (!(await holdsRole(tx, authorityId, chairUserId, [...LEADER_ROLES]))) throw new AppError("INVALID_INPUT", t("refusal.consortia.chooseChairHeads"));
}

/** Give the lead the consortium_lead role in the consortium, unless they hold it already. */
async function grantLead(tx: Tx, authorityId: string, consortiumId: string, userId: string) {
  const [existing] = await tx
    .select({ id: schema.memberships.id })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.userId, userId), eq(schema.memberships.organisationId, consortiumId), eq(schema.memberships.role, "consortium_lead")));
  if (existing) return;
  const [membership] = await tx.insert(schema.memberships).values({ userId, organisationId: consortiumId, authorityId, role: "consortium_lead" }).returning();
  return membership;
}

/** Write the consortium's audit row for its named leaders, give the lead the lead's role, and record that role when it is new. */
async function leadersNamed(
  tx: Tx,
  { actor, authorityId, consortiumId, leadUserId }: { actor: Actor; authorityId: string; consortiumId: string; leadUserId: string },
  change: { action: string; before?: unknown; after: unknown },
) {
  const granted = await grantLead(tx, authorityId, consortiumId, leadUserId);
  await audit(tx, { authorityId, actorUserId: actor.id, entityType: "consortium", entityId: consortiumId, ...change });
  if (!granted) return;
  await audit(tx, {
    authorityId,
    actorUserId: actor.id,
    action: "membership.create",
    entityType: "membership",
    entityId: granted.id,
    organisationId: consortiumId,
    after: { userId: leadUserId, role: "consortium_lead" },
  });
}

/** An la_admin creates a consortium and names its lead and its chair. */
export async function createConsortium(db: Database, { actor, authorityId, name, phase, leadUserId, chairUserId }: CreateConsortiumOptions) {
  if (!can(actor.grants, "manage:consortia", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.consortia.administratorsCreateConsortia"));
  return db.transaction(async (tx) => {
    await checkLeaders(tx, authorityId, leadUserId, chairUserId);
    const [clash] = await tx
      .select({ id: schema.organisations.id })
      .from(schema.organisations)
      .where(and(eq(schema.organisations.authorityId, authorityId), eq(schema.organisations.kind, "consortium"), eq(schema.organisations.name, name)));
    if (clash) throw new AppError("CONFLICT", t("refusal.consortia.nameTaken", { name }));
    const [organisation] = await tx.insert(schema.organisations).values({ authorityId, kind: "consortium", name }).returning();
    const [consortium] = await tx.insert(schema.consortia).values({ organisationId: organisation.id, authorityId, phase, leadUserId, chairUserId }).returning();
    await leadersNamed(
      tx,
      { actor, authorityId, consortiumId: organisation.id, leadUserId },
      { action: "consortium.created", after: { name, phase, leadUserId, chairUserId } },
    );
    return { id: organisation.id, name, phase: consortium.phase };
  });
}

/** An la_admin names a consortium's lead and chair anew; the new lead gets the lead's role. */
export async function nameConsortiumLeaders(
  db: Database,
  {
    actor,
    authorityId,
    consortiumId,
    leadUserId,
    chairUserId,
  }: { actor: Actor; authorityId: string; consortiumId: string; leadUserId: string; chairUserId: string },
) {
  if (!can(actor.grants, "manage:consortia", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.consortia.administratorsNameConsortiumLead"));
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  return db.transaction(async (tx) => {
    await checkLeaders(tx, authorityId, leadUserId, chairUserId);
    const [before] = await tx
      .select({ leadUserId: schema.consortia.leadUserId, chairUserId: schema.consortia.chairUserId })
      .from(schema.consortia)
      .where(eq(schema.consortia.organisationId, consortium.id))
      .for("update");
    await tx.update(schema.consortia).set({ leadUserId, chairUserId }).where(eq(schema.consortia.organisationId, consortium.id));
    // A lead who is replaced stops being the consortium's lead: their role there goes with the post.
    const revoked =
      before?.leadUserId && before.leadUserId !== leadUserId
        ? await tx
            .delete(schema.memberships)
            .where(
              and(
                eq(schema.memberships.userId, before.leadUserId),
                eq(schema.memberships.organisationId, consortium.id),
                eq(schema.memberships.role, "consortium_lead"),
              ),
            )
            .returning({ id: schema.memberships.id })
        : [];
    await auditAll(
      tx,
      revoked.map((membership) => ({
        authorityId,
        actorUserId: actor.id,
        action: "membership.removed",
        entityType: "membership",
        entityId: membership.id,
        organisationId: consortium.id,
        before: { userId: before!.leadUserId, organisationId: consortium.id, role: "consortium_lead" },
        after: { replacedBy: leadUserId },
      })),
    );
    await leadersNamed(
      tx,
      { actor, authorityId, consortiumId: consortium.id, leadUserId },
      { action: "consortium.leaders_named", before, after: { leadUserId, chairUserId } },
    );
  });
}
