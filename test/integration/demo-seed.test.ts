import { and, eq, isNull } from "drizzle-orm";
import { frameworkFor } from "~/domain/schools/inspection-frameworks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { seedDemo, isDatabaseEmpty, type DemoCounty, type SignIn } from "#db/seed/index";
import { arden } from "#db/seed/arden";
import { planAuthority } from "#db/seed/plan";
import { verifyPassword } from "~/auth/password.server";
import { CATEGORY_SCHEMES, PROVIDER_KINDS, ROLES, schema, type Database } from "~/db.server";
import { createTestDatabase } from "../setup/database";
import { schoolRows } from "../setup/school-rows";

const TODAY = new Date("2026-03-16T09:00:00Z");
const PASSWORD = "a-demo-password-for-tests";

/** The rows that make the demo what it is, without their ids, in a stable order. */
async function snapshot(db: Database) {
  const schools = await schoolRows(db);
  const members = await db
    .select({
      consortium: schema.organisations.name,
      urn: schema.schools.urn,
      joinedOn: schema.consortiumMemberships.joinedOn,
      leftOn: schema.consortiumMemberships.leftOn,
    })
    .from(schema.consortiumMemberships)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.consortiumMemberships.consortiumId))
    .innerJoin(schema.schools, eq(schema.schools.organisationId, schema.consortiumMemberships.schoolId))
    .orderBy(schema.schools.urn, schema.consortiumMemberships.joinedOn);
  const people = await db
    .select({
      email: schema.users.email,
      name: schema.users.name,
      role: schema.memberships.role,
      organisation: schema.organisations.name,
      chair: schema.memberships.chair,
    })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .orderBy(schema.users.email, schema.memberships.role, schema.organisations.name);
  return { schools, members, people };
}

