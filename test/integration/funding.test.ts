import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { tasksFor } from "~/domain/home/tasks.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { remindMouSigners } from "~/domain/mou/remind-mou-signers.server";
import { loadMemberships, type CurrentUser } from "~/auth/user.server";
import { action as mouAction, loader as mouLoader } from "~/routes/consortia.$consortiumId_.mou";
import { loader as csvLoader } from "~/routes/funding.$formulaId_.allocation[.]csv";
import { action as formulaAction, loader as formulaLoader } from "~/routes/funding.$formulaId";
import { action as formulasAction, loader as formulasLoader } from "~/routes/funding._index";
import { addToConsortium, createConsortium } from "../factories/ledger";
import { pageCalls } from "../factories/pages";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, respond, sessionCookieFor } from "../setup/context";
import { useTestDatabase } from "../factories/database";

type Result = Awaited<ReturnType<typeof respond>>;
const body = <T>(r: Result) => (r as { data: T }).data;
const statusOf = (r: Result) => r.status;
const location = (r: Result) => (r as Response).headers.get("Location") ?? "";

type PostingLine = { key: string; kind: "authority" | "match"; consortiumId: string; schoolId: string | null; amountPence: number };
type FormulaData = {
  formula: { id: string; version: number; appliedAt: string | null; parts: { kind: string }[] };
  allocation: {
    authorityPence: number;
    matchPence: number;
    totalPence: number;
    consortia: { consortiumId: string; schools: number; authorityPence: number; matchPence: number; totalPence: number }[];
  };
  lines: PostingLine[] | null;
};

