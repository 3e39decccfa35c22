// The authority's records in the demo county: each school's categorisation over the last three
// academic years, its challenge adviser, each consortium's lead and chair, each subject's lead.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { academicYearOf, categoriesOf } from "~/domain/categories/rules";
import type { Tx } from "../client";
import { consortia, memberships, schoolAdvisers, schoolCategories, schools, subjectLeads, users } from "../schema";
import { SUBJECT_AREAS, type SubjectArea } from "../schema/vocabulary";
import type { DemoAuthority } from "./plan";
import { isoDate } from "./plan";
import { createRandom } from "./random";
import { idsOf } from "~/domain/ids";

const ADVISERS: Record<DemoAuthority["nation"], { email: string; name: string }[]> = {
  england: [
    { email: "adviser.north", name: "Fiona Gallagher" },
    { email: "adviser.south", name: "Imran Siddiqui" },
  ],
  wales: [
    { email: "adviser", name: "Gareth Pryce" },
    { email: "adviser.south", name: "Sian Morgan" },
  ],
};

// Central South's commissioning unit: a lead per subject specialism, a few subjects each.
const COMMISSIONERS: Record<DemoAuthority["nation"], { email: string; name: string; subjects: SubjectArea[] }[]> = {
  england: [
    { email: "commissioner.send", name: "Rachel Dunmore", subjects: ["early_years", "send", "wellbeing", "disadvantage_and_pupil_premium", "governance"] },
    {
      email: "commissioner.data",
      name: "Oliver Brandt",
      subjects: ["ict_and_digital", "assessment_and_data", "welsh_language", "fourteen_to_nineteen_and_post_16"],
    },
  ],
  wales: [
    {
      email: "commissioner",
      name: "Eleri Hughes",
      subjects: ["literacy", "numeracy", "welsh_language", "leadership_and_management", "teaching_and_learning", "governance", "early_years"],
    },
    {
      email: "commissioner.digital",
      name: "Rhys Bowen",
      subjects: ["ict_and_digital", "disadvantage_and_pupil_premium", "fourteen_to_nineteen_and_post_16", "assessment_and_data", "send", "wellbeing"],
    },
  ],
};

const domainOf = (authority: DemoAuthority, userIds: Record<string, string>) => Object.keys(userIds)[0]?.split("@")[1] ?? `${authority.slug}.demo`;

/** A school's category in an earlier year: mostly the same, sometimes one step better or worse. */
function earlier(scheme: readonly string[], category: string, roll: number) {
  const i = scheme.indexOf(category);
  if (roll < 0.6 || i < 0) return category;
  return scheme[Math.max(0, Math.min(scheme.length - 1, i + (roll < 0.8 ? 1 : -1)))];
}

