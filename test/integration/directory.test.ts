import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema, type Role } from "~/db.server";
import { validateSessionToken } from "~/auth/session.server";
import { t } from "~/i18n";
import { loader as directoryLoader } from "~/routes/directory._index";
import { loader as organisationLoader } from "~/routes/directory.$organisationId._index";
import { action as manageAction, loader as manageLoader } from "~/routes/directory.members.$membershipId";
import { auditRowsOf } from "../factories/audit";
import { useTestDatabase } from "../factories/database";
import { emailsTo } from "../factories/identity";
import { addMembership, createAuthority, createMember, createOrganisation, createSchool, createUser } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

type Page = { status: number; data: Record<string, unknown> };

describe("the authority's directory", () => {
  const db = useTestDatabase();
  let authority: Awaited<ReturnType<typeof createAuthority>>;
  let other: Awaited<ReturnType<typeof createAuthority>>;
  let office: Awaited<ReturnType<typeof createOrganisation>>;
  let school: { id: string; authorityId: string };
  let closedSchool: { id: string };
  let otherSchool: { id: string };
  let admin: { id: string; cookie: string };
  const cookieAs = async (organisation: { id: string; authorityId: string }, role: Role) => {
    const user = await createMember(db(), organisation, role);
    return { id: user.id, cookie: await sessionCookieFor(db(), user.id, organisation.id) };
  };
  const list = (cookie: string, query = "") =>
    respond(() => directoryLoader({ request: request(`/directory${query}`, { cookie }), context: appContext(db()), params: {} }));
  const page = (cookie: string, organisationId: string) =>
    respond(() => organisationLoader({ request: request(`/directory/${organisationId}`, { cookie }), context: appContext(db()), params: { organisationId } }));
  // The organisation is not in the address: a membership names its own.
  const manage = (cookie: string, _organisationId: string, membershipId: string, form?: Record<string, string>) =>
    respond(() =>
      (form ? manageAction : manageLoader)({
        request: request(`/directory/members/${membershipId}`, { cookie, form }),
        context: appContext(db()),
        params: { membershipId },
      }),
    );
  const status = (r: Awaited<ReturnType<typeof respond>>) => r.status;

  beforeAll(async () => {
    authority = await createAuthority(db(), { laCode: "938" });
    other = await createAuthority(db(), { laCode: "937" });
    office = await createOrganisation(db(), authority.id, "authority_office", "Arden County Council");
    admin = await cookieAs(office, "la_admin");
    const created = await createSchool(db(), authority.id, {
      phase: "secondary",
      establishmentType: "academy",
      laMaintained: false,
      numberOnRoll: 1200,
      town: "Alcester",
      postcode: "B49 5AA",
    });
    await db().update(schema.organisations).set({ name: "Alcester Grammar School" }).where(eq(schema.organisations.id, created.organisation.id));
    school = created.organisation;
    closedSchool = (await createSchool(db(), authority.id, { status: "closed", closedOn: "2025-08-31" })).organisation;
    await db()
      .insert(schema.inspections)
      .values([
        {
          schoolId: school.id,
          inspectorate: "ofsted",
          framework: "ofsted_overall_effectiveness",
          judgements: { overall_effectiveness: "Good" },
          inspectedOn: "2019-05-01",
        },
        {
          schoolId: school.id,
          inspectorate: "ofsted",
          framework: "ofsted_report_card_2025",
          judgements: { achievement: "Strong standard", safeguarding: "Met" },
          inspectedOn: "2026-01-20",
        },
      ]);
    await createOrganisation(db(), authority.id, "consortium", "Alcester Consortium");
    otherSchool = (await createSchool(db(), other.id)).organisation;
  });

  it("shows the authority's officers every organisation, searchable and filtered, and nobody else", async () => {
    for (const role of ["la_admin", "la_finance", "commissioner", "challenge_adviser"] as const) {
      const r = (await list((await cookieAs(office, role)).cookie)) as Page;
      expect(r.status, role).toBe(200);
      expect(r.data.total).toBe(4);
    }
    expect(status(await list((await cookieAs(school, "headteacher")).cookie))).toBe(403);

    const names = async (query: string) => ((await list(admin.cookie, query)) as { data: { rows: { name: string }[] } }).data.rows.map((r) => r.name);
    expect(await names("?q=alcester")).toEqual(["Alcester Consortium", "Alcester Grammar School"]);
    expect(await names("?kind=consortium")).toEqual(["Alcester Consortium"]);
    expect(await names("?phase=secondary&type=academy")).toEqual(["Alcester Grammar School"]);
    const closed = ((await list(admin.cookie, "?status=closed")) as { data: { rows: { id: string }[] } }).data.rows.map((r) => r.id);
    expect(closed).toEqual([closedSchool.id]);
    expect(await names("?q=%25")).toEqual([]);
    // Unknown filter values and pages are ignored, never a 500.
    expect(status(await list(admin.cookie, "?kind=nonsense&page=-4&phase=%00"))).toBe(200);
  });

  it("shows a school's details, inspections in their framework's terms and the category slot; another authority's id is not found", async () => {
    const r = (await page(admin.cookie, school.id)) as {
      status: number;
      data: { school: { numberOnRoll: number; inspections: { framework: string; goodOrBetter: boolean | null }[]; category: { current: string | null } } };
    };
    expect(r.status).toBe(200);
    expect(r.data.school.numberOnRoll).toBe(1200);
    expect(r.data.school.inspections.map((i) => [i.framework, i.goodOrBetter])).toEqual([
      ["ofsted_report_card_2025", null],
      ["ofsted_overall_effectiveness", true],
    ]);
    expect(r.data.school.category.current).toBe("2A");
    expect(status(await page(admin.cookie, otherSchool.id))).toBe(404);
    expect(status(await page(admin.cookie, "not-a-uuid"))).toBe(404);
  });

  it("changes a member's role with its audit row and email, never one's own", async () => {
    const person = await createUser(db(), { passwordHash: "x" });
    const membership = await addMembership(db(), {
      userId: person.id,
      organisationId: school.id,
      authorityId: authority.id,
      role: "school_business_manager",
    });
    const done = (await manage(admin.cookie, school.id, membership.id, { intent: "change-role", role: "headteacher" })) as Response;
    expect(done.status).toBe(302);
    const [changed] = await db().select().from(schema.memberships).where(eq(schema.memberships.id, membership.id));
    expect(changed.role).toBe("headteacher");
    const [row] = await auditRowsOf(db(), membership.id, "membership.role_changed");
    expect(row).toMatchObject({ actorUserId: admin.id, before: { role: "school_business_manager" }, after: { role: "headteacher" } });
    const emails = await emailsTo(db(), person.email, "membership-changed");
    expect(emails).toHaveLength(1);
    // The banner after it comes from the audit log.
    const after = (await respond(() =>
      organisationLoader({
        request: request(`/directory/${school.id}?member=${membership.id}`, { cookie: admin.cookie }),
        context: appContext(db()),
        params: { organisationId: school.id },
      }),
    )) as Page;
    expect(after.data.outcome).toEqual({ kind: "changed", name: person.name, role: t("role.headteacher") });

    // A role the school cannot hold, and one's own membership, are refused.
    expect(status(await manage(admin.cookie, school.id, membership.id, { intent: "change-role", role: "la_finance" }))).toBe(400);
    const [own] = await db().select().from(schema.memberships).where(eq(schema.memberships.userId, admin.id));
    expect(status(await manage(admin.cookie, office.id, own.id, { intent: "remove" }))).toBe(403);
    expect(status(await manage(admin.cookie, office.id, own.id))).toBe(403);
    // Only an la_admin manages members.
    const finance = await cookieAs(office, "la_finance");
    expect(status(await manage(finance.cookie, school.id, membership.id, { intent: "remove" }))).toBe(403);
  });

  it("removes a member after confirmation, ending their sessions at once", async () => {
    const person = await createUser(db(), { passwordHash: "x" });
    const membership = await addMembership(db(), { userId: person.id, organisationId: school.id, authorityId: authority.id, role: "headteacher" });
    const cookie = await sessionCookieFor(db(), person.id, school.id);
    const token = cookie.split("=")[1];
    expect(await validateSessionToken(db(), token)).not.toBeNull();

    const confirm = (await respond(() =>
      manageLoader({
        request: request(`/directory/members/${membership.id}?confirm=remove`, { cookie: admin.cookie }),
        context: appContext(db()),
        params: { membershipId: membership.id },
      }),
    )) as Page;
    expect(confirm.data.confirmRemove).toBe(true);
    expect(await db().select().from(schema.memberships).where(eq(schema.memberships.id, membership.id))).toHaveLength(1);

    const done = (await manage(admin.cookie, school.id, membership.id, { intent: "remove" })) as Response;
    expect(done.status).toBe(302);
    expect(await db().select().from(schema.memberships).where(eq(schema.memberships.id, membership.id))).toHaveLength(0);
    expect(await validateSessionToken(db(), token)).toBeNull();
    const [row] = await auditRowsOf(db(), membership.id, "membership.removed");
    expect(row).toMatchObject({ actorUserId: admin.id, authorityId: authority.id, before: { role: "headteacher", userId: person.id } });
    expect(await emailsTo(db(), person.email, "membership-changed")).toHaveLength(1);
    // Removing again finds nothing.
    expect(status(await manage(admin.cookie, school.id, membership.id, { intent: "remove" }))).toBe(404);
  });

  it("never reaches another authority's members", async () => {
    const person = await createUser(db());
    const membership = await addMembership(db(), { userId: person.id, organisationId: otherSchool.id, authorityId: other.id, role: "headteacher" });
    expect(status(await manage(admin.cookie, otherSchool.id, membership.id))).toBe(404);
    expect(status(await manage(admin.cookie, otherSchool.id, membership.id, { intent: "remove" }))).toBe(404);
    expect(await db().select().from(schema.memberships).where(eq(schema.memberships.id, membership.id))).toHaveLength(1);
  });
});
