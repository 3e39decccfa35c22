import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { action as importAction } from "~/routes/authority.categories.import";
import { action as categoryAction, loader as categoryLoader } from "~/routes/schools.$schoolId.category";
import { pageCalls } from "../factories/pages";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, respond, sessionCookieFor, TEST_ORIGIN } from "../setup/context";
import { useTestDatabase } from "../factories/database";

type Result = Awaited<ReturnType<typeof respond>>;
const body = <T>(r: Result) => (r as { data: T }).data;

describe("school categories", () => {
  const db = useTestDatabase();
  let authorityId: string;
  let school: { id: string; urn: string };
  let otherSchool: { id: string; urn: string };
  let welshSchool: { urn: string };
  const cookies: Record<string, string> = {};

  const { post, get } = pageCalls(() => appContext(db()));
  const upload = (cookie: string, csv: string) => {
    const form = new FormData();
    form.set("intent", "preview");
    form.set("file", new File([csv], "categories.csv", { type: "text/csv" }));
    return respond(() =>
      importAction({
        request: new Request(`${TEST_ORIGIN}/authority/categories/import`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: TEST_ORIGIN } }),
        context: appContext(db()),
        params: {},
      }),
    );
  };
  const categoryRows = async () => (await db().select({ n: count() }).from(schema.schoolCategories))[0].n;

  beforeAll(async () => {
    const authority = await createAuthority(db());
    authorityId = authority.id;
    const office = await createOrganisation(db(), authorityId, "authority_office");
    const a = await createSchool(db(), authorityId, { category: "2A" });
    const b = await createSchool(db(), authorityId, { category: "1" });
    school = { id: a.organisation.id, urn: a.school.urn };
    otherSchool = { id: b.organisation.id, urn: b.school.urn };
    const wales = await createAuthority(db(), { nation: "wales" });
    welshSchool = (await createSchool(db(), wales.id, { category: "green" })).school;
    const admin = await createMember(db(), office, "la_admin", { name: "Priya Admin" });
    const adviser = await createMember(db(), office, "challenge_adviser", { name: "David Adviser" });
    const otherAdviser = await createMember(db(), office, "challenge_adviser");
    const head = await createMember(db(), a.organisation, "headteacher");
    await db().insert(schema.schoolAdvisers).values({ schoolId: school.id, authorityId, adviserUserId: adviser.id, assignedBy: admin.id });
    cookies.admin = await sessionCookieFor(db(), admin.id, office.id);
    cookies.adviser = await sessionCookieFor(db(), adviser.id, office.id);
    cookies.otherAdviser = await sessionCookieFor(db(), otherAdviser.id, office.id);
    cookies.head = await sessionCookieFor(db(), head.id, a.organisation.id);
  });

  it("is set by the school's own challenge adviser, kept as history, and refused to anyone else", async () => {
    const path = `/schools/${school.id}/category`;
    const params = { schoolId: school.id };
    expect((await post(categoryAction, path, cookies.otherAdviser, { category: "3A", decidedOn: "2025-10-01" }, params)).status).toBe(403);
    expect((await post(categoryAction, path, cookies.head, { category: "3A", decidedOn: "2025-10-01" }, params)).status).toBe(403);
    const bad = await post(categoryAction, path, cookies.adviser, { category: "amber", decidedOn: "2025-02-30" }, params);
    expect(bad.status).toBe(400);
    const wrongNation = await post(categoryAction, path, cookies.adviser, { category: "amber", decidedOn: "2025-10-01" }, params);
    expect(wrongNation.status).toBe(400);
    // The GOV.UK date input's three fields: a missing month is named next to the date.
    const noMonth = await post(categoryAction, path, cookies.adviser, { category: "3A", decidedOnDay: "1", decidedOnMonth: "", decidedOnYear: "2025" }, params);
    expect(noMonth.status).toBe(400);
    expect(JSON.stringify(body(noMonth))).toContain("must include a month");
    expect(await categoryRows()).toBe(0);

    expect((await post(categoryAction, path, cookies.adviser, { category: "3a", decidedOn: "2024-10-01" }, params)).status).toBe(303);
    expect(
      (await post(categoryAction, path, cookies.adviser, { category: "2B", decidedOnDay: "1", decidedOnMonth: "10", decidedOnYear: "2025" }, params)).status,
    ).toBe(303);
    // A late correction of the earlier year goes into the history without changing today's category.
    expect((await post(categoryAction, path, cookies.admin, { category: "3B", decidedOn: "2025-01-15" }, params)).status).toBe(303);
    const [row] = await db().select({ category: schema.schools.category }).from(schema.schools).where(eq(schema.schools.organisationId, school.id));
    expect(row.category).toBe("2B");
    const page = body<{ history: { academicYear: string; category: string; setBy: string }[]; adviser: { name: string }; canSet: boolean }>(
      await get(categoryLoader, path, cookies.adviser, params),
    );
    expect(page.history.map((h) => [h.academicYear, h.category, h.setBy])).toEqual([
      ["2025/26", "2B", "David Adviser"],
      ["2024/25", "3B", "Priya Admin"],
      ["2024/25", "3A", "David Adviser"],
    ]);
    expect(page.adviser.name).toBe("David Adviser");
    expect(page.canSet).toBe(true);
    expect(body<{ canSet: boolean }>(await get(categoryLoader, path, cookies.otherAdviser, params)).canSet).toBe(false);
    const audits = await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, "school.category_set"));
    expect(audits).toHaveLength(3);
    expect(audits.every((a) => a.organisationId === school.id)).toBe(true);
    // The history is append-only in the database too.
    await expect(db().execute(sql`update school_categories set category = '1'`)).rejects.toThrow();
    await expect(db().execute(sql`delete from school_categories`)).rejects.toThrow();
    // Another authority's school is not found.
    expect((await get(categoryLoader, "/schools/x/category", cookies.admin, { schoolId: "x" })).status).toBe(404);
  });

  it("imports a CSV: a preview writes nothing, one bad row stops it all, a good file is applied in one go", async () => {
    const before = await categoryRows();
    const bad = await upload(
      cookies.admin,
      `URN,Category,Date\n${otherSchool.urn},4,01/11/2025\n${welshSchool.urn},2A,01/11/2025\n${school.urn},purple,01/11/2025\n`,
    );
    const badData = body<{ lineErrors: { line: number; message: string }[] }>(bad);
    expect(badData.lineErrors.map((e) => e.line)).toEqual([3, 4]);
    expect(badData.lineErrors[0].message).toContain(welshSchool.urn);
    expect(await categoryRows()).toBe(before);

    const good = await upload(cookies.admin, `date,urn,category\n01/11/2025,${otherSchool.urn},4\n2025-11-02,${school.urn},3c\n`);
    const preview = body<{ rows: { urn: string; before: string; category: string }[]; lineErrors: unknown[]; csv: string }>(good);
    expect(preview.lineErrors).toEqual([]);
    expect(preview.rows.map((r) => [r.urn, r.before, r.category])).toEqual([
      [otherSchool.urn, "1", "4"],
      [school.urn, "2B", "3C"],
    ]);
    expect(await categoryRows()).toBe(before);
    expect((await upload(cookies.adviser, "URN,category,date\n")).status).toBe(403);

    const applied = (await post(importAction, "/authority/categories/import", cookies.admin, { intent: "apply", csv: preview.csv })) as Response;
    expect(applied.status).toBe(303);
    expect(await categoryRows()).toBe(before + 2);
    const [other] = await db().select({ category: schema.schools.category }).from(schema.schools).where(eq(schema.schools.organisationId, otherSchool.id));
    expect(other.category).toBe("4");
    const empty = await post(importAction, "/authority/categories/import", cookies.admin, { intent: "preview" });
    expect(empty.status).toBe(400);
  });
});