describe("funding formulas and the memorandum of understanding", () => {
  const db = useTestDatabase();
  let authorityId: string;
  let small: { id: string };
  let large: { id: string };
  const smallSchools: string[] = [];
  const largeSchools: string[] = [];
  const cookies: Record<string, string> = {};
  const heads: Record<string, { id: string; email: string }> = {};
  let formulaId = "";

  const { post, get } = pageCalls(() => appContext(db()));
  const entries = async () =>
    db()
      .select({ id: schema.journalEntries.id, key: schema.journalEntries.idempotencyKey })
      .from(schema.journalEntries)
      .where(and(eq(schema.journalEntries.authorityId, authorityId), inArray(schema.journalEntries.causeType, ["funding", "match_funding"])));
  const potBalance = async (consortiumId: string) => {
    const [row] = await db()
      .select({ balance: schema.ledgerAccounts.balancePence })
      .from(schema.ledgerAccounts)
      .where(and(eq(schema.ledgerAccounts.kind, "consortium_pot"), eq(schema.ledgerAccounts.ownerId, consortiumId)));
    return -(row?.balance ?? 0);
  };
  const formula = (id: string, cookie = cookies.admin) => get(formulaLoader, `/funding/${id}`, cookie, { formulaId: id });
  const addPart = (id: string, form: Record<string, string>) =>
    post(formulaAction, `/funding/${id}`, cookies.admin, { intent: "addPart", ...form }, { formulaId: id });
  const partsOf = async (id: string) =>
    (await db().select({ parts: schema.fundingFormulas.parts }).from(schema.fundingFormulas).where(eq(schema.fundingFormulas.id, id)))[0].parts;

  beforeAll(async () => {
    const authority = await createAuthority(db());
    authorityId = authority.id;
    const office = await createOrganisation(db(), authorityId, "authority_office");
    small = await createConsortium(db(), authorityId);
    large = await createConsortium(db(), authorityId, "secondary");
    for (let i = 0; i < 14; i++) {
      const { organisation } = await createSchool(db(), authorityId, {
        numberOnRoll: 100 + i,
        category: i < 2 ? "3A" : "2A",
        costCentre: i % 2 ? "CC1" : null,
      });
      await addToConsortium(db(), { authorityId, consortiumId: small.id, schoolId: organisation.id });
      smallSchools.push(organisation.id);
    }
    for (let i = 0; i < 15; i++) {
      const { organisation } = await createSchool(db(), authorityId, { numberOnRoll: 900, phase: "secondary", category: i === 0 ? "4" : "2B" });
      await addToConsortium(db(), { authorityId, consortiumId: large.id, schoolId: organisation.id });
      largeSchools.push(organisation.id);
    }
    const admin = await createMember(db(), office, "la_admin");
    const finance = await createMember(db(), office, "la_finance");
    const smallHead = await createMember(db(), { id: smallSchools[0], authorityId }, "headteacher", { name: "Rachel Moss" });
    const smallHead2 = await createMember(db(), { id: smallSchools[1], authorityId }, "headteacher");
    const largeHead = await createMember(db(), { id: largeSchools[0], authorityId }, "headteacher");
    heads.small = smallHead;
    heads.small2 = smallHead2;
    heads.large = largeHead;
    const other = await createAuthority(db());
    const otherOffice = await createOrganisation(db(), other.id, "authority_office");
    const otherAdmin = await createMember(db(), otherOffice, "la_admin");
    cookies.admin = await sessionCookieFor(db(), admin.id, office.id);
    cookies.finance = await sessionCookieFor(db(), finance.id, office.id);
    cookies.smallHead = await sessionCookieFor(db(), smallHead.id, smallSchools[0]);
    cookies.smallHead2 = await sessionCookieFor(db(), smallHead2.id, smallSchools[1]);
    cookies.largeHead = await sessionCookieFor(db(), largeHead.id, largeSchools[0]);
    cookies.otherAdmin = await sessionCookieFor(db(), otherAdmin.id, otherOffice.id);
  });

  it("publishes a memorandum that the consortium's heads sign, and a head of another consortium cannot", async () => {
    const path = `/consortia/${small.id}/mou`;
    const params = { consortiumId: small.id };
    const publish = { intent: "publish", financialYear: "2026-27", title: "Small consortium MOU 2026-27", body: "We agree.\n\nWe match fund." };
    expect(statusOf(await post(mouAction, path, cookies.smallHead, publish, params))).toBe(403);
    expect(statusOf(await post(mouAction, path, cookies.admin, { ...publish, title: "" }, params))).toBe(400);
    expect(statusOf(await post(mouAction, path, cookies.admin, { ...publish, body: "a\u0000b" }, params))).toBe(400);
    expect((await db().select({ n: count() }).from(schema.mous))[0].n).toBe(0);
    const published = await post(mouAction, path, cookies.admin, publish, params);
    expect(statusOf(published)).toBe(303);
    expect(location(published)).toContain("done=mouPublished");

    const page = body<{ latest: { id: string; version: number }; signing: { signed: boolean } | null }>(
      await get(mouLoader, `${path}?year=2026-27`, cookies.smallHead, params),
    );
    expect(page.latest.version).toBe(1);
    expect(page.signing?.signed).toBe(false);
    const me = await meOf(heads.small.id);
    expect((await tasksFor(db(), me)).map((task) => task.label)).toContain("Sign the memorandum of understanding for 2026-27");

    const sign = { intent: "sign", mouId: page.latest.id, signerName: "Rachel Moss" };
    expect(statusOf(await post(mouAction, path, cookies.smallHead, { ...sign, signerName: "" }, params))).toBe(400);
    // A head of the large consortium's school is not one of this consortium's heads.
    expect(statusOf(await post(mouAction, path, cookies.largeHead, sign, params))).toBe(403);
    expect(statusOf(await post(mouAction, path, cookies.smallHead, { ...sign, mouId: "not-a-uuid" }, params))).toBe(404);
    expect((await db().select({ n: count() }).from(schema.mouSignatures))[0].n).toBe(0);
    expect(statusOf(await post(mouAction, path, cookies.smallHead, sign, params))).toBe(303);
    expect(statusOf(await post(mouAction, path, cookies.smallHead, sign, params))).toBe(303);
    const signatures = await db().select().from(schema.mouSignatures);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ schoolId: smallSchools[0], signerName: "Rachel Moss", signedBy: heads.small.id });
    expect((await tasksFor(db(), me)).map((task) => task.label)).not.toContain("Sign the memorandum of understanding for 2026-27");

    // Another authority's administrator finds nothing.
    expect(statusOf(await get(mouLoader, path, cookies.otherAdmin, params))).toBe(404);
    // The admin sees who has signed.
    const adminView = body<{ signedCount: number; memberCount: number }>(await get(mouLoader, `${path}?year=2026-27`, cookies.admin, params));
    expect([adminView.signedCount, adminView.memberCount]).toEqual([1, 14]);
  });

  it("asks for a signature on a new version, refusing the version a head saw before", async () => {
    const path = `/consortia/${large.id}/mou`;
    const params = { consortiumId: large.id };
    const publish = { intent: "publish", financialYear: "2026-27", title: "Large consortium MOU", body: "Version one." };
    expect(statusOf(await post(mouAction, path, cookies.admin, publish, params))).toBe(303);
    const first = body<{ latest: { id: string } }>(await get(mouLoader, `${path}?year=2026-27`, cookies.largeHead, params)).latest.id;
    expect(statusOf(await post(mouAction, path, cookies.admin, { ...publish, body: "Version two." }, params))).toBe(303);
    const stale = await post(mouAction, path, cookies.largeHead, { intent: "sign", mouId: first, signerName: "Large Head" }, params);
    expect(statusOf(stale)).toBe(409);
    const second = body<{ latest: { id: string; version: number } }>(await get(mouLoader, `${path}?year=2026-27`, cookies.largeHead, params)).latest;
    expect(second.version).toBe(2);
    expect(statusOf(await post(mouAction, path, cookies.largeHead, { intent: "sign", mouId: second.id, signerName: "Large Head" }, params))).toBe(303);
  });

  it("reminds unsigned heads a month before and at the start of the year, once each", async () => {
    const config = { appUrl: "http://localhost:3000" };
    const reminders = async () =>
      db().select({ to: schema.outbox.recipient, payload: schema.outbox.payload }).from(schema.outbox).where(eq(schema.outbox.topic, "mou-reminder"));
    await remindMouSigners(db(), new Date("2026-02-20T09:00:00Z"), config);
    expect(await reminders()).toHaveLength(0);
    await remindMouSigners(db(), new Date("2026-03-02T09:00:00Z"), config);
    await remindMouSigners(db(), new Date("2026-03-03T09:00:00Z"), config);
    const march = await reminders();
    // Only the second head of the small consortium has not signed (the others' schools have no head to write to).
    expect(march.map((r) => r.to)).toEqual([heads.small2.email]);
    expect(march[0].payload).toMatchObject({ when: "month_before", financialYear: "2026-27" });
    await remindMouSigners(db(), new Date("2026-04-01T09:00:00Z"), config);
    await remindMouSigners(db(), new Date("2026-04-01T10:00:00Z"), config);
    expect((await reminders()).map((r) => (r.payload as { when: string }).when)).toEqual(["month_before", "year_start"]);
  });

  it("previews a Warwickshire formula, and applying it posts exactly the preview, once", async () => {
    expect(statusOf(await get(formulasLoader, "/funding", cookies.smallHead))).toBe(403);
    expect(statusOf(await post(formulasAction, "/funding", cookies.finance, { financialYear: "2026-28" }))).toBe(400);
    const created = await post(formulasAction, "/funding", cookies.finance, { financialYear: "2026-27" });
    expect(statusOf(created)).toBe(303);
    formulaId = /\/funding\/([0-9a-f-]{36})/.exec(location(created))![1];
    expect(statusOf(await post(formulasAction, "/funding", cookies.admin, { financialYear: "2026-27" }))).toBe(409);

    // Bad input is refused with 400 and changes nothing.
    const badInputs: Record<string, string>[] = [
      { kind: "size_band", label: "Chair", fromSchools: "fifteen", belowAmount: "6000", fromAmount: "12000" },
      { kind: "size_band", label: "Chair", fromSchools: "15", belowAmount: "£6,0000", fromAmount: "12000" },
      { kind: "teleport", label: "Chair" },
      { kind: "match", label: "Match\u0000", rate: "5" },
      { kind: "category", label: "Category Z", category: "Z", rate: "20" },
      { kind: "per_pupil", label: "Council", phase: "university", basis: "total", amount: "500000" },
      { kind: "match", label: "x".repeat(5000), rate: "5" },
    ];
    for (const bad of badInputs) {
      expect(statusOf(await addPart(formulaId, bad))).toBe(400);
    }
    expect(await partsOf(formulaId)).toEqual([]);

    expect(
      statusOf(await addPart(formulaId, { kind: "size_band", label: "Consortium chair", fromSchools: "15", belowAmount: "6000", fromAmount: "12,000" })),
    ).toBe(303);
    expect(
      statusOf(await addPart(formulaId, { kind: "size_band", label: "Consortium funding", fromSchools: "15", belowAmount: "24200", fromAmount: "28200" })),
    ).toBe(303);
    expect(statusOf(await addPart(formulaId, { kind: "category", label: "Category 3A", category: "3a", rate: "20" }))).toBe(303);
    expect(statusOf(await addPart(formulaId, { kind: "category", label: "Category 4", category: "4", rate: "50" }))).toBe(303);
    expect(statusOf(await addPart(formulaId, { kind: "match", label: "Match", rate: "5.50" }))).toBe(303);

    const preview = body<FormulaData>(await formula(formulaId));
    const bySmall = preview.allocation.consortia.find((c) => c.consortiumId === small.id)!;
    const byLarge = preview.allocation.consortia.find((c) => c.consortiumId === large.id)!;
    expect(bySmall.schools).toBe(14);
    // 14 schools: the smaller band; two 3A schools of 100 and 101 pupils at £20; one signed school of 100 pupils at £5.50.
    expect(bySmall.authorityPence).toBe(600_000 + 2_420_000 + (100 + 101) * 2_000);
    expect(bySmall.matchPence).toBe(100 * 550);
    expect(byLarge.authorityPence).toBe(1_200_000 + 2_820_000 + 900 * 5_000);
    expect(byLarge.matchPence).toBe(900 * 550);
    expect(preview.lines!.reduce((s, l) => s + l.amountPence, 0)).toBe(preview.allocation.totalPence);
    expect(await entries()).toHaveLength(0);

    const confirm = body<{ confirming: boolean }>(await get(formulaLoader, `/funding/${formulaId}?confirm=apply`, cookies.admin, { formulaId }));
    expect(confirm.confirming).toBe(true);
    const applied = await post(formulaAction, `/funding/${formulaId}`, cookies.admin, { intent: "apply" }, { formulaId });
    expect(location(applied)).toContain("done=formulaApplied");
    const posted = await entries();
    expect(posted.map((e) => e.key).sort()).toEqual(preview.lines!.map((l) => `funding:${formulaId}:${l.key}`).sort());
    expect(await potBalance(small.id)).toBe(bySmall.totalPence);
    expect(await potBalance(large.id)).toBe(byLarge.totalPence);

    expect(statusOf(await post(formulaAction, `/funding/${formulaId}`, cookies.finance, { intent: "apply" }, { formulaId }))).toBe(303);
    expect(await entries()).toHaveLength(posted.length);
    expect(statusOf(await addPart(formulaId, { kind: "match", label: "More", rate: "1" }))).toBe(409);
    expect(await trialBalance(db(), authorityId)).toBe(0);
    expect(await checkLedger(db(), authorityId)).toEqual([]);

    const csv = (await get(csvLoader, `/funding/${formulaId}/allocation.csv`, cookies.finance, { formulaId })) as Response;
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain(`Total,,,,,,Authority,${(preview.allocation.authorityPence / 100).toFixed(2)}`);
    expect(text).toContain("14 schools, under 15: £24,200.00");
  });

  it("posts only the difference when a revised version is applied", async () => {
    const revised = await post(formulaAction, `/funding/${formulaId}`, cookies.admin, { intent: "revise" }, { formulaId });
    expect(statusOf(revised)).toBe(303);
    const revisedId = /\/funding\/([0-9a-f-]{36})/.exec(location(revised))![1];
    expect(revisedId).not.toBe(formulaId);
    // The older version can no longer be revised or changed.
    expect(statusOf(await post(formulaAction, `/funding/${formulaId}`, cookies.admin, { intent: "revise" }, { formulaId }))).toBe(409);
    const before = await entries();
    const smallBefore = await potBalance(small.id);
    const largeBefore = await potBalance(large.id);

    // The chair's amounts go up by £1,000; the rest stays as it was.
    expect(statusOf(await post(formulaAction, `/funding/${revisedId}`, cookies.admin, { intent: "removePart", index: "0" }, { formulaId: revisedId }))).toBe(
      303,
    );
    expect(statusOf(await post(formulaAction, `/funding/${revisedId}`, cookies.admin, { intent: "removePart", index: "99" }, { formulaId: revisedId }))).toBe(
      404,
    );
    expect(
      statusOf(await addPart(revisedId, { kind: "size_band", label: "Consortium chair", fromSchools: "15", belowAmount: "7000", fromAmount: "13000" })),
    ).toBe(303);
    const preview = body<FormulaData>(await formula(revisedId));
    expect(preview.lines!.map((l) => [l.consortiumId, l.amountPence]).sort()).toEqual(
      [
        [small.id, 100_000],
        [large.id, 100_000],
      ].sort(),
    );

    expect(statusOf(await post(formulaAction, `/funding/${revisedId}`, cookies.admin, { intent: "apply" }, { formulaId: revisedId }))).toBe(303);
    const after = await entries();
    expect(after.length).toBe(before.length + 2);
    expect(await potBalance(small.id)).toBe(smallBefore + 100_000);
    expect(await potBalance(large.id)).toBe(largeBefore + 100_000);
    const applied = body<FormulaData>(await formula(revisedId));
    expect(applied.formula.appliedAt).not.toBeNull();
    expect(applied.allocation.totalPence).toBe((await potBalance(small.id)) + (await potBalance(large.id)));
    expect(await trialBalance(db(), authorityId)).toBe(0);
  });

  it("finds nothing for another authority's formula, a malformed id, or someone without the permission", async () => {
    expect(statusOf(await formula(formulaId, cookies.otherAdmin))).toBe(404);
    expect(statusOf(await post(formulaAction, `/funding/${formulaId}`, cookies.otherAdmin, { intent: "apply" }, { formulaId }))).toBe(404);
    expect(statusOf(await get(csvLoader, `/funding/${formulaId}/allocation.csv`, cookies.otherAdmin, { formulaId }))).toBe(404);
    expect(statusOf(await formula("not-a-uuid"))).toBe(404);
    expect(statusOf(await formula("00000000-0000-0000-0000-000000000000"))).toBe(404);
    expect(statusOf(await formula(formulaId, cookies.smallHead))).toBe(403);
    expect(statusOf(await post(formulaAction, `/funding/${formulaId}`, cookies.admin, { intent: "explode" }, { formulaId }))).toBe(400);
    expect(statusOf(await post(formulaAction, `/funding/${formulaId}`, cookies.admin, {}, { formulaId }))).toBe(400);
  });

  async function meOf(userId: string): Promise<CurrentUser> {
    const memberships = await loadMemberships(db(), userId);
    const m = memberships[0];
    return {
      id: userId,
      email: "",
      name: "",
      language: null,
      session: {} as CurrentUser["session"],
      memberships,
      acting: {
        organisationId: m.organisationId,
        organisationName: m.organisationName,
        organisationKind: m.organisationKind,
        authorityId: m.authorityId,
        authorityName: m.authorityName,
      },
      grants: memberships,
      shortlisted: 0,
    };
  }
});
