import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { publishNeed } from "~/domain/commissioning/needs.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as offerPageLoader } from "~/routes/catalogue.$offerId";
import { action as commissioningOfferAction } from "~/routes/commissioning.offers.$offerId";
import { action as advisersAction, loader as advisersLoader } from "~/routes/authority.advisers";
import { action as leadsAction, loader as leadsLoader } from "~/routes/authority.subject-leads";
import { createDeliveryWorld } from "../factories/delivery";
import { pageCalls } from "../factories/pages";
import { actorFor } from "../factories/quality";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { useTestDatabase } from "../factories/database";
import { emailsTo } from "../factories/identity";

type Result = Awaited<ReturnType<typeof respond>>;
const body = <T>(r: Result) => (r as { data: T }).data;

describe("challenge advisers and subject leads", () => {
  const db = useTestDatabase();
  let authorityId: string;
  let school: { id: string };
  let foreignSchool: { id: string };
  let adviser: { id: string };
  let lead: { id: string; email: string };
  let other: { id: string };
  let head: { id: string };
  const cookies: Record<string, string> = {};

  const { post, get } = pageCalls(() => appContext(db()));

  beforeAll(async () => {
    authorityId = (await createAuthority(db())).id;
    const office = await createOrganisation(db(), authorityId, "authority_office");
    const s = await createSchool(db(), authorityId, { category: "3C" });
    school = { id: s.organisation.id };
    const foreign = await createAuthority(db());
    foreignSchool = { id: (await createSchool(db(), foreign.id)).organisation.id };
    const admin = await createMember(db(), office, "la_admin");
    adviser = await createMember(db(), office, "challenge_adviser", { name: "David Adviser" });
    lead = await createMember(db(), office, "commissioner", { name: "Joanne Lead" });
    other = await createMember(db(), office, "commissioner", { name: "Sam Other" });
    head = await createMember(db(), s.organisation, "headteacher");
    cookies.admin = await sessionCookieFor(db(), admin.id, office.id);
    cookies.adviser = await sessionCookieFor(db(), adviser.id, office.id);
    cookies.head = await sessionCookieFor(db(), head.id, s.organisation.id);
  });

  it("lets an la_admin assign a school its adviser, whose home then lists it with its category", async () => {
    expect((await post(advisersAction, "/authority/advisers", cookies.head, { school: school.id, adviser: adviser.id })).status).toBe(403);
    expect((await post(advisersAction, "/authority/advisers", cookies.admin, { school: school.id, adviser: head.id })).status).toBe(400);
    expect((await post(advisersAction, "/authority/advisers", cookies.admin, { school: foreignSchool.id, adviser: adviser.id })).status).toBe(404);
    expect((await post(advisersAction, "/authority/advisers", cookies.admin, { school: "", adviser: "" })).status).toBe(400);
    const done = (await post(advisersAction, "/authority/advisers", cookies.admin, { school: school.id, adviser: adviser.id })) as Response;
    expect(done.status).toBe(303);
    const page = body<{ banner: string; schools: { id: string; adviserName: string | null }[] }>(
      await get(advisersLoader, `/authority/advisers?assigned=${school.id}`, cookies.admin),
    );
    expect(page.banner).toContain("David Adviser");
    expect(page.schools.find((s) => s.id === school.id)?.adviserName).toBe("David Adviser");
    const home = body<{ adviserSchools: { id: string; category: string }[] }>(await get(homeLoader, "/", cookies.adviser));
    expect(home.adviserSchools).toEqual([expect.objectContaining({ id: school.id, category: "3C" })]);
    const [audit] = await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, "school.adviser_assigned"));
    expect(audit).toMatchObject({ organisationId: school.id, before: null, after: { adviserUserId: adviser.id } });
  });

  it("lets an la_admin name a subject's lead, who hears of calls for offers in it", async () => {
    expect((await post(leadsAction, "/authority/subject-leads", cookies.head, { subject: "literacy", commissioner: lead.id })).status).toBe(403);
    expect((await post(leadsAction, "/authority/subject-leads", cookies.admin, { subject: "astrology", commissioner: lead.id })).status).toBe(400);
    expect((await post(leadsAction, "/authority/subject-leads", cookies.admin, { subject: "literacy", commissioner: adviser.id })).status).toBe(400);
    expect(((await post(leadsAction, "/authority/subject-leads", cookies.admin, { subject: "literacy", commissioner: lead.id })) as Response).status).toBe(303);
    const page = body<{ subjects: { area: string; lead: { name: string } | null }[] }>(await get(leadsLoader, "/authority/subject-leads", cookies.admin));
    expect(page.subjects.find((s) => s.area === "literacy")?.lead?.name).toBe("Joanne Lead");
    expect(page.subjects.find((s) => s.area === "numeracy")?.lead).toBeNull();

    const actor = await actorFor(db(), other.id, authorityId);
    const input = {
      subjectArea: "literacy" as const,
      phases: ["primary" as const],
      title: "Reading for pleasure",
      description: "Key Stage 2",
      budgetPence: null,
      closesOn: "2099-01-01",
    };
    await publishNeed(db(), { actor, authorityId, input, appUrl: "http://app" });
    await publishNeed(db(), { actor, authorityId, input: { ...input, subjectArea: "numeracy", title: "Maths mastery" }, appUrl: "http://app" });
    const mail = await emailsTo(db(), lead.email, "subject-lead-notice");
    expect(mail).toHaveLength(1);
    expect(mail[0].payload).toMatchObject({ title: "Reading for pleasure", subjectAreas: ["literacy"], event: "need-published" });
  });

  it("names the subject's lead commissioner on the offer's page, and tells that lead when another commissioner suspends the offer", async () => {
    // The world's offer is in literacy, whose lead is the world's commissioner.
    const world = await createDeliveryWorld(db(), { schools: 1 });
    const numeracyLead = await createMember(db(), world.office, "commissioner", { name: "Nia Numeracy" });
    await db().insert(schema.subjectLeads).values({ authorityId: world.authority.id, subjectArea: "numeracy", commissionerUserId: numeracyLead.id });
    const suspender = await createMember(db(), world.office, "commissioner", { name: "Pat Suspender" });
    const offerId = world.offer.id;
    const headCookie = await sessionCookieFor(db(), world.members[0].head.id, world.members[0].school.id);
    const page = await respond(() =>
      offerPageLoader({ request: request(`/catalogue/${offerId}`, { cookie: headCookie }), context: appContext(db()), params: { offerId } }),
    );
    expect(body<{ leads: { subjectArea: string; name: string }[] }>(page).leads).toEqual([{ subjectArea: "literacy", name: world.commissioner.name }]);

    const path = `/commissioning/offers/${offerId}`;
    const suspenderCookie = await sessionCookieFor(db(), suspender.id, world.office.id);
    const suspended = await respond(() =>
      commissioningOfferAction({
        request: request(path, { cookie: suspenderCookie, form: { intent: "suspend", reason: "Safeguarding check lapsed" } }),
        context: appContext(db()),
        params: { offerId },
      }),
    );
    expect((suspended as Response).headers.get("Location")).toBe(`${path}?done=offerSuspended`);
    const notices = await db()
      .select({ recipient: schema.outbox.recipient, payload: schema.outbox.payload })
      .from(schema.outbox)
      .where(and(eq(schema.outbox.authorityId, world.authority.id), eq(schema.outbox.topic, "subject-lead-notice")));
    expect(notices).toEqual([
      {
        recipient: world.commissioner.email.toLowerCase(),
        payload: expect.objectContaining({ event: "offer-suspended", subjectAreas: ["literacy"], by: "Pat Suspender", url: expect.stringContaining(path) }),
      },
    ]);
  });
});
