import { and, eq, inArray } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, SUBJECT_AREAS, type Database, type Queryable, type SubjectArea } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { holdsRole, peopleWithRole } from "~/domain/consortia/load.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { t } from "~/i18n";

const { subjectLeads, users } = schema;

/** The lead commissioners of these subject areas, where one is named. */
export async function leadsOf(db: Queryable, authorityId: string, areas: readonly string[]) {
  const wanted = SUBJECT_AREAS.filter((a) => areas.includes(a));
  if (wanted.length === 0) return [];
  return db
    .select({ subjectArea: subjectLeads.subjectArea, userId: users.id, name: users.name, email: users.email })
    .from(subjectLeads)
    .innerJoin(users, eq(users.id, subjectLeads.commissionerUserId))
    .where(and(eq(subjectLeads.authorityId, authorityId), inArray(subjectLeads.subjectArea, wanted)));
}

/**
 * The commissioners to tell about an offer in these subject areas: their lead commissioners, each
 * once; where none of the areas has a lead named, every commissioner of the authority, so that
 * nobody is left untold.
 */
export async function commissionersToTell(db: Queryable, authorityId: string, areas: readonly string[]) {
  const leads = await leadsOf(db, authorityId, areas);
  if (leads.length === 0) return peopleWithRole(db, authorityId, ["commissioner"]);
  return [...new Map(leads.map((l) => [l.userId, { id: l.userId, name: l.name, email: l.email }])).values()];
}

/** An la_admin names a subject area's lead commissioner. */
export async function setSubjectLead(
  db: Database,
  { actor, authorityId, subjectArea, commissionerUserId }: { actor: Actor; authorityId: string; subjectArea: SubjectArea; commissionerUserId: string },
) {
  if (!can(actor.grants, "assign:subject-lead", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.subjectLeads.administratorsNameSubjectLeads"));
  if (!SUBJECT_AREAS.includes(subjectArea)) throw new AppError("INVALID_INPUT", t("refusal.subjectLeads.chooseSubjectArea"));
  if (!(await holdsRole(db, authorityId, commissionerUserId, ["commissioner"])))
    throw new AppError("INVALID_INPUT", t("refusal.subjectLeads.chooseOneCommissioners"));
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ commissionerUserId: subjectLeads.commissionerUserId })
      .from(subjectLeads)
      .where(and(eq(subjectLeads.authorityId, authorityId), eq(subjectLeads.subjectArea, subjectArea)))
      .for("update");
    if (before?.commissionerUserId === commissionerUserId) return { changed: false };
    await tx
      .insert(subjectLeads)
      .values({ authorityId, subjectArea, commissionerUserId, assignedBy: actor.id })
      .onConflictDoUpdate({
        target: [subjectLeads.authorityId, subjectLeads.subjectArea],
        set: { commissionerUserId, assignedBy: actor.id, assignedAt: new Date() },
      });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "subject.lead_assigned",
      entityType: "subject_area",
      entityId: subjectArea,
      before: before ?? null,
      after: { commissionerUserId },
    });
    return { changed: true };
  });
}

/** Every subject area with its lead, and the commissioners to choose from. */
export async function subjectLeadsPage(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  if (!can(actor.grants, "assign:subject-lead", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.subjectLeads.administratorsNameSubjectLeads"));
  const leads = await leadsOf(db, authorityId, SUBJECT_AREAS);
  return {
    subjects: SUBJECT_AREAS.map((area) => ({ area, lead: leads.find((l) => l.subjectArea === area) ?? null })),
    commissioners: await peopleWithRole(db, authorityId, ["commissioner"]),
  };
}

/**
 * Tell each lead of these subject areas, in the caller's transaction, about a need published or an
 * offer suspended in their subject (not the lead who did it themselves).
 */
export async function notifySubjectLeads(
  tx: Queryable,
  {
    authorityId,
    areas,
    actor,
    event,
    title,
    url,
  }: {
    authorityId: string;
    areas: readonly string[];
    actor: { id: string; name?: string };
    event: "need-published" | "offer-suspended";
    title: string;
    url: string;
  },
) {
  const leads = await leadsOf(tx, authorityId, areas);
  const [by] = actor.name ? [{ name: actor.name }] : await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
  const notified = new Set<string>();
  for (const lead of leads) {
    if (lead.userId === actor.id || notified.has(lead.userId)) continue;
    notified.add(lead.userId);
    const subjectAreas = leads.filter((l) => l.userId === lead.userId).map((l) => l.subjectArea);
    await queueEmail(tx, {
      to: lead.email,
      template: "subject-lead-notice",
      authorityId,
      props: { name: lead.name, subjectAreas, event, title, url, by: by?.name ?? null },
    });
  }
  return [...notified];
}
