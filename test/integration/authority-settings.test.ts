import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { saveAuthoritySettings } from "~/domain/authority/authority-settings.server";
import { AppError } from "~/domain/errors";
import { navigationFor } from "~/navigation";
import * as settingsRoute from "~/routes/authority.settings";
import { loader as importLoader } from "~/routes/schools.import._index";
import { useTestDatabase } from "../factories/database";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

type Result = Awaited<ReturnType<typeof respond>>;
const statusOf = (r: Result) => r.status;
const dataOf = (r: Result) =>
  r instanceof Response ? null : (r.data as { errors?: Record<string, string[]>; laCode?: string | null; defaultLanguage?: string });

describe("the authority's settings", () => {
  const db = useTestDatabase();
  let authority: Awaited<ReturnType<typeof createAuthority>>;
  let other: Awaited<ReturnType<typeof createAuthority>>;
  let admin: { id: string; cookie: string };
  let otherAdmin: { id: string; cookie: string };
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    authority = await createAuthority(db());
    other = await createAuthority(db(), { laCode: "111" });
    const office = await createOrganisation(db(), authority.id, "authority_office");
    const adminUser = await createMember(db(), office, "la_admin");
    admin = { id: adminUser.id, cookie: await sessionCookieFor(db(), adminUser.id, office.id) };
    const otherOffice = await createOrganisation(db(), other.id, "authority_office");
    const otherUser = await createMember(db(), otherOffice, "la_admin");
    otherAdmin = { id: otherUser.id, cookie: await sessionCookieFor(db(), otherUser.id, otherOffice.id) };
    for (const role of ["la_finance", "commissioner", "challenge_adviser"] as const) {
      const person = await createMember(db(), office, role);
      cookies[role] = await sessionCookieFor(db(), person.id, office.id);
    }
    const { organisation } = await createSchool(db(), authority.id);
    const head = await createMember(db(), organisation, "headteacher");
    cookies.headteacher = await sessionCookieFor(db(), head.id, organisation.id);
  });

  const get = (cookie: string) =>
    respond(() => settingsRoute.loader({ request: request("/authority/settings", { cookie }), params: {}, context: appContext(db()) }));
  const post = (cookie: string, form: Record<string, string>) =>
    respond(() => settingsRoute.action({ request: request("/authority/settings", { cookie, form }), params: {}, context: appContext(db()) }));
  const stored = async (id = authority.id) => {
    const [row] = await db()
      .select({ laCode: schema.authorities.laCode, defaultLanguage: schema.authorities.defaultLanguage })
      .from(schema.authorities)
      .where(eq(schema.authorities.id, id));
    return row;
  };
  const entries = (id = authority.id) =>
    db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.authorityId, id), eq(schema.auditLog.action, "authority.settings_set")));

  it("shows an la_admin the settings, and is in their navigation only", async () => {
    const page = await get(admin.cookie);
    expect(statusOf(page)).toBe(200);
    expect(dataOf(page)).toMatchObject({ laCode: null, defaultLanguage: "en", name: authority.name });
    const grants = (role: "la_admin" | "la_finance") => [{ organisationId: "o", authorityId: authority.id, role }];
    const acting = { organisationId: "o", authorityId: authority.id, organisationKind: "authority_office" } as const;
    const hrefs = (role: "la_admin" | "la_finance") =>
      navigationFor({ id: "u", grants: grants(role), acting } as unknown as Parameters<typeof navigationFor>[0]).map((i) => i.href);
    expect(hrefs("la_admin")).toContain("/authority/settings");
    expect(hrefs("la_finance")).not.toContain("/authority/settings");
    // The school import, which needs the code, leads there while there is none.
    const imports = await respond(() => importLoader({ request: request("/schools/import", { cookie: admin.cookie }), params: {}, context: appContext(db()) }));
    expect(imports).toMatchObject({ status: 200, data: { laCode: null, maySetLaCode: true } });
  });

  it("refuses a code that is not three digits, by the field, and writes nothing", async () => {
    const cases: [string, string][] = [
      ["", "Enter the LA code"],
      ["12", "Enter the LA code as three digits, like 873"],
      ["1234", "Enter the LA code as three digits, like 873"],
      ["87a", "Enter the LA code as three digits, like 873"],
      ["8".repeat(41), "Enter the LA code as three digits, like 873"],
      ["\u0000", "The LA code must not contain hidden control characters. Type it again or paste it as plain text"],
      ["8\u00003", "The LA code must not contain hidden control characters. Type it again or paste it as plain text"],
    ];
    for (const [laCode, message] of cases) {
      const bad = await post(admin.cookie, { laCode, defaultLanguage: "cy" });
      expect(statusOf(bad)).toBe(400);
      expect(dataOf(bad)?.errors).toEqual({ laCode: [message] });
    }
    const noLanguage = await post(admin.cookie, { laCode: "873", defaultLanguage: "fr" });
    expect(statusOf(noLanguage)).toBe(400);
    expect(dataOf(noLanguage)?.errors).toEqual({ defaultLanguage: ["Select the default language"] });
    expect(await stored()).toEqual({ laCode: null, defaultLanguage: "en" });
    expect(await entries()).toHaveLength(0);
  });

  it("saves the code and the language with an audit row, and ends with the banner", async () => {
    const saved = await post(admin.cookie, { laCode: " 873 ", defaultLanguage: "cy" });
    expect(statusOf(saved)).toBe(303);
    expect((saved as Response).headers.get("Location")).toBe("/authority/settings?done=authoritySettingsSaved");
    expect(await stored()).toEqual({ laCode: "873", defaultLanguage: "cy" });
    const [entry] = await entries();
    expect(entry).toMatchObject({
      actorUserId: admin.id,
      entityType: "authority",
      entityId: authority.id,
      before: { laCode: null, defaultLanguage: "en" },
      after: { laCode: "873", defaultLanguage: "cy" },
    });
    const imports = await respond(() => importLoader({ request: request("/schools/import", { cookie: admin.cookie }), params: {}, context: appContext(db()) }));
    expect(imports).toMatchObject({ data: { laCode: "873" } });
    // The same settings again change nothing and add no row.
    expect(statusOf(await post(admin.cookie, { laCode: "873", defaultLanguage: "cy" }))).toBe(303);
    expect(await entries()).toHaveLength(1);
    // The other authority is untouched.
    expect(await stored(other.id)).toEqual({ laCode: "111", defaultLanguage: "en" });
  });

  it("is refused to every other role, and writes nothing", async () => {
    for (const [role, cookie] of Object.entries(cookies)) {
      expect([role, statusOf(await get(cookie))]).toEqual([role, 403]);
      expect([role, statusOf(await post(cookie, { laCode: "999", defaultLanguage: "en" }))]).toEqual([role, 403]);
    }
    expect(await stored()).toEqual({ laCode: "873", defaultLanguage: "cy" });
  });

  it("lets another authority's administrator change only their own", async () => {
    expect(statusOf(await post(otherAdmin.cookie, { laCode: "222", defaultLanguage: "en" }))).toBe(303);
    expect(await stored(other.id)).toEqual({ laCode: "222", defaultLanguage: "en" });
    expect(await stored()).toEqual({ laCode: "873", defaultLanguage: "cy" });
    const otherGrants = { id: otherAdmin.id, grants: [{ organisationId: "x", authorityId: other.id, role: "la_admin" as const }] };
    const refused = await saveAuthoritySettings(db(), { actor: otherGrants, authorityId: authority.id, laCode: "333", defaultLanguage: "en" }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.status).toBe(403);
    const unknown = await saveAuthoritySettings(db(), {
      actor: { id: otherAdmin.id, grants: [{ organisationId: "x", authorityId: "00000000-0000-4000-8000-000000000000", role: "la_admin" }] },
      authorityId: "00000000-0000-4000-8000-000000000000",
      laCode: "333",
      defaultLanguage: "en",
    }).catch((e) => e);
    expect(unknown.status).toBe(404);
    expect(await stored()).toEqual({ laCode: "873", defaultLanguage: "cy" });
  });
});
