import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { auditLogRows } from "~/domain/audit-log/search-audit-log.server";
import { action as uploadAction } from "~/routes/schools.import._index";
import { action as applyAction, loader as previewLoader } from "~/routes/schools.import.$importId";
import { action as settingAction } from "~/routes/schools.new";
import { useTestDatabase } from "../factories/database";
import { giasCsv, giasSchool, windows1252, GIAS_COLUMNS } from "../factories/gias";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor, TEST_ORIGIN } from "../setup/context";
import { schoolRows } from "../setup/school-rows";

type Preview = {
  counts: Record<string, number>;
  added: { urn: string; name: string }[];
  changed: { urn: string; name: string; fields: { field: string; before: unknown; after: unknown }[] }[];
  closed: { urn: string }[];
};

describe("importing schools from a GIAS file", () => {
  const db = useTestDatabase();
  let authority: Awaited<ReturnType<typeof createAuthority>>;
  let other: Awaited<ReturnType<typeof createAuthority>>;
  let admin: string;
  let head: string;
  let otherAdmin: string;
  const urn = (n: number) => String(700000 + n + (process.pid % 1000) * 100);

  const upload = (cookie: string, bytes: Uint8Array | string, name = "edubasealldata20260301.csv") => {
    const form = new FormData();
    form.append("file", new File([bytes as BlobPart], name, { type: "text/csv" }));
    const req = new Request(new URL("/schools/import", TEST_ORIGIN), { method: "POST", body: form, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
    return respond(() => uploadAction({ request: req, context: appContext(db()), params: {} }));
  };
  const importIdOf = (r: Awaited<ReturnType<typeof upload>>) => {
    expect(r).toBeInstanceOf(Response);
    const location = (r as Response).headers.get("Location")!;
    expect(location).toMatch(/^\/schools\/import\/[0-9a-f-]{36}\?done=importUploaded$/);
    return location.split("?")[0].split("/").pop()!;
  };
  const preview = async (importId: string, cookie = admin) => {
    const r = await respond(() =>
      previewLoader({ request: request(`/schools/import/${importId}`, { cookie }), context: appContext(db()), params: { importId } }),
    );
    return r;
  };
  const apply = (importId: string, cookie = admin) =>
    respond(() => applyAction({ request: request(`/schools/import/${importId}`, { cookie, form: {} }), context: appContext(db()), params: { importId } }));
  const errorsOf = (r: Awaited<ReturnType<typeof upload>>) => {
    expect(r).not.toBeInstanceOf(Response);
    return r as { status: number; data: { errors: Record<string, string[]> } };
  };
  const counts = async () => {
    const [schools, audits, imports] = await Promise.all([
      db().select().from(schema.schools).where(eq(schema.schools.authorityId, authority.id)),
      db().select().from(schema.auditLog).where(eq(schema.auditLog.authorityId, authority.id)),
      db().select().from(schema.schoolImports).where(eq(schema.schoolImports.authorityId, authority.id)),
    ]);
    return { schools: schools.length, audits: audits.length, imports: imports.length };
  };

  beforeAll(async () => {
    authority = await createAuthority(db(), { laCode: "938" });
    other = await createAuthority(db(), { laCode: "937" });
    const office = await createOrganisation(db(), authority.id, "authority_office");
    const adminUser = await createMember(db(), office, "la_admin");
    admin = await sessionCookieFor(db(), adminUser.id, office.id);
    const { organisation: school } = await createSchool(db(), authority.id, { urn: urn(9) });
    head = await sessionCookieFor(db(), (await createMember(db(), school, "headteacher")).id, school.id);
    const otherOffice = await createOrganisation(db(), other.id, "authority_office");
    otherAdmin = await sessionCookieFor(db(), (await createMember(db(), otherOffice, "la_admin")).id, otherOffice.id);

    // What the authority holds before the file: one school that will change, one that will close, one the same.
    await createSchool(db(), authority.id, {
      urn: urn(1),
      phase: "primary",
      typeName: "Community school",
      numberOnRoll: 198,
      postcode: "B49 5AA",
      town: "Alcester",
    });
    await createSchool(db(), authority.id, {
      urn: urn(2),
      phase: "primary",
      typeName: "Community school",
      numberOnRoll: 88,
      postcode: "B49 6BB",
      town: "Alcester",
    });
    const { organisation: same } = await createSchool(db(), authority.id, {
      urn: urn(3),
      phase: "secondary",
      typeName: "Academy converter",
      establishmentType: "academy",
      laMaintained: false,
      numberOnRoll: 1104,
      postcode: "CV37 6AA",
      town: "Stratford-upon-Avon",
    });
    await db().update(schema.organisations).set({ name: "Stratford High School" }).where(eq(schema.organisations.id, same.id));
    await createSchool(db(), other.id, { urn: urn(5) });
  });

  const file = () => {
    const [first] = GIAS_COLUMNS;
    // Columns in another order, with one GIAS does not need; Windows-1252 (£, the curly apostrophe).
    const columns = [
      "EstablishmentName",
      "Postcode",
      "SchoolCapacity",
      ...GIAS_COLUMNS.filter((c) => c !== "EstablishmentName" && c !== "Postcode" && c !== first),
      first,
    ];
    const rows = [
      giasSchool({
        URN: urn(1),
        "LA (code)": "938",
        EstablishmentName: "St Mary’s CofE Primary School",
        NumberOfPupils: "205",
        Postcode: "B49 5AA",
        Town: "Alcester",
        "TypeOfEstablishment (name)": "Voluntary aided school",
      }),
      giasSchool({
        URN: urn(2),
        "LA (code)": "938",
        EstablishmentName: "placeholder",
        "EstablishmentStatus (name)": "Closed",
        CloseDate: "31-08-2025",
        NumberOfPupils: "88",
        Postcode: "B49 6BB",
      }),
      giasSchool({
        URN: urn(3),
        "LA (code)": "938",
        EstablishmentName: "Stratford High School",
        "PhaseOfEducation (name)": "Secondary",
        "TypeOfEstablishment (name)": "Academy converter",
        "EstablishmentTypeGroup (name)": "Academies",
        NumberOfPupils: "1104",
        Postcode: "CV37 6AA",
        Town: "Stratford-upon-Avon",
      }),
      giasSchool({
        URN: urn(4),
        "LA (code)": "938",
        EstablishmentName: "The £1 Café Nursery School",
        "PhaseOfEducation (name)": "Nursery",
        "TypeOfEstablishment (name)": "LA nursery school",
        NumberOfPupils: "64",
        Postcode: "cv35 9aa",
        Town: "Wellesbourne",
        OfstedLastInsp: "05-11-2014",
        "OfstedRating (name)": "Good",
      }),
      giasSchool({
        URN: urn(6),
        "LA (code)": "938",
        EstablishmentName: "Long Closed Infant School",
        "EstablishmentStatus (name)": "Closed",
        CloseDate: "31-08-2009",
      }),
      giasSchool({ URN: urn(7), "LA (code)": "937", EstablishmentName: "Someone Else's School" }),
      giasSchool({ URN: urn(5), "LA (code)": "938", EstablishmentName: "Held by the other authority" }),
    ];
    return { columns, rows };
  };
  /** The file, its closed school's row keeping the name stored for it so that only its status changes. */
  const fileKeepingClosedName = async () => {
    const { columns, rows } = file();
    const [closedRow] = await db()
      .select({ name: schema.organisations.name })
      .from(schema.organisations)
      .innerJoin(schema.schools, eq(schema.schools.organisationId, schema.organisations.id))
      .where(eq(schema.schools.urn, urn(2)));
    rows[1].EstablishmentName = closedRow.name;
    return { columns, rows };
  };

  it("previews new, changed and closed schools of the authority's LA, field by field", async () => {
    const { columns, rows } = await fileKeepingClosedName();
    const importId = importIdOf(await upload(admin, windows1252(giasCsv(rows, columns))));
    const r = (await preview(importId)) as { status: number; data: Preview };
    expect(r.status).toBe(200);
    expect(r.data.counts).toMatchObject({ added: 1, changed: 1, closed: 1, unchanged: 1, closedNotHeld: 1, heldElsewhere: 1 });
    expect(r.data.added).toEqual([expect.objectContaining({ urn: urn(4), name: "The £1 Café Nursery School" })]);
    const [changed] = r.data.changed;
    expect(changed.urn).toBe(urn(1));
    expect(changed.fields).toEqual(
      expect.arrayContaining([
        { field: "name", before: expect.any(String), after: "St Mary’s CofE Primary School" },
        { field: "typeName", before: "Community school", after: "Voluntary aided school" },
        { field: "numberOnRoll", before: 198, after: 205 },
      ]),
    );
    expect(changed.fields.map((f) => f.field)).not.toContain("postcode");
    expect(r.data.closed.map((c) => c.urn)).toEqual([urn(2)]);
  });

  it("applies once, records who did it, and changes nothing when applied again", async () => {
    const { columns, rows } = await fileKeepingClosedName();
    const bytes = windows1252(giasCsv(rows, columns));
    const importId = importIdOf(await upload(admin, bytes));
    const applied = (await apply(importId)) as Response;
    expect(applied.status).toBe(303);
    expect(applied.headers.get("Location")).toBe(`/schools/import/${importId}?outcome=applied`);

    const stored = await schoolRows(db(), authority.id);
    const byUrn = new Map(stored.map((s) => [s.urn, s]));
    expect(byUrn.get(urn(1))).toMatchObject({ name: "St Mary’s CofE Primary School", roll: 205, status: "open" });
    expect(byUrn.get(urn(2))).toMatchObject({ status: "closed", closedOn: "2025-08-31" });
    expect(byUrn.get(urn(4))).toMatchObject({ name: "The £1 Café Nursery School", phase: "nursery", type: "nursery", roll: 64, postcode: "CV35 9AA" });
    expect(byUrn.has(urn(6))).toBe(false);
    expect(byUrn.has(urn(7))).toBe(false);
    // The other authority's school keeps its own authority.
    const [elsewhere] = await db()
      .select()
      .from(schema.schools)
      .where(eq(schema.schools.urn, urn(5)));
    expect(elsewhere.authorityId).toBe(other.id);

    // The Ofsted inspection GIAS carries, under the framework of its day.
    const [inspection] = await db()
      .select()
      .from(schema.inspections)
      .innerJoin(schema.schools, eq(schema.schools.organisationId, schema.inspections.schoolId))
      .where(eq(schema.schools.urn, urn(4)));
    expect(inspection.inspections).toMatchObject({
      inspectorate: "ofsted",
      framework: "ofsted_overall_effectiveness",
      judgements: { overall_effectiveness: "Good" },
      inspectedOn: "2014-11-05",
    });

    const audits = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.authorityId, authority.id)));
    const summary = audits.filter((a) => a.action === "school_import.applied");
    expect(summary).toHaveLength(1);
    expect(summary[0].after).toMatchObject({ added: 1, changed: 1, closed: 1, inspections: 1 });
    expect(
      audits
        .filter((a) => ["school.added", "school.changed", "school.closed"].includes(a.action))
        .map((a) => a.action)
        .sort(),
    ).toEqual(["school.added", "school.changed", "school.closed"]);
    expect(new Set(summary.map((a) => a.actorUserId)).size).toBe(1);
    // Each school's row names the school as its organisation, so the log filtered by the school finds it.
    const idOf = async (n: number) =>
      (
        await db()
          .select({ id: schema.schools.organisationId })
          .from(schema.schools)
          .where(eq(schema.schools.urn, urn(n)))
      )[0].id;
    const bySchool = Object.fromEntries(
      audits.filter((a) => a.action.startsWith("school.")).map((a) => [a.action, { entityId: a.entityId, organisationId: a.organisationId }]),
    );
    expect(bySchool["school.added"]).toEqual({ entityId: await idOf(4), organisationId: await idOf(4) });
    expect(bySchool["school.changed"]).toEqual({ entityId: await idOf(1), organisationId: await idOf(1) });
    expect(bySchool["school.closed"]).toEqual({ entityId: await idOf(2), organisationId: await idOf(2) });
    const filtered = await auditLogRows(db(), { authorityId: authority.id, filter: { organisationId: await idOf(2) } });
    expect(filtered.entries.map((e) => e.action)).toContain("school.closed");

    // Applying the same import again, and uploading the same file again, change nothing and say so.
    const before = await counts();
    const again = (await apply(importId)) as Response;
    expect(again.headers.get("Location")).toBe(`/schools/import/${importId}?outcome=nothing`);
    const secondId = importIdOf(await upload(admin, bytes));
    const second = (await preview(secondId)) as { data: Preview };
    expect(second.data.counts).toMatchObject({ added: 0, changed: 0, closed: 0, unchanged: 4 });
    expect(((await apply(secondId)) as Response).headers.get("Location")).toBe(`/schools/import/${secondId}?outcome=nothing`);
    const after = await counts();
    expect(after.schools).toBe(before.schools);
    // Only the second upload's own row was written.
    expect(after.audits).toBe(before.audits + 1);
  });

  it("reads a UTF-8 file saved from a spreadsheet too (with its byte order mark)", async () => {
    const text = "\uFEFF" + giasCsv([giasSchool({ URN: urn(8), "LA (code)": "938", EstablishmentName: "Ysgol Gymraeg Dewi Sant" })]);
    const importId = importIdOf(await upload(admin, new TextEncoder().encode(text)));
    const r = (await preview(importId)) as { data: Preview };
    expect(r.data.added.map((a) => a.name)).toEqual(["Ysgol Gymraeg Dewi Sant"]);
  });

  it("refuses bad files by the file field and changes nothing", async () => {
    const before = await counts();
    const cases: [Uint8Array | string, RegExp, number][] = [
      [new Uint8Array(0), /empty/, 400],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not a CSV text file/, 400],
      [new Uint8Array([0xff, 0xfe, 0x55, 0x00]), /not a CSV text file/, 400],
      [giasCsv([{ Name: "x" }], ["Name", "LA (code)", "EstablishmentName"]), /no URN column/, 400],
      [giasCsv([]), /lists no establishments/, 400],
      [giasCsv([giasSchool({ URN: "123456", "LA (code)": "201", EstablishmentName: "City School" })]), /none of LA 938/, 400],
      ['"URN","LA (code)","EstablishmentName"\r\n"1"2,"938","x\r\n', /could not be read as CSV/, 400],
    ];
    for (const [bytes, message, status] of cases) {
      const r = errorsOf(await upload(admin, bytes));
      expect(r.status, String(message)).toBe(status);
      expect(r.data.errors.file?.[0]).toMatch(message);
    }
    // No file chosen at all.
    const form = new FormData();
    form.append("other", "x");
    const none = errorsOf(
      await respond(() =>
        uploadAction({
          request: new Request(new URL("/schools/import", TEST_ORIGIN), { method: "POST", body: form, headers: { Cookie: admin, Origin: TEST_ORIGIN } }),
          context: appContext(db()),
          params: {},
        }),
      ),
    );
    expect(none.data.errors.file?.[0]).toMatch(/Choose the establishment file/);
    expect(await counts()).toEqual(before);
  });

  it("answers a 60 MB upload with 413 and a message, reading none of it", async () => {
    const before = await counts();
    const big = new Uint8Array(60 * 1024 * 1024).fill(0x41);
    const r = errorsOf(await upload(admin, big));
    expect(r.status).toBe(413);
    expect(r.data.errors.file?.[0]).toMatch(/smaller than 50 MB/);
    // Without a Content-Length (a streamed body), the upload handler stops it at the limit.
    const form = new FormData();
    form.append("file", new File([big as BlobPart], "big.csv", { type: "text/csv" }));
    const body = new Request("http://x", { method: "POST", body: form });
    const streamed = new Request(new URL("/schools/import", TEST_ORIGIN), {
      method: "POST",
      body: body.body,
      headers: { Cookie: admin, Origin: TEST_ORIGIN, "Content-Type": body.headers.get("Content-Type")! },
      duplex: "half",
    } as RequestInit);
    const r2 = errorsOf(await respond(() => uploadAction({ request: streamed, context: appContext(db()), params: {} })));
    expect(r2.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("lets only an la_admin import, and never another authority's import", async () => {
    const importId = importIdOf(await upload(admin, windows1252(giasCsv([giasSchool({ URN: urn(8), "LA (code)": "938", EstablishmentName: "A" })]))));
    expect(((await upload(head, "x")) as Response).status).toBe(403);
    expect(((await preview(importId, head)) as Response).status).toBe(403);
    expect(((await preview(importId, otherAdmin)) as Response).status).toBe(404);
    expect(((await apply(importId, otherAdmin)) as Response).status).toBe(404);
    expect(((await preview("not-an-id")) as Response).status).toBe(404);
  });

  it("adds an early years setting by hand, refusing a reference already held", async () => {
    const add = (form: Record<string, string>) =>
      respond(() => settingAction({ request: request("/schools/new", { cookie: admin, form }), context: appContext(db()), params: {} }));
    const ok = (await add({
      kind: "early_years",
      name: "Little Acorns Pre-school",
      reference: `ey${urn(0)}`,
      numberOnRoll: "38",
      postcode: "cv37 1aa",
    })) as Response;
    expect(ok.status).toBe(302);
    const [setting] = await db()
      .select()
      .from(schema.schools)
      .where(eq(schema.schools.urn, `EY${urn(0)}`));
    expect(setting).toMatchObject({
      phase: "early_years",
      establishmentType: "early_years_setting",
      laMaintained: false,
      numberOnRoll: 38,
      postcode: "CV37 1AA",
      authorityId: authority.id,
    });
    const taken = (await add({ kind: "post_16", name: "Again", reference: `EY${urn(0)}`, numberOnRoll: "38" })) as {
      status: number;
      data: { errors: Record<string, string[]> };
    };
    expect(taken.status).toBe(409);
    expect(taken.data.errors.reference?.[0]).toMatch(/already recorded/);
    const bad = (await add({ kind: "school", name: "", reference: "x", numberOnRoll: "-1" })) as { status: number; data: { errors: Record<string, string[]> } };
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.errors).sort()).toEqual(["kind", "name", "numberOnRoll", "reference"]);
  });
});
