// What the authority writes in English and Welsh (the memorandum, the readiness review's evidence):
// both saved, each reader given their language where it was written, and told when it was not.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { schema } from "~/db.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { financialYearOf } from "~/domain/funding/rules";
import { READINESS_JUDGEMENTS } from "~/domain/readiness/rules";
import { runInLocale } from "~/i18n/request-locale.server";
import type { Locale } from "~/i18n";
import { action as mouAction, loader as mouLoader } from "~/routes/consortia.$consortiumId_.mou";
import { loader as readinessLoader } from "~/routes/readiness.$consortiumId._index";
import { action as recordAction } from "~/routes/readiness.$consortiumId.new";
import { addToConsortium, createConsortium } from "../factories/ledger";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { createTestDatabase } from "../setup/database";

type Result = Awaited<ReturnType<typeof respond>>;
const body = <T>(r: Result) => (r as { data: T }).data;
type Words<F extends string> = Record<F, string> & { lang: Record<F, Locale>; missing: number; none: boolean };
type MouData = { latest: { title: string; body: string; titleCy: string; bodyCy: string; words: Words<"title" | "body"> } };
type ReadinessData = { snapshots: { judgements: { judgement: string; words: Words<"evidence" | "rationale"> }[] }[] };
type Errors = { errors: Record<string, string[]> };

let handle: DatabaseHandle;
let authorityId: string;
let welshConsortium: { id: string };
let englishConsortium: { id: string };
const cookies: Record<string, string> = {};
const year = financialYearOf(londonToday(new Date()));

const post = (
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  cookie: string,
  form: Record<string, string>,
  params: Record<string, string>,
) => respond(() => action({ request: request(path, { cookie, form }), context: appContext(handle.db), params }));
const get = (locale: Locale, loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, cookie: string, params: Record<string, string>) =>
  respond(() => runInLocale(locale, () => loader({ request: request(path, { cookie }), context: appContext(handle.db), params })));

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  const authority = await createAuthority(db, { nation: "wales", defaultLanguage: "cy" });
  authorityId = authority.id;
  const office = await createOrganisation(db, authorityId, "authority_office");
  welshConsortium = await createConsortium(db, authorityId);
  englishConsortium = await createConsortium(db, authorityId);
  const { organisation: school } = await createSchool(db, authorityId);
  await addToConsortium(db, { authorityId, consortiumId: welshConsortium.id, schoolId: school.id });
  const { organisation: other } = await createSchool(db, authorityId);
  await addToConsortium(db, { authorityId, consortiumId: englishConsortium.id, schoolId: other.id });
  const admin = await createMember(db, office, "la_admin");
  const head = await createMember(db, school, "headteacher");
  const otherHead = await createMember(db, other, "headteacher");
  const lead = await createMember(db, { id: welshConsortium.id, authorityId }, "consortium_lead");
  cookies.admin = await sessionCookieFor(db, admin.id, office.id);
  cookies.head = await sessionCookieFor(db, head.id, school.id);
  cookies.otherHead = await sessionCookieFor(db, otherHead.id, other.id);
  cookies.lead = await sessionCookieFor(db, lead.id, welshConsortium.id);
});
afterAll(async () => {
  await handle?.close();
});

