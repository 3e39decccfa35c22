import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { statementTerms } from "~/domain/ledger/statement-terms";
import * as statementPage from "~/routes/accounts.$accountId";
import { closeCollective, joinCollective, openCollective } from "../factories/collective";
import { useTestDatabase } from "../factories/database";
import { createPurchasingWorld } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

type Result = Response | { data: unknown; status: number };
const dataOf = <T>(r: Result) => (r instanceof Response ? null : (r.data as T));

describe("statements read in their holder's terms", () => {
  const db = useTestDatabase();

  it("a school's statement names the collective purchase with a link and says what the school owes", async () => {
    const world = await createPurchasingWorld(db(), { schools: 3 });
    const purchase = await openCollective(db(), world, { closesAt: new Date(Date.now() + 86_400_000) });
    await joinCollective(db(), world, purchase.id);
    await closeCollective(db(), world, purchase.id);
    const { school, head } = world.members[0];
    const account = await ensureAccount(db(), { authorityId: world.authority.id, kind: "school_receivable", ownerId: school.id });
    const cookie = await sessionCookieFor(db(), head.id, school.id);
    const page = dataOf<{
      statement: { closingPence: number; lines: { causeType: string; causeId: string; amountPence: number }[] };
      causes: Record<string, { label: string; href: string | null }>;
    }>(
      await respond(() =>
        statementPage.loader({ request: request(`/accounts/${account.id}`, { cookie }), params: { accountId: account.id }, context: appContext(db()) }),
      ),
    )!;
    const [line] = page.statement.lines;
    // A charge is positive on a school's account: the school owes it.
    expect(line.amountPence).toBe(108_000);
    expect(page.statement.closingPence).toBe(108_000);
    expect(page.causes[`collective_purchase:${purchase.id}`]).toEqual({
      label: `Collective purchase: Talk for Writing: whole-school training, ${(await db().select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, world.consortium.id)))[0].name}`,
      href: `/collective-purchases/${purchase.id}`,
    });
    expect(statementTerms("school_receivable")).toMatchObject({ closing: "terms.school.owe" });
    expect(statementTerms("consortium_pot")).toMatchObject({ closing: "terms.pot.holds" });
  });
});
