import type { Database } from "#db/client";
import { schema, type OrganisationKind, type ProviderKind, type Role } from "~/db.server";

let seq = 0;
const next = () => `${process.pid}-${++seq}`;

export async function createAuthority(db: Database, overrides: Partial<typeof schema.authorities.$inferInsert> = {}) {
  const n = next();
  const [authority] = await db
    .insert(schema.authorities)
    .values({ slug: `authority-${n}`, name: `Test County ${n}`, nation: "england", ...overrides })
    .returning();
  return authority;
}

export async function createOrganisation(db: Database, authorityId: string, kind: OrganisationKind, name = `${kind} ${next()}`) {
  const [organisation] = await db.insert(schema.organisations).values({ authorityId, kind, name }).returning();
  return organisation;
}

export async function createSchool(db: Database, authorityId: string, overrides: Partial<typeof schema.schools.$inferInsert> = {}) {
  const organisation = await createOrganisation(db, authorityId, "school", `School ${next()}`);
  const [school] = await db
    .insert(schema.schools)
    .values({
      organisationId: organisation.id,
      authorityId,
      urn: `9${String(++seq).padStart(5, "0")}${process.pid % 1000}`,
      phase: "primary",
      establishmentType: "la_maintained",
      laMaintained: true,
      numberOnRoll: 210,
      category: "2A",
      ...overrides,
    })
    .returning();
  return { organisation, school };
}

export async function createUser(db: Database, overrides: Partial<typeof schema.users.$inferInsert> = {}) {
  const n = next();
  const [user] = await db
    .insert(schema.users)
    .values({ email: `person-${n}@example.org`, name: `Person ${n}`, ...overrides })
    .returning();
  return user;
}

export async function addMembership(
  db: Database,
  {
    userId,
    organisationId,
    authorityId,
    role,
    chair = false,
    subjectAreas = [],
  }: {
    userId: string;
    organisationId: string;
    authorityId: string;
    role: Role;
    chair?: boolean;
    subjectAreas?: (typeof schema.memberships.$inferInsert)["subjectAreas"];
  },
) {
  const [membership] = await db.insert(schema.memberships).values({ userId, organisationId, authorityId, role, chair, subjectAreas }).returning();
  return membership;
}

/** A user holding one role in one organisation. */
export async function createMember(
  db: Database,
  organisation: { id: string; authorityId: string },
  role: Role,
  overrides: Partial<typeof schema.users.$inferInsert> = {},
) {
  const user = await createUser(db, overrides);
  await addMembership(db, { userId: user.id, organisationId: organisation.id, authorityId: organisation.authorityId, role });
  return user;
}

export async function createProvider(
  db: Database,
  authorityId: string,
  { kind = "teaching_school", verified = true, schoolId = null }: { kind?: ProviderKind; verified?: boolean; schoolId?: string | null } = {},
) {
  const organisation = await createOrganisation(db, authorityId, "provider");
  await db
    .insert(schema.providers)
    .values({ organisationId: organisation.id, authorityId, providerKind: kind, schoolId, verifiedAt: verified ? new Date("2025-09-01T09:00:00Z") : null });
  return organisation;
}
