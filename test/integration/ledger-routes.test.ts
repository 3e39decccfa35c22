import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/db.server";
import { loader as accountsLoader } from "~/routes/accounts._index";
import { loader as statementLoader } from "~/routes/accounts.$accountId";
import { loader as statementCsvLoader } from "~/routes/accounts.$accountId_.statement[.]csv";
import { loader as ledgerLoader } from "~/routes/finance.ledger";
import { useTestDatabase } from "../factories/database";
import { createLedgerWorld, post } from "../factories/ledger";
import { createMember } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { debitCredit } from "~/domain/ledger/post-entry.server";

describe("statements and the ledger pages", () => {
  const db = useTestDatabase();
  let world: Awaited<ReturnType<typeof createLedgerWorld>>;
  let other: Awaited<ReturnType<typeof createLedgerWorld>>;
  const cookies = new Map<string, string>();

  const signedIn = async (organisation: { id: string; authorityId: string }, role: Role) => {
    const key = `${organisation.id}:${role}`;
    if (!cookies.has(key)) {
      const user = await createMember(db(), organisation, role);
      cookies.set(key, await sessionCookieFor(db(), user.id, organisation.id));
    }
    return cookies.get(key)!;
  };
  const statement = (accountId: string, cookie: string, query = "") =>
    respond(() => statementLoader({ request: request(`/accounts/${accountId}${query}`, { cookie }), context: appContext(db()), params: { accountId } }));
  const status = (r: Awaited<ReturnType<typeof respond>>) => (r instanceof Response ? r.status : r.status);
  const body = (r: Awaited<ReturnType<typeof respond>>) =>
    (r as { data: { statement: { closingPence: number; lines: unknown[] }; errors: Record<string, string[]> | null; filter: { from: string; to: string } } })
      .data;

  beforeAll(async () => {
    world = await createLedgerWorld(db());
    other = await createLedgerWorld(db());
    const { accounts, authority } = world;
    await post(db(), authority.id, debitCredit(accounts.funding.id, accounts.pot.id, 2_420_000));
    await post(db(), authority.id, [
      { accountId: accounts.school.id, amountPence: 90_000 },
      { accountId: accounts.provider.id, amountPence: -81_000 },
      { accountId: accounts.income.id, amountPence: -4_500 },
      { accountId: accounts.pot.id, amountPence: -4_500 },
    ]);
  });

  it("shows a consortium lead their pot and nothing of other organisations", async () => {
    const lead = await signedIn(world.consortium, "consortium_lead");
    const own = await statement(world.accounts.pot.id, lead);
    expect(status(own)).toBe(200);
    expect(body(own).statement.closingPence).toBe(2_424_500);
    expect(body(own).statement.lines).toHaveLength(2);
    expect(status(await statement(world.accounts.school.id, lead))).toBe(403);
    expect(status(await statement(world.accounts.funding.id, lead))).toBe(403);
    // Another authority's pot, an unknown id and a malformed one are not found.
    expect(status(await statement(other.accounts.pot.id, lead))).toBe(404);
    expect(status(await statement(crypto.randomUUID(), lead))).toBe(404);
    expect(status(await statement("../../etc/passwd", lead))).toBe(404);
  });

  it("lets each owner read only its own account, and the authority's officers by role", async () => {
    const cases: [{ id: string; authorityId: string }, Role, string, number][] = [
      [world.school, "headteacher", world.accounts.school.id, 200],
      [world.school, "school_business_manager", world.accounts.school.id, 200],
      [world.school, "headteacher", world.accounts.pot.id, 403],
      [world.provider, "provider_admin", world.accounts.provider.id, 200],
      [world.provider, "provider_staff", world.accounts.provider.id, 403],
      [world.provider, "provider_admin", world.accounts.school.id, 403],
      [world.office, "la_finance", world.accounts.school.id, 200],
      [world.office, "la_finance", world.accounts.provider.id, 200],
      [world.office, "la_finance", world.accounts.income.id, 200],
      [world.office, "la_admin", world.accounts.pot.id, 200],
      [world.office, "la_admin", world.accounts.funding.id, 200],
      [world.office, "la_admin", world.accounts.school.id, 403],
      [world.office, "commissioner", world.accounts.pot.id, 403],
      [other.office, "la_finance", world.accounts.pot.id, 404],
    ];
    for (const [organisation, role, accountId, expected] of cases) {
      expect(status(await statement(accountId, await signedIn(organisation, role))), `${role} on ${accountId}`).toBe(expected);
    }
  });

  it("sends someone signed out to sign in", async () => {
    const r = await statement(world.accounts.pot.id, "");
    expect(r instanceof Response && r.status).toBe(302);
    expect((r as Response).headers.get("Location")).toContain("/sign-in?redirectTo=");
  });

  it("filters by dates and explains a bad date next to the field", async () => {
    const finance = await signedIn(world.office, "la_finance");
    const future = await statement(world.accounts.pot.id, finance, "?from=2099-01-01&to=2099-12-31");
    expect(status(future)).toBe(200);
    expect(body(future).statement).toMatchObject({ openingPence: 2_424_500, closingPence: 2_424_500, lines: [] });
    const wide = await statement(world.accounts.pot.id, finance, "?from=2000-01-01&to=2098-12-31");
    expect(body(wide).statement).toMatchObject({ openingPence: 0, closingPence: 2_424_500 });
    expect(body(wide).statement.lines).toHaveLength(2);
    // The GOV.UK date inputs send each date in three parts.
    const parts = await statement(world.accounts.pot.id, finance, "?fromDay=1&fromMonth=1&fromYear=2000&toDay=31&toMonth=12&toYear=2098");
    expect(body(parts).statement).toMatchObject({ openingPence: 0, closingPence: 2_424_500 });
    expect(body(parts).filter).toEqual({ from: "2000-01-01", to: "2098-12-31" });

    for (const [query, field] of [
      ["?from=2026-02-30", "from"],
      ["?from=yesterday", "from"],
      [`?to=${"9".repeat(5000)}`, "to"],
      ["?from=2026-05-01&to=2026-04-01", "to"],
      ["?from=%F0%9F%92%B7", "from"],
      ["?fromDay=30&fromMonth=2&fromYear=2026", "from"],
      ["?toDay=1&toMonth=&toYear=2026", "to"],
      ["?fromDay=1&fromMonth=1&fromYear=26", "from"],
    ] as const) {
      const r = await statement(world.accounts.pot.id, finance, query);
      expect(status(r), query).toBe(400);
      expect(body(r).errors?.[field]?.[0], query).toBeTruthy();
    }
  });

  it("downloads the statement as CSV", async () => {
    const lead = await signedIn(world.consortium, "consortium_lead");
    const statementCsv = (accountId: string, cookie: string) =>
      respond(() =>
        statementCsvLoader({ request: request(`/accounts/${accountId}/statement.csv`, { cookie }), context: appContext(db()), params: { accountId } }),
      );
    const r = await statementCsv(world.accounts.pot.id, lead);
    expect(r).toBeInstanceOf(Response);
    const response = r as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="statement-[a-z0-9-]+\.csv"$/);
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe("Date,Description,Cause,Reference,Amount (GBP),Balance (GBP)");
    expect(text).toContain(",Closing balance,,,,24245.00\r\n");
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    expect(status(await statementCsv(world.accounts.school.id, lead))).toBe(403);
  });

  it("sends the old ?format=csv address on to the statement's CSV with the same period, for those who may read it", async () => {
    const lead = await signedIn(world.consortium, "consortium_lead");
    const pot = world.accounts.pot.id;
    const moved = (await statement(pot, lead, "?from=2000-01-01&format=csv&to=2098-12-31")) as Response;
    expect(moved.status).toBe(302);
    expect(moved.headers.get("Location")).toBe(`/accounts/${pot}/statement.csv?from=2000-01-01&to=2098-12-31`);
    const plain = (await statement(pot, lead, "?format=csv")) as Response;
    expect(plain.status).toBe(302);
    expect(plain.headers.get("Location")).toBe(`/accounts/${pot}/statement.csv`);
    // Refused as the page refuses: another's account 403, another authority's or an unknown one 404.
    expect(status(await statement(world.accounts.school.id, lead, "?format=csv"))).toBe(403);
    expect(status(await statement(other.accounts.pot.id, lead, "?format=csv"))).toBe(404);
    expect(status(await statement(crypto.randomUUID(), lead, "?format=csv"))).toBe(404);
    const signedOut = (await statement(pot, "", "?format=csv")) as Response;
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toContain("/sign-in?redirectTo=");
    // Any other format is the page.
    expect(status(await statement(pot, lead, "?format=html"))).toBe(200);
  });

  it("lists the accounts a person may read", async () => {
    const lead = await signedIn(world.consortium, "consortium_lead");
    const r = await respond(() => accountsLoader({ request: request("/accounts", { cookie: lead }), context: appContext(db()), params: {} }));
    const data = (r as { data: { accounts: { id: string; balancePence: number }[]; canViewLedger: boolean } }).data;
    expect(data.accounts.map((a) => [a.id, a.balancePence])).toEqual([[world.accounts.pot.id, 2_424_500]]);
    expect(data.canViewLedger).toBe(false);
    const staff = await signedIn(world.provider, "provider_staff");
    const refused = await respond(() => accountsLoader({ request: request("/accounts", { cookie: staff }), context: appContext(db()), params: {} }));
    expect(status(refused)).toBe(403);
  });

  it("shows la_finance the trial balance and every account, and no one else", async () => {
    const finance = await signedIn(world.office, "la_finance");
    const r = await respond(() => ledgerLoader({ request: request("/finance/ledger", { cookie: finance }), context: appContext(db()), params: {} }));
    const data = (r as { data: { accounts: { authorityId: string }[]; totalPence: number; debitPence: number; creditPence: number; mismatches: number } }).data;
    expect(data.totalPence).toBe(0);
    expect(data.mismatches).toBe(0);
    expect(data.debitPence).toBe(2_510_000);
    expect(data.creditPence).toBe(2_510_000);
    expect(data.accounts).toHaveLength(6);
    expect(new Set(data.accounts.map((a) => a.authorityId))).toEqual(new Set([world.authority.id]));
    for (const [organisation, role] of [
      [world.office, "la_admin"],
      [world.consortium, "consortium_lead"],
      [world.school, "headteacher"],
    ] as const) {
      const refused = await respond(() =>
        ledgerLoader({
          request: request("/finance/ledger", { cookie: cookies.get(`${organisation.id}:${role}`) ?? "" }),
          context: appContext(db()),
          params: {},
        }),
      );
      expect(status(refused), role).toBe(403);
    }
  });
});