describe("the demo county", () => {
  let handle: DatabaseHandle;
  let db: Database;
  let county: DemoCounty;
  let signIns: SignIn[];

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    signIns = await seedDemo(db, {
      password: PASSWORD,
      today: TODAY,
      steps: [
        async (_tx, c) => {
          county = c;
        },
      ],
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const membershipsOf = (email: string) =>
    db
      .select({
        role: schema.memberships.role,
        organisationId: schema.memberships.organisationId,
        chair: schema.memberships.chair,
        subjectAreas: schema.memberships.subjectAreas,
      })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.users.email, email));
  const currentMembers = (consortiumId: string) =>
    db
      .select({ schoolId: schema.consortiumMemberships.schoolId })
      .from(schema.consortiumMemberships)
      .where(and(eq(schema.consortiumMemberships.consortiumId, consortiumId), isNull(schema.consortiumMemberships.leftOn)));

  it("has Arden's 17 consortia (12 primary, 4 secondary, 1 special) over 236 schools (192 primary, 35 secondary, 9 special)", async () => {
    const consortia = await db.select().from(schema.consortia).where(eq(schema.consortia.authorityId, county.authorityId));
    expect(consortia).toHaveLength(17);
    expect(consortia.filter((c) => c.phase === "primary")).toHaveLength(12);
    expect(consortia.filter((c) => c.phase === "secondary")).toHaveLength(4);
    expect(consortia.filter((c) => c.phase === "special")).toHaveLength(1);
    expect(county.consortia[0].name).toBe("Avon Valley Primary Consortium");

    const schools = await db.select().from(schema.schools).where(eq(schema.schools.authorityId, county.authorityId));
    expect(schools).toHaveLength(236);
    expect(schools.filter((s) => s.phase === "primary")).toHaveLength(192);
    expect(schools.filter((s) => s.phase === "secondary")).toHaveLength(35);
    expect(schools.filter((s) => s.phase === "special")).toHaveLength(9);
    for (const s of schools) expect(s.urn).toMatch(/^\d{6}$/);
  });

  it("puts every Arden school in exactly one consortium of 10 to 30 schools", async () => {
    const seen = new Set<string>();
    for (const consortium of county.consortia) {
      const members = await currentMembers(consortium.id);
      expect(members.length, consortium.name).toBeGreaterThanOrEqual(10);
      expect(members.length, consortium.name).toBeLessThanOrEqual(30);
      for (const m of members) {
        expect(seen.has(m.schoolId)).toBe(false);
        seen.add(m.schoolId);
      }
    }
    expect(seen.size).toBe(236);
    // Some schools moved consortium: their old membership has ended.
    const ended = await db.select().from(schema.consortiumMemberships).where(eq(schema.consortiumMemberships.authorityId, county.authorityId));
    expect(ended.filter((m) => m.leftOn !== null).length).toBeGreaterThan(0);
    for (const m of ended) {
      expect(m.joinedOn <= "2026-03-16").toBe(true);
      if (m.leftOn) expect(m.leftOn > m.joinedOn).toBe(true);
    }
  });

  it("gives maintained schools a cost centre, and only maintained schools are LA maintained", async () => {
    const schools = await db.select().from(schema.schools);
    for (const s of schools) {
      expect(s.laMaintained).toBe(s.establishmentType === "la_maintained" || s.establishmentType === "special");
      expect(s.costCentre !== null).toBe(s.laMaintained);
      expect(s.numberOnRoll).toBeGreaterThan(0);
    }
    const arden = schools.filter((s) => s.authorityId === county.authorityId);
    const types = new Set(arden.map((s) => s.establishmentType));
    expect([...types].sort()).toEqual(["academy", "free", "la_maintained", "special"]);
  });

  it("records an inspection history for every school, by Ofsted in England and Estyn in Wales, each under the framework of its date", async () => {
    const rows = await db
      .select({
        schoolId: schema.inspections.schoolId,
        authorityId: schema.schools.authorityId,
        inspectorate: schema.inspections.inspectorate,
        framework: schema.inspections.framework,
        judgements: schema.inspections.judgements,
        inspectedOn: schema.inspections.inspectedOn,
      })
      .from(schema.inspections)
      .innerJoin(schema.schools, eq(schema.schools.organisationId, schema.inspections.schoolId));
    const inspected = new Set(rows.map((r) => r.schoolId));
    expect(inspected.size).toBe(236 + county.wales.schools.length);
    expect(rows.length).toBeGreaterThan(inspected.size * 1.5);
    for (const r of rows) {
      expect(r.inspectorate).toBe(r.authorityId === county.authorityId ? "ofsted" : "estyn");
      expect(r.framework).toBe(frameworkFor(r.inspectorate, r.inspectedOn));
      expect(Object.keys(r.judgements).length).toBeGreaterThan(0);
      // Only the framework with overall grades has an overall grade.
      expect("overall_effectiveness" in r.judgements).toBe(r.framework === "ofsted_overall_effectiveness");
      expect(r.inspectedOn < "2026-03-16").toBe(true);
    }
    const frameworks = new Set(rows.map((r) => r.framework));
    for (const f of ["ofsted_overall_effectiveness", "ofsted_2024_25", "estyn_2017", "estyn_2022"]) expect(frameworks).toContain(f);
  });

  it("categorises English schools 1 to 4 and Welsh schools green to red", async () => {
    const schools = await db.select({ authorityId: schema.schools.authorityId, category: schema.schools.category }).from(schema.schools);
    const english = schools.filter((s) => s.authorityId === county.authorityId).map((s) => s.category);
    const welsh = schools.filter((s) => s.authorityId === county.wales.authorityId).map((s) => s.category);
    expect(new Set(english).size).toBeGreaterThan(4);
    for (const c of english) expect(CATEGORY_SCHEMES.england).toContain(c);
    for (const c of welsh) expect(CATEGORY_SCHEMES.wales).toContain(c);
    const [authority] = await db.select().from(schema.authorities).where(eq(schema.authorities.id, county.wales.authorityId));
    expect(authority).toMatchObject({ slug: "glan-teifi", name: "Glan Teifi County Council", nation: "wales" });
  });

  it("has at least 8 providers of every kind in Arden, most verified, the consultant not", async () => {
    const providers = await db
      .select({
        name: schema.organisations.name,
        kind: schema.providers.providerKind,
        verifiedAt: schema.providers.verifiedAt,
        schoolId: schema.providers.schoolId,
      })
      .from(schema.providers)
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.providers.organisationId))
      .where(eq(schema.providers.authorityId, county.authorityId));
    expect(providers.length).toBeGreaterThanOrEqual(8);
    expect(new Set(providers.map((p) => p.kind))).toEqual(new Set(PROVIDER_KINDS));
    expect(providers.filter((p) => p.verifiedAt).length).toBeGreaterThan(providers.length / 2);
    expect(providers.find((p) => p.name === "Arden Education Services")).toMatchObject({ kind: "la_traded_services", verifiedAt: expect.any(Date) });
    expect(providers.find((p) => p.name === "Kingsbury Teaching School Alliance")).toMatchObject({ kind: "teaching_school", verifiedAt: expect.any(Date) });
    expect(providers.find((p) => p.kind === "consultant")?.verifiedAt).toBeNull();
    expect(providers.find((p) => p.kind === "school_to_school")?.schoolId).toEqual(expect.any(String));
    for (const p of providers) if (p.verifiedAt) expect(p.verifiedAt.getTime()).toBeLessThan(TODAY.getTime());
  });

  it("seats two heads of each consortium on its improvement board, with one chair", async () => {
    expect(county.boards.map((b) => b.name)).toEqual(["Primary Improvement Board", "Secondary and Special Improvement Board"]);
    const heads = await db.select().from(schema.memberships).where(eq(schema.memberships.role, "headteacher"));
    const schoolsLedBy = (userId: string) => heads.filter((h) => h.userId === userId).map((h) => h.organisationId);
    const boardConsortia = [county.consortia.slice(0, 12), county.consortia.slice(12)];
    for (const [i, board] of county.boards.entries()) {
      const members = await db.select().from(schema.memberships).where(eq(schema.memberships.organisationId, board.id));
      expect(new Set(members.map((m) => m.role))).toEqual(new Set(["qa_panel_member"]));
      expect(members.filter((m) => m.chair)).toHaveLength(1);
      expect(members).toHaveLength(boardConsortia[i].length * 2);
      for (const m of members) expect(schoolsLedBy(m.userId).length, "a board member is a head").toBeGreaterThan(0);
      for (const consortium of boardConsortia[i]) {
        const seated = members.filter((m) => schoolsLedBy(m.userId).some((schoolId) => consortium.schoolIds.includes(schoolId)));
        expect(seated, consortium.name).toHaveLength(2);
      }
    }
  });

  it("gives every school one headteacher, head.<urn>@ unless a named person leads it", async () => {
    const heads = await db
      .select({ schoolId: schema.memberships.organisationId, email: schema.users.email })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.role, "headteacher"));
    for (const school of [...county.schools, ...county.wales.schools]) {
      const mine = heads.filter((h) => h.schoolId === school.id);
      expect(mine, school.name).toHaveLength(1);
      if (!signIns.some((s) => s.email === mine[0].email)) expect(mine[0].email).toMatch(new RegExp(`^head\\.${school.urn}@(arden|glanteifi)\\.demo$`));
    }
  });

  it("has someone in every role in Arden", async () => {
    const roles = await db
      .selectDistinct({ role: schema.memberships.role })
      .from(schema.memberships)
      .where(eq(schema.memberships.authorityId, county.authorityId));
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(ROLES));
  });

  it("creates the named sign-ins with exactly their memberships", async () => {
    const [c1, c2, c3] = county.consortia;
    const [primaryBoard] = county.boards;
    const provider = (name: string) => county.providers.find((p) => p.name === name)!.id;
    const school = (id: string) => county.schools.find((s) => s.id === id)!;
    const expectOnly = async (email: string, expected: { role: string; organisationId: string; chair?: boolean }[]) => {
      const actual = await membershipsOf(email);
      expect(
        actual.map((m) => ({ role: m.role, organisationId: m.organisationId, chair: m.chair })).sort((a, b) => a.role.localeCompare(b.role)),
        email,
      ).toEqual(expected.map((e) => ({ chair: false, ...e })).sort((a, b) => a.role.localeCompare(b.role)));
      return actual;
    };
    const office = county.officeId;
    await expectOnly("la.admin@arden.demo", [{ role: "la_admin", organisationId: office }]);
    await expectOnly("finance@arden.demo", [{ role: "la_finance", organisationId: office }]);
    const [commissioner] = await expectOnly("commissioner@arden.demo", [{ role: "commissioner", organisationId: office }]);
    expect(commissioner.subjectAreas).toEqual(["literacy", "numeracy", "leadership_and_management", "teaching_and_learning"]);
    await expectOnly("adviser@arden.demo", [{ role: "challenge_adviser", organisationId: office }]);
    await expectOnly("chair@arden.demo", [
      { role: "headteacher", organisationId: c1.schoolIds[0] },
      { role: "qa_panel_member", organisationId: primaryBoard.id, chair: true },
    ]);
    const [panelOne] = (await membershipsOf("panel.one@arden.demo")).filter((m) => m.role === "headteacher");
    expect(c2.schoolIds).toContain(panelOne.organisationId);
    await expectOnly("panel.one@arden.demo", [
      { role: "headteacher", organisationId: panelOne.organisationId },
      { role: "qa_panel_member", organisationId: primaryBoard.id },
    ]);
    const [panelTwo] = (await membershipsOf("panel.two@arden.demo")).filter((m) => m.role === "headteacher");
    expect(c3.schoolIds).toContain(panelTwo.organisationId);
    await expectOnly("panel.two@arden.demo", [
      { role: "headteacher", organisationId: panelTwo.organisationId },
      { role: "qa_panel_member", organisationId: primaryBoard.id },
    ]);
    expect(c1.name).toBe("Avon Valley Primary Consortium");
    await expectOnly("lead@arden.demo", [
      { role: "consortium_lead", organisationId: c1.id },
      { role: "headteacher", organisationId: c1.schoolIds[1] },
    ]);
    await expectOnly("head@arden.demo", [{ role: "headteacher", organisationId: c1.schoolIds[2] }]);
    expect(school(c1.schoolIds[2]).laMaintained).toBe(true);
    await expectOnly("sbm@arden.demo", [{ role: "school_business_manager", organisationId: c1.schoolIds[2] }]);
    const [academy] = await membershipsOf("head.academy@arden.demo");
    expect(c1.schoolIds).toContain(academy.organisationId);
    const [academyRow] = await db.select().from(schema.schools).where(eq(schema.schools.organisationId, academy.organisationId));
    expect(academyRow.establishmentType).toBe("academy");
    await expectOnly("head.academy@arden.demo", [{ role: "headteacher", organisationId: academy.organisationId }]);
    await expectOnly("provider@arden.demo", [{ role: "provider_admin", organisationId: provider("Arden Education Services") }]);
    await expectOnly("teaching.school@arden.demo", [{ role: "provider_admin", organisationId: provider("Kingsbury Teaching School Alliance") }]);
    await expectOnly("provider.staff@arden.demo", [{ role: "provider_staff", organisationId: provider("Kingsbury Teaching School Alliance") }]);
    const consultant = county.providers.find((p) => p.kind === "consultant")!;
    expect(consultant.verified).toBe(false);
    await expectOnly("consultant@arden.demo", [{ role: "provider_admin", organisationId: consultant.id }]);

    const wales = county.wales;
    await expectOnly("la.admin@glanteifi.demo", [{ role: "la_admin", organisationId: wales.officeId }]);
    const [welshHead] = await membershipsOf("head@glanteifi.demo");
    expect(welshHead.role).toBe("headteacher");
    expect(wales.schools.map((s) => s.id)).toContain(welshHead.organisationId);
    expect((await membershipsOf("panel@glanteifi.demo")).filter((m) => m.role === "qa_panel_member").map((m) => m.organisationId)).toEqual([
      wales.boards[0].id,
    ]);
    await expectOnly("provider@glanteifi.demo", [{ role: "provider_admin", organisationId: wales.providers.find((p) => p.kind === "la_traded_services")!.id }]);

    expect(signIns.map((s) => s.email)).toEqual([
      "la.admin@arden.demo",
      "finance@arden.demo",
      "commissioner@arden.demo",
      "adviser@arden.demo",
      "chair@arden.demo",
      "panel.one@arden.demo",
      "panel.two@arden.demo",
      "lead@arden.demo",
      "head@arden.demo",
      "sbm@arden.demo",
      "head.academy@arden.demo",
      "provider@arden.demo",
      "teaching.school@arden.demo",
      "provider.staff@arden.demo",
      "consultant@arden.demo",
      "la.admin@glanteifi.demo",
      "head@glanteifi.demo",
      "panel@glanteifi.demo",
      "provider@glanteifi.demo",
    ]);
  });

  it("builds Glan Teifi: its office, 3 consortia, about 24 schools, one board and two providers", async () => {
    const wales = county.wales;
    expect(wales.consortia).toHaveLength(3);
    expect(wales.schools.length).toBeGreaterThanOrEqual(20);
    expect(wales.schools.length).toBeLessThanOrEqual(28);
    expect(wales.boards).toHaveLength(1);
    expect(wales.providers).toHaveLength(2);
    const kinds = await db
      .select({ kind: schema.organisations.kind })
      .from(schema.organisations)
      .where(eq(schema.organisations.authorityId, wales.authorityId));
    expect(kinds.filter((k) => k.kind === "authority_office")).toHaveLength(1);
  });

  it("keeps every organisation, membership and link inside exactly one authority", async () => {
    const organisations = await db.select().from(schema.organisations);
    const authorityOf = new Map(organisations.map((o) => [o.id, o.authorityId]));
    const ids = new Set([county.authorityId, county.wales.authorityId]);
    for (const o of organisations) expect(ids.has(o.authorityId)).toBe(true);
    for (const table of [schema.schools, schema.consortia, schema.providers, schema.improvementBoards]) {
      for (const row of await db.select().from(table)) expect(authorityOf.get(row.organisationId)).toBe(row.authorityId);
    }
    for (const m of await db.select().from(schema.memberships)) expect(authorityOf.get(m.organisationId)).toBe(m.authorityId);
    for (const m of await db.select().from(schema.consortiumMemberships)) {
      expect(authorityOf.get(m.consortiumId)).toBe(m.authorityId);
      expect(authorityOf.get(m.schoolId)).toBe(m.authorityId);
    }
    for (const p of await db.select().from(schema.providers)) if (p.schoolId) expect(authorityOf.get(p.schoolId)).toBe(p.authorityId);
    // Nobody in the demo belongs to two authorities.
    const byUser = new Map<string, Set<string>>();
    for (const m of await db.select().from(schema.memberships)) byUser.set(m.userId, (byUser.get(m.userId) ?? new Set()).add(m.authorityId));
    for (const authorities of byUser.values()) expect(authorities.size).toBe(1);
  });

  it("hashes the password once for every demo user, and it verifies", async () => {
    const users = await db.select({ passwordHash: schema.users.passwordHash }).from(schema.users);
    const hashes = new Set(users.map((u) => u.passwordHash));
    expect(hashes.size).toBe(1);
    const [hash] = hashes;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash!, PASSWORD)).toBe(true);
  });

  it("writes one seed audit entry per authority", async () => {
    const rows = await db.select().from(schema.auditLog);
    expect(rows.map((r) => [r.action, r.entityType, r.authorityId]).sort()).toEqual(
      [
        ["seed", "authority", county.authorityId],
        ["seed", "authority", county.wales.authorityId],
      ].sort(),
    );
  });

  it("comes out the same in another database", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.db, { password: PASSWORD, today: TODAY, steps: [] });
      expect(await snapshot(other.db)).toEqual(await snapshot(db));
    } finally {
      await other.close();
    }
  });

  it("names schools and URNs the same whatever the day", () => {
    const names = (day: string) => planAuthority(arden, new Date(day)).county.schools.map((s) => [s.urn, s.name, s.numberOnRoll]);
    expect(names("2026-03-16T09:00:00Z")).toEqual(names("2031-11-02T09:00:00Z"));
  });

  it("leaves the database empty when a later step fails", async () => {
    const other = await createTestDatabase();
    try {
      const failing = seedDemo(other.db, {
        password: PASSWORD,
        today: TODAY,
        steps: [
          async () => {
            throw new Error("a later step failed");
          },
        ],
      });
      await expect(failing).rejects.toThrow("a later step failed");
      expect(await isDatabaseEmpty(other.db)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