/** Runs in the seed's transaction with a few bulk inserts, so the seed stays fast. */
export async function seedDemoRecords(tx: Tx, authority: DemoAuthority, today: Date) {
  const day = isoDate(today);
  const rng = createRandom(authority.slug.length * 7919 + 17);
  const scheme = categoriesOf(authority.nation);
  const domain = domainOf(authority, authority.userIds);
  const people = await tx
    .select({ userId: memberships.userId, role: memberships.role, subjectAreas: memberships.subjectAreas })
    .from(memberships)
    .where(eq(memberships.authorityId, authority.authorityId));

  // More advisers and commissioners, members of the office (no password: they are not demo sign-ins).
  const extraUsers = [
    ...ADVISERS[authority.nation].map((u) => ({ ...u, role: "challenge_adviser" as const, subjects: [] as SubjectArea[] })),
    ...COMMISSIONERS[authority.nation].map((u) => ({ ...u, role: "commissioner" as const })),
  ]
    .filter((u) => !authority.userIds[`${u.email}@${domain}`])
    .map((u) => ({ ...u, id: randomUUID(), email: `${u.email}@${domain}` }));
  if (extraUsers.length) {
    await tx.insert(users).values(extraUsers.map(({ id, email, name }) => ({ id, email, name })));
    await tx.insert(memberships).values(
      extraUsers.map((u) => ({
        userId: u.id,
        organisationId: authority.officeId,
        authorityId: authority.authorityId,
        role: u.role,
        subjectAreas: u.subjects,
      })),
    );
  }
  const advisers = [
    ...people.filter((p) => p.role === "challenge_adviser").map((p) => p.userId),
    ...extraUsers.filter((u) => u.role === "challenge_adviser").map((u) => u.id),
  ];
  const adminId = people.find((p) => p.role === "la_admin")?.userId ?? null;

  // Each consortium's schools go to one adviser, in turn, so an adviser knows a patch of the county.
  const adviserOf = new Map<string, string>();
  authority.consortia.forEach((c, i) => c.schoolIds.forEach((s) => adviserOf.set(s, advisers[i % advisers.length])));
  for (const s of authority.schools) if (!adviserOf.has(s.id)) adviserOf.set(s.id, advisers[0]);
  await tx
    .insert(schoolAdvisers)
    .values([...adviserOf].map(([schoolId, adviserUserId]) => ({ schoolId, authorityId: authority.authorityId, adviserUserId, assignedBy: adminId })));

  // Three years of categorisation, decided each October, the latest matching the school's category now.
  const current = await tx
    .select({ id: schools.organisationId, category: schools.category })
    .from(schools)
    .where(eq(schools.authorityId, authority.authorityId));
  const thisYear = Number(academicYearOf(day).slice(0, 4));
  const rows: (typeof schoolCategories.$inferInsert)[] = [];
  for (const school of current) {
    const decided = [thisYear - 2, thisYear - 1, thisYear].map((y) => `${y}-10-${String(rng.int(1, 28)).padStart(2, "0")}`).filter((d) => d <= day);
    let category = school.category ?? scheme[1];
    const history: string[] = [category];
    for (let i = 1; i < decided.length; i++) history.unshift((category = earlier(scheme, category, rng.next())));
    decided.forEach((decidedOn, i) => {
      rows.push({
        authorityId: authority.authorityId,
        schoolId: school.id,
        academicYear: academicYearOf(decidedOn),
        category: history[i],
        decidedOn,
        setBy: adviserOf.get(school.id) ?? null,
        createdAt: new Date(`${decidedOn}T15:00:00Z`),
      });
    });
  }
  if (rows.length) await tx.insert(schoolCategories).values(rows);

  // Each consortium's lead (who holds the role) and chair (another of its heads).
  const leads = await tx
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.authorityId, authority.authorityId), eq(memberships.role, "consortium_lead")));
  const heads = await tx
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(inArray(memberships.organisationId, idsOf(authority.schools)), eq(memberships.role, "headteacher")));
  for (const c of authority.consortia) {
    const lead = leads.find((l) => l.organisationId === c.id)?.userId ?? null;
    const chair = heads.find((h) => c.schoolIds.includes(h.organisationId) && h.userId !== lead)?.userId ?? lead;
    await tx.update(consortia).set({ leadUserId: lead, chairUserId: chair }).where(eq(consortia.organisationId, c.id));
  }

  // Each subject's lead: the commissioner whose membership names it, else the first commissioner.
  const commissioners = [
    ...people.filter((p) => p.role === "commissioner"),
    ...extraUsers.filter((u) => u.role === "commissioner").map((u) => ({ userId: u.id, subjectAreas: u.subjects })),
  ];
  if (commissioners.length) {
    await tx.insert(subjectLeads).values(
      SUBJECT_AREAS.map((subjectArea) => ({
        authorityId: authority.authorityId,
        subjectArea,
        commissionerUserId: (commissioners.find((c) => (c.subjectAreas ?? []).includes(subjectArea)) ?? commissioners[0]).userId,
        assignedBy: adminId,
      })),
    );
  }
}