describe("a memorandum in English and Welsh", () => {
  const publish = { intent: "publish", financialYear: year, title: "Memorandum of understanding", body: "First paragraph.\n\nSecond paragraph." };
  const welsh = { titleCy: "Memorandwm cyd-ddealltwriaeth", bodyCy: "Paragraff cyntaf.\n\nAil baragraff." };
  const mouCount = async () => (await handle.db.select({ n: count() }).from(schema.mous))[0].n;

  it("refuses Welsh text that is not text or is too long, by the field, writing nothing", async () => {
    const path = `/consortia/${welshConsortium.id}/mou`;
    const params = { consortiumId: welshConsortium.id };
    const nul = await post(mouAction, path, cookies.admin, { ...publish, ...welsh, bodyCy: "Paragraff\u0000cyntaf." }, params);
    expect(nul.status).toBe(400);
    expect(body<Errors>(nul).errors).toEqual({ bodyCy: [expect.stringContaining("The MOU text in Welsh")] });
    const long = await post(mouAction, path, cookies.admin, { ...publish, ...welsh, titleCy: "t".repeat(201) }, params);
    expect(long.status).toBe(400);
    expect(Object.keys(body<Errors>(long).errors)).toEqual(["titleCy"]);
    const tooLongBody = await post(mouAction, path, cookies.admin, { ...publish, ...welsh, bodyCy: "a".repeat(20_001) }, params);
    expect(tooLongBody.status).toBe(400);
    expect(Object.keys(body<Errors>(tooLongBody).errors)).toEqual(["bodyCy"]);
    expect(await mouCount()).toBe(0);
  });

  it("saves both languages and audits the Welsh, then gives a Welsh reader the Welsh and an English reader the English", async () => {
    const path = `/consortia/${welshConsortium.id}/mou`;
    const params = { consortiumId: welshConsortium.id };
    expect((await post(mouAction, path, cookies.admin, { ...publish, ...welsh }, params)).status).toBe(303);
    const [row] = await handle.db.select().from(schema.mous).where(eq(schema.mous.consortiumId, welshConsortium.id));
    expect(row).toMatchObject({ title: publish.title, body: publish.body, titleCy: welsh.titleCy, bodyCy: welsh.bodyCy });
    const [audit] = await handle.db
      .select({ after: schema.auditLog.after })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, row.id), eq(schema.auditLog.action, "mou.publish")));
    expect(audit.after).toMatchObject({ title: publish.title, titleCy: welsh.titleCy, inWelsh: true });

    const inWelsh = body<MouData>(await get("cy", mouLoader, `${path}?year=${year}`, cookies.head, params)).latest;
    expect(inWelsh.words).toMatchObject({ title: welsh.titleCy, body: welsh.bodyCy, lang: { title: "cy", body: "cy" }, missing: 0, none: false });
    const inEnglish = body<MouData>(await get("en", mouLoader, `${path}?year=${year}`, cookies.head, params)).latest;
    expect(inEnglish.words).toMatchObject({ title: publish.title, body: publish.body, lang: { title: "en", body: "en" }, missing: 0, none: false });
    // The authority's form is filled with both, to publish the next version from.
    expect(inEnglish).toMatchObject({ titleCy: welsh.titleCy, bodyCy: welsh.bodyCy });
  });

  it("gives a Welsh reader the English, marked as English, and says there is no Welsh version when none was given", async () => {
    const path = `/consortia/${englishConsortium.id}/mou`;
    const params = { consortiumId: englishConsortium.id };
    expect((await post(mouAction, path, cookies.admin, publish, params)).status).toBe(303);
    const page = body<MouData>(await get("cy", mouLoader, `${path}?year=${year}`, cookies.otherHead, params)).latest;
    expect(page.words).toMatchObject({ title: publish.title, body: publish.body, lang: { title: "en", body: "en" }, missing: 2, none: true });
    // Only the title in Welsh: the body is the part not in Welsh.
    expect((await post(mouAction, path, cookies.admin, { ...publish, titleCy: welsh.titleCy, bodyCy: "  " }, params)).status).toBe(303);
    const partly = body<MouData>(await get("cy", mouLoader, `${path}?year=${year}`, cookies.otherHead, params)).latest;
    expect(partly.words).toMatchObject({ title: welsh.titleCy, body: publish.body, lang: { title: "cy", body: "en" }, missing: 1, none: false });
  });
});

