import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { applyFormula } from "~/domain/funding/apply-formula.server";
import { createFormula } from "~/domain/funding/create-formula.server";
import { publishMou } from "~/domain/mou/publish-mou.server";
import { potBriefing } from "~/domain/reporting/pot-briefing.server";
import { sendPotBriefings } from "~/domain/reporting/send-pot-briefings.server";
import { financialYearOf } from "~/domain/reporting/rules";
import { formatMonth, londonIsoDate } from "~/format";
import { runInLocale } from "~/i18n/request-locale.server";
import { loader } from "~/routes/pot-briefing";
import { useTestDatabase } from "../factories/database";
import { createMember } from "../factories/tenancy";
import { createPurchasingWorld, type PurchasingWorld, schoolBuys } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

describe("a consortium's monthly budget briefing", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  let other: PurchasingWorld;
  const thisMonth = londonIsoDate(new Date()).slice(0, 7);
  let matchPence = 0;

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 3, providerKind: "la_traded_services" });
    other = await createPurchasingWorld(db(), { schools: 1 });
    await db().update(schema.consortia).set({ leadUserId: world.lead.id }).where(eq(schema.consortia.organisationId, world.consortium.id));
    const order = async (i: number, paymentRoute: "internal_recharge" | "consortium_pot") => {
      const m = world.members[i];
      await schoolBuys(db(), world, m, { paymentRoute, idempotencyKey: `briefing:${i}` });
    };
    await order(0, "internal_recharge");
    await order(1, "consortium_pot");

    // The schools that signed the year's memorandum pay match funding into the pot when the formula is applied.
    const authorityId = world.authority.id;
    const adminUser = await createMember(db(), world.office, "la_admin");
    const admin = { id: adminUser.id, grants: [{ organisationId: world.office.id, authorityId, role: "la_admin" as const }] };
    const year = financialYearOf(londonIsoDate(new Date()));
    const mou = await publishMou(db(), {
      actor: admin,
      authorityId,
      consortiumId: world.consortium.id,
      financialYear: year,
      title: "MOU",
      body: "We match fund.",
    });
    await db()
      .insert(schema.mouSignatures)
      .values(
        [world.members[0], world.members[2]].map((m) => ({
          authorityId,
          mouId: mou.id,
          schoolId: m.school.id,
          signedBy: adminUser.id,
          signerName: "Head",
          signedOn: londonIsoDate(new Date()),
        })),
      );
    const formula = await createFormula(db(), { actor: admin, authorityId, financialYear: year, parts: [{ kind: "match", label: "Match", ratePence: 250 }] });
    const applied = await applyFormula(db(), { actor: admin, authorityId, formulaId: formula.id });
    matchPence = applied.lines.filter((l) => l.kind === "match").reduce((s, l) => s + l.amountPence, 0);
  });

  it("closes the month at the pot's ledger balance, with what waits for approval as committed", async () => {
    const briefing = await potBriefing(db(), { authorityId: world.authority.id, consortiumId: world.consortium.id, month: thisMonth });
    const [pot] = await db()
      .select()
      .from(schema.ledgerAccounts)
      .where(and(eq(schema.ledgerAccounts.kind, "consortium_pot"), eq(schema.ledgerAccounts.ownerId, world.consortium.id)));
    expect(matchPence).toBeGreaterThan(0);
    // To the penny, with the schools' match funding counted as it came in.
    expect(briefing.closingPence).toBe(-pot.balancePence);
    expect(briefing.openingPence).toBe(0);
    expect(briefing.authorityFundingPence).toBe(2_420_000);
    expect(briefing.matchFundingPence).toBe(matchPence);
    expect(briefing.fundingInPence).toBe(2_420_000 + matchPence);
    expect(briefing.sharedBackPence).toBeGreaterThan(0);
    expect(briefing.committedPence).toBe(90_000);
    expect(briefing.bySubject.reduce((s, l) => s + l.sharedBackPence, 0)).toBe(briefing.sharedBackPence);
    // Nothing moves after this month: the next one opens and closes where this one closed.
    const [y, m] = thisMonth.split("-").map(Number);
    const following = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    const next = await potBriefing(db(), { authorityId: world.authority.id, consortiumId: world.consortium.id, month: following });
    expect(next.openingPence).toBe(briefing.closingPence);
    expect(next.closingPence).toBe(briefing.closingPence);
  });

  it("emails each lead once a month, however often the daily task runs", async () => {
    const firstOfNextMonth = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5)), 1, 9));
    await sendPotBriefings(db(), firstOfNextMonth, { appUrl: "http://localhost:3000" });
    await sendPotBriefings(db(), new Date(firstOfNextMonth.getTime() + 86_400_000), { appUrl: "http://localhost:3000" });
    const sent = await db()
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.topic, "pot-briefing"), eq(schema.outbox.recipient, world.lead.email.toLowerCase())));
    expect(sent).toHaveLength(1);
    expect(sent[0].payload).toMatchObject({ consortiumName: expect.any(String), fundingInPence: 2_420_000 + matchPence });
  });

  it("the lead reads their own; another authority's consortium is not found and a head may not look", async () => {
    const ctx = appContext(db());
    const lead = await sessionCookieFor(db(), world.lead.id, world.consortium.id);
    const page = (await respond(() => loader({ request: request(`/pot-briefing?month=${thisMonth}`, { cookie: lead }), params: {}, context: ctx }))) as {
      data: { briefing: { consortium: { id: string } }; monthName: string };
      status: number;
    };
    expect(page.status).toBe(200);
    expect(page.data.briefing.consortium.id).toBe(world.consortium.id);
    expect(page.data.monthName).toBe(formatMonth(`${thisMonth}-15`, "en"));
    // The month is named in the reader's language, in the heading and in the month picker.
    const welsh = (await runInLocale("cy", () =>
      respond(() => loader({ request: request(`/pot-briefing?month=${thisMonth}`, { cookie: lead }), params: {}, context: ctx })),
    )) as { data: { monthName: string; months: { value: string; label: string }[] } };
    const inWelsh = runInLocale("cy", () => formatMonth(`${thisMonth}-15`));
    expect(inWelsh).not.toBe(formatMonth(`${thisMonth}-15`, "en"));
    expect(welsh.data.monthName).toBe(inWelsh);
    expect(welsh.data.months.find((m) => m.value === thisMonth)?.label).toBe(inWelsh);
    expect(
      (await respond(() => loader({ request: request(`/pot-briefing?consortium=${other.consortium.id}`, { cookie: lead }), params: {}, context: ctx }))).status,
    ).toBe(404);
    const finance = await sessionCookieFor(db(), world.finance.id, world.office.id);
    expect(
      (await respond(() => loader({ request: request(`/pot-briefing?consortium=${other.consortium.id}`, { cookie: finance }), params: {}, context: ctx })))
        .status,
    ).toBe(404);
    expect((await respond(() => loader({ request: request(`/pot-briefing?month=2026-13`, { cookie: finance }), params: {}, context: ctx }))).status).toBe(400);
    const head = await sessionCookieFor(db(), world.members[0].head.id, world.members[0].school.id);
    expect((await respond(() => loader({ request: request("/pot-briefing", { cookie: head }), params: {}, context: ctx }))).status).toBe(403);
  });
});
