import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { applyGiasImport } from "~/domain/schools/apply-gias-import.server";
import { action as uploadAction } from "~/routes/schools.import._index";
import { action as applyAction, loader as previewLoader } from "~/routes/schools.import.$importId";
import { useTestDatabase } from "../factories/database";
import { actorFor } from "../factories/quality";
import { giasCsv, giasSchool, windows1252 } from "../factories/gias";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor, TEST_ORIGIN } from "../setup/context";

describe("applying a GIAS file in batches", () => {
  const db = useTestDatabase();
  let authority: Awaited<ReturnType<typeof createAuthority>>;
  let adminId: string;
  let admin: string;
  const SCHOOLS = 25;
  const urn = (n: number) => String(800000 + n + (process.pid % 1000) * 100);

  beforeAll(async () => {
    authority = await createAuthority(db(), { laCode: "936" });
    const office = await createOrganisation(db(), authority.id, "authority_office");
    adminId = (await createMember(db(), office, "la_admin")).id;
    admin = await sessionCookieFor(db(), adminId, office.id);
    // One school held already that the file changes.
    await createSchool(db(), authority.id, {
      urn: urn(0),
      phase: "primary",
      typeName: "Community school",
      numberOnRoll: 100,
      postcode: "CV1 1AA",
      town: "Coventry",
    });
  });

  const uploadFile = async () => {
    const rows = Array.from({ length: SCHOOLS }, (_, i) =>
      giasSchool({
        URN: urn(i),
        "LA (code)": "936",
        EstablishmentName: `Batch School ${i}`,
        NumberOfPupils: String(200 + i),
        Postcode: "CV1 1AA",
        Town: "Coventry",
        "TypeOfEstablishment (name)": "Community school",
      }),
    );
    const form = new FormData();
    form.append("file", new File([windows1252(giasCsv(rows)) as BlobPart], "edubasealldata.csv", { type: "text/csv" }));
    const req = new Request(new URL("/schools/import", TEST_ORIGIN), { method: "POST", body: form, headers: { Cookie: admin, Origin: TEST_ORIGIN } });
    const r = (await respond(() => uploadAction({ request: req, context: appContext(db()), params: {} }))) as Response;
    return new URL(r.headers.get("Location")!, "http://localhost").pathname.split("/").pop()!;
  };
  const urns = Array.from({ length: SCHOOLS }, (_, i) => urn(i));
  const state = async () => {
    const schools = await db()
      .select({ id: schema.schools.organisationId, urn: schema.schools.urn })
      .from(schema.schools)
      .where(inArray(schema.schools.urn, urns));
    const audits = await db()
      .select({ action: schema.auditLog.action, entityId: schema.auditLog.entityId })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.authorityId, authority.id));
    return { schools, audits: audits.filter((a) => a.action !== "school_import.uploaded") };
  };

  it("applies a file bigger than one batch in several steps, each school and audit row once, and re-applying changes nothing", async () => {
    const importId = await uploadFile();
    const actor = await actorFor(db(), adminId, authority.id);
    const step = () => applyGiasImport(db(), { actor, authorityId: authority.id, importId, batchSize: 10 });

    const first = await step();
    expect(first).toMatchObject({ outcome: "progress", done: 10, total: SCHOOLS, added: 9, changed: 1 });

    // Mid-way the page says how far it has got and offers to continue.
    const page = (await respond(() =>
      previewLoader({ request: request(`/schools/import/${importId}`, { cookie: admin }), context: appContext(db()), params: { importId } }),
    )) as { data: { progress: { done: string; total: string; startedByName: string } | null; file: { appliedAt: string | null } } };
    expect(page.data.progress).toMatchObject({ done: "10", total: "25" });
    expect(page.data.file.appliedAt).toBeNull();

    // Two people pressing at once take turns: each batch is applied once.
    const [a, b] = await Promise.all([step(), step()]);
    expect([a.done, b.done].sort((x, y) => x - y)).toEqual([20, 25]);
    expect([a.outcome, b.outcome].sort()).toEqual(["applied", "progress"]);

    const applied = await state();
    expect(applied.schools).toHaveLength(SCHOOLS);
    expect(new Set(applied.schools.map((s) => s.urn)).size).toBe(SCHOOLS);
    const perSchool = applied.audits.filter((x) => x.action === "school.added" || x.action === "school.changed");
    expect(perSchool).toHaveLength(SCHOOLS);
    expect(new Set(perSchool.map((x) => x.entityId)).size).toBe(SCHOOLS);
    const summary = applied.audits.filter((x) => x.action === "school_import.applied");
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ entityId: importId });
    const [row] = await db().select().from(schema.schoolImports).where(eq(schema.schoolImports.id, importId));
    expect(row).toMatchObject({
      applyDone: SCHOOLS,
      applyTotal: SCHOOLS,
      applyStartedBy: adminId,
      appliedBy: adminId,
      result: { added: 24, changed: 1, closed: 0, inspections: 0 },
    });
    expect(row.appliedAt).not.toBeNull();

    // Re-applying the finished import, by the route, changes nothing and says so.
    const again = (await respond(() =>
      applyAction({ request: request(`/schools/import/${importId}`, { cookie: admin, form: {} }), context: appContext(db()), params: { importId } }),
    )) as Response;
    expect(again.status).toBe(303);
    expect(again.headers.get("Location")).toBe(`/schools/import/${importId}?outcome=nothing`);
    expect(await step()).toMatchObject({ outcome: "nothing", added: 0, changed: 0 });
    expect(await state()).toEqual(applied);
  });

  it("applies by the route in one request while the batches are quick, redirecting with 303", async () => {
    const importId = await uploadFile();
    const before = await state();
    const r = (await respond(() =>
      applyAction({ request: request(`/schools/import/${importId}`, { cookie: admin, form: {} }), context: appContext(db()), params: { importId } }),
    )) as Response;
    expect(r.status).toBe(303);
    // The same file again: every school already matches.
    expect(r.headers.get("Location")).toBe(`/schools/import/${importId}?outcome=nothing`);
    expect(await state()).toEqual(before);
  });
});