describe("readiness evidence and rationale in English and Welsh", () => {
  const path = () => `/readiness/${welshConsortium.id}/new`;
  const params = () => ({ consortiumId: welshConsortium.id });
  const form = (overrides: Record<string, string> = {}) => ({
    assessedOnDay: "3",
    assessedOnMonth: "11",
    assessedOnYear: "2025",
    ...Object.fromEntries(
      READINESS_JUDGEMENTS.flatMap((j) => [
        [`rating_${j}`, "amber_green"],
        [`evidence_${j}`, `Evidence for ${j}`],
        [`rationale_${j}`, `Rationale for ${j}`],
      ]),
    ),
    ...overrides,
  });
  const snapshotCount = async () => (await handle.db.select({ n: count() }).from(schema.readinessSnapshots))[0].n;

  it("refuses Welsh evidence or rationale that is not text or is too long, by the field, writing nothing", async () => {
    const nul = await post(recordAction, path(), cookies.admin, form({ evidenceCy_use_of_data: "Tystiolaeth\u0000" }), params());
    expect(nul.status).toBe(400);
    expect(body<Errors>(nul).errors).toEqual({ evidenceCy_use_of_data: [expect.stringContaining("The evidence for Use of data in Welsh")] });
    const long = await post(recordAction, path(), cookies.admin, form({ rationaleCy_use_of_data: "r".repeat(4001) }), params());
    expect(long.status).toBe(400);
    expect(Object.keys(body<Errors>(long).errors)).toEqual(["rationaleCy_use_of_data"]);
    expect(await snapshotCount()).toBe(0);
  });

  it("saves both languages and shows each reader theirs, saying which judgements have no Welsh", async () => {
    const recorded = await post(
      recordAction,
      path(),
      cookies.admin,
      form({ evidenceCy_use_of_data: "Tystiolaeth am ddefnyddio data", rationaleCy_use_of_data: "Rhesymeg y farn" }),
      params(),
    );
    expect(recorded.status).toBe(303);
    const rows = await handle.db
      .select({
        judgement: schema.readinessJudgements.judgement,
        evidenceCy: schema.readinessJudgements.evidenceCy,
        rationaleCy: schema.readinessJudgements.rationaleCy,
      })
      .from(schema.readinessJudgements);
    expect(rows.find((r) => r.judgement === "use_of_data")).toEqual({
      judgement: "use_of_data",
      evidenceCy: "Tystiolaeth am ddefnyddio data",
      rationaleCy: "Rhesymeg y farn",
    });
    expect(rows.filter((r) => r.evidenceCy === "" && r.rationaleCy === "")).toHaveLength(READINESS_JUDGEMENTS.length - 1);
    const [audit] = await handle.db.select({ after: schema.auditLog.after }).from(schema.auditLog).where(eq(schema.auditLog.action, "readiness.recorded"));
    expect(audit.after).toMatchObject({ inWelsh: ["use_of_data"] });

    /** A judgement's words as shown when both are in one language. */
    const wholeIn = (lang: Locale, evidence: string, rationale: string) => ({
      evidence,
      rationale,
      lang: { evidence: lang, rationale: lang },
      missing: 0,
      none: false,
    });
    const wordsByJudgement = async (locale: Locale) => {
      const answer = await get(locale, readinessLoader, `/readiness/${welshConsortium.id}`, cookies.lead, params());
      return Object.fromEntries(body<ReadinessData>(answer).snapshots[0].judgements.map((j) => [j.judgement, j.words]));
    };
    expect(await wordsByJudgement("cy")).toMatchObject({
      use_of_data: wholeIn("cy", "Tystiolaeth am ddefnyddio data", "Rhesymeg y farn"),
      clarity_of_vision: { evidence: "Evidence for clarity_of_vision", lang: { evidence: "en", rationale: "en" }, missing: 2, none: true },
    });
    expect(await wordsByJudgement("en")).toMatchObject({
      use_of_data: wholeIn("en", "Evidence for use_of_data", "Rationale for use_of_data"),
    });
  });
});
