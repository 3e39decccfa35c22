import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { potAvailable } from "~/domain/ledger/accounts.server";
import { estimateShare } from "~/domain/purchasing/rules";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import * as root from "~/root";
import * as providersPage from "~/routes/authority.providers";
import * as collectivePage from "~/routes/collective-purchases.$purchaseId";
import * as consortiumPage from "~/routes/consortia.$consortiumId";
import { joinCollective, openCollective } from "../factories/collective";
import { useTestDatabase } from "../factories/database";
import { createPurchasingWorld, type PurchasingWorld, schoolBuys, TIERS } from "../factories/purchasing";
import { createMember } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

type Result = Response | { data: unknown; status: number };
const dataOf = <T>(r: Result) => (r instanceof Response ? null : (r.data as T));
const locationOf = (r: Result) => (r instanceof Response ? r.headers.get("Location") : null);

describe("confirmation steps, estimated shares and the pages around them", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  const ctx = () => appContext(db());
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 5 });
    const laAdmin = await createMember(db(), world.office, "la_admin");
    cookies.lead = await sessionCookieFor(db(), world.lead.id, world.consortium.id);
    cookies.laAdmin = await sessionCookieFor(db(), laAdmin.id, world.office.id);
    cookies.head = await sessionCookieFor(db(), world.members[3].head.id, world.members[3].school.id);
  });

  const auditRows = async (action: string, entityId: string) =>
    db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.entityId, entityId)));
  const entryCount = async () => {
    const [row] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.journalEntries)
      .where(eq(schema.journalEntries.authorityId, world.authority.id));
    return row.n;
  };
  const bannerOf = async (location: string, cookie: string) =>
    dataOf<{ done: string | null }>(await respond(() => root.loader({ request: request(location, { cookie }), params: {}, context: ctx() })))!.done;

  describe("approving a school's request to pay from the consortium pot", () => {
    type Dashboard = {
      confirming: { id: string; schoolName: string; title: string; potContributionPence: number } | null;
      pot: { availablePence: number } | null;
    };
    const dashboard = (query = "") =>
      respond(() =>
        consortiumPage.loader({
          request: request(`/consortia/${world.consortium.id}${query}`, { cookie: cookies.lead }),
          params: { consortiumId: world.consortium.id },
          context: ctx(),
        }),
      );
    const decide = (form: Record<string, string>) =>
      respond(() =>
        consortiumPage.action({
          request: request(`/consortia/${world.consortium.id}?confirm=${form.orderId}`, { cookie: cookies.lead, form }),
          params: { consortiumId: world.consortium.id },
          context: ctx(),
        }),
      );

    it("says what the pot will pay, pays nothing until confirmed, then pays once with its audit row", async () => {
      const member = world.members[0];
      const { order } = await schoolBuys(db(), world, member, { paymentRoute: "consortium_pot", idempotencyKey: crypto.randomUUID() });
      expect(order.potRequest).toBe("requested");

      // The dashboard alone asks nothing; an unknown request asks nothing either.
      expect(dataOf<Dashboard>(await dashboard())!.confirming).toBeNull();
      expect(dataOf<Dashboard>(await dashboard(`?confirm=${crypto.randomUUID()}`))!.confirming).toBeNull();

      const asked = dataOf<Dashboard>(await dashboard(`?confirm=${order.id}`))!;
      expect(asked.confirming).toMatchObject({ id: order.id, schoolName: member.school.name, potContributionPence: 90_000 });
      const potBefore = (await potAvailable(db(), world.authority.id, world.consortium.id))!.availablePence;
      expect(asked.pot?.availablePence).toBe(potBefore);
      // The sentence the confirmation step shows, from those figures.
      expect(
        t("confirm.potRequest.outcome", {
          amount: formatPence(asked.confirming!.potContributionPence),
          school: asked.confirming!.schoolName,
          offer: asked.confirming!.title,
          available: formatPence(asked.pot!.availablePence),
        }),
      ).toBe(
        `The consortium pot will pay £900.00 for ${member.school.name}'s purchase of Talk for Writing: whole-school training. The pot holds ${formatPence(potBefore)}.`,
      );

      // Looking at the confirmation step wrote nothing.
      const entriesBefore = await entryCount();
      const [still] = await db().select().from(schema.orders).where(eq(schema.orders.id, order.id));
      expect(still).toMatchObject({ potRequest: "requested", potDecidedAt: null });
      expect(await auditRows("order.pot_approved", order.id)).toEqual([]);

      const first = await decide({ intent: "approve", orderId: order.id });
      expect(first.status).toBe(303);
      expect(locationOf(first)).toBe(`/consortia/${world.consortium.id}?done=potRequestApproved`);
      const [approved] = await db().select().from(schema.orders).where(eq(schema.orders.id, order.id));
      expect(approved).toMatchObject({ potRequest: "approved", potDecidedBy: world.lead.id });
      expect(await auditRows("order.pot_approved", order.id)).toHaveLength(1);
      const entriesAfter = await entryCount();
      expect(entriesAfter).toBeGreaterThan(entriesBefore);
      expect((await potAvailable(db(), world.authority.id, world.consortium.id))!.availablePence).toBe(potBefore - 90_000);
      expect(await bannerOf(locationOf(first)!, cookies.lead)).toBe("You approved the request: the pot has paid for the purchase.");

      // A second click lands on the same outcome and pays nothing more.
      const second = await decide({ intent: "approve", orderId: order.id });
      expect(second.status).toBe(303);
      expect(locationOf(second)).toBe(locationOf(first));
      expect(await auditRows("order.pot_approved", order.id)).toHaveLength(1);
      expect(await entryCount()).toBe(entriesAfter);
      expect((await potAvailable(db(), world.authority.id, world.consortium.id))!.availablePence).toBe(potBefore - 90_000);
      // Answered, the request no longer has a confirmation step.
      expect(dataOf<Dashboard>(await dashboard(`?confirm=${order.id}`))!.confirming).toBeNull();
    });
  });

  describe("verifying a provider", () => {
    type Providers = { providers: { id: string; name: string; verifiedAt: Date | null }[]; confirming: { id: string; name: string } | null };
    const list = (query = "") =>
      respond(() => providersPage.loader({ request: request(`/authority/providers${query}`, { cookie: cookies.laAdmin }), params: {}, context: ctx() }));
    const verify = (providerId: string) =>
      respond(() =>
        providersPage.action({
          request: request(`/authority/providers?confirm=${providerId}`, { cookie: cookies.laAdmin, form: { intent: "verify", providerId } }),
          params: {},
          context: ctx(),
        }),
      );
    const providerRow = async () => {
      const [row] = await db().select().from(schema.providers).where(eq(schema.providers.organisationId, world.provider.id));
      return row;
    };

    it("names the provider, verifies nothing until confirmed, then verifies once with its audit row", async () => {
      expect(dataOf<Providers>(await list())!.confirming).toBeNull();
      const asked = dataOf<Providers>(await list(`?confirm=${world.provider.id}`))!;
      const name = asked.providers.find((p) => p.id === world.provider.id)!.name;
      expect(asked.confirming).toMatchObject({ id: world.provider.id, name });
      expect(t("confirm.verify.outcome", { provider: asked.confirming!.name })).toContain(name);

      expect((await providerRow()).verifiedAt).toBeNull();
      expect(await auditRows("provider.verified", world.provider.id)).toEqual([]);

      const first = await verify(world.provider.id);
      expect([302, 303]).toContain(first.status);
      expect(locationOf(first)).toBe("/authority/providers?done=providerVerified");
      const verified = await providerRow();
      expect(verified.verifiedAt).not.toBeNull();
      expect(await auditRows("provider.verified", world.provider.id)).toHaveLength(1);
      expect(await bannerOf(locationOf(first)!, cookies.laAdmin)).toBe("The provider is verified.");

      const second = await verify(world.provider.id);
      expect(locationOf(second)).toBe(locationOf(first));
      expect(await auditRows("provider.verified", world.provider.id)).toHaveLength(1);
      expect((await providerRow()).verifiedAt).toEqual(verified.verifiedAt);
      // Verified, the provider no longer has a confirmation step.
      expect(dataOf<Providers>(await list(`?confirm=${world.provider.id}`))!.confirming).toBeNull();
    });
  });

  describe("the share a school that has not joined would pay", () => {
    it("is estimateShare's figure for the purchase's tiers and count, now and at the next tier", async () => {
      const purchase = await openCollective(db(), world, { potPercentBps: 1_000 });
      const joiners = world.members.slice(0, 3);
      await joinCollective(db(), world, purchase.id, { members: joiners });
      const outsider = world.members[3];
      type Page = {
        joined: number;
        next: { schoolsNeeded: number } | null;
        mySchools: { id: string; answer: unknown; estimate: ReturnType<typeof estimateShare> | null }[];
      };
      const page = dataOf<Page>(
        await respond(() =>
          collectivePage.loader({
            request: request(`/collective-purchases/${purchase.id}`, { cookie: cookies.head }),
            params: { purchaseId: purchase.id },
            context: ctx(),
          }),
        ),
      )!;
      expect(page.joined).toBe(3);
      expect(page.next).toEqual({ schoolsNeeded: 2, unitPricePence: 75_000 });
      expect(page.mySchools.map((s) => [s.id, s.answer])).toEqual([[outsider.school.id, null]]);
      const { estimate } = page.mySchools[0];

      const expected = estimateShare({
        tiers: TIERS,
        model: "per_school",
        joined: joiners.map((m) => ({ id: m.school.id, pupils: 210, delegates: 1 })),
        school: { id: outsider.school.id, pupils: 210, delegates: 1 },
        rule: { percentBps: 1_000 },
        method: "equal",
        capAtSolo: purchase.capAtSolo,
        potAvailablePence: (await potAvailable(db(), world.authority.id, world.consortium.id))!.availablePence,
        vatTreatment: "standard",
        nextSchoolsNeeded: 2,
      });
      expect(estimate).toEqual(expected);
      // Joining now makes 4 schools at £900.00, the pot paying 10%; at the next tier, 5 schools at £750.00.
      expect(estimate).toEqual({
        now: { schools: 4, unitPricePence: 90_000, netPence: 90_000, potPence: 9_000, vatPence: 18_000, payablePence: 99_000 },
        next: { schools: 5, unitPricePence: 75_000, netPence: 75_000, potPence: 7_500, vatPence: 15_000, payablePence: 82_500 },
      });
    });
  });
});
