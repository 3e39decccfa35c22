import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { renderEmail } from "#emails/index";
import { loadUser, readerLanguage } from "~/auth/user.server";
import { schema } from "~/db.server";
import { queueEmail } from "~/domain/outbox.server";
import { queueEmails } from "~/domain/purchasing/notify.server";
import { runInLocale } from "~/i18n/request-locale.server";
import { loader as rootLoader } from "~/root";
import { loader as catalogueLoader } from "~/routes/catalogue._index";
import * as newNeed from "~/routes/commissioning.needs.new";
import { loader as languageLoader, action as languageAction } from "~/routes/language";
import { createOffer } from "../factories/catalogue";
import { createAuthority, createMember, createOrganisation, createProvider, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { createTestDatabase } from "../setup/database";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

/** A headteacher of a school in a new authority whose default language is given. */
async function person(defaultLanguage: "en" | "cy") {
  const db = handle.db;
  const authority = await createAuthority(db, { nation: defaultLanguage === "cy" ? "wales" : "england", defaultLanguage });
  const { organisation: school } = await createSchool(db, authority.id);
  const head = await createMember(db, school, "headteacher");
  const cookie = await sessionCookieFor(db, head.id, school.id);
  return { authority, school, head, cookie, token: cookie.split("=")[1] };
}

const languageOfRequest = async (token: string | null, languageCookie: string | null = null) =>
  readerLanguage(token ? await loadUser(handle.db, token) : null, languageCookie);

describe("the language a page is read in", () => {
  it("is the authority's default for someone who has not chosen: Welsh in a Welsh authority, English in an English one", async () => {
    expect(await languageOfRequest((await person("cy")).token)).toBe("cy");
    expect(await languageOfRequest((await person("en")).token)).toBe("en");
  });

  it("is remembered when a signed-in person switches, for their next visit on any browser, and audited", async () => {
    const { head, cookie, token } = await person("cy");
    const response = await respond(() =>
      languageLoader({ request: request("/language?lang=en&returnTo=%2Fcatalogue%3Fq%3Dphonics", { cookie }), params: {}, context: appContext(handle.db) }),
    );
    if (!(response instanceof Response)) throw new Error("expected a redirect");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/catalogue?q=phonics&done=languageChanged");
    expect(response.headers.get("Set-Cookie")).toMatch(/^lang=en; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/);
    const [user] = await handle.db.select({ language: schema.users.language }).from(schema.users).where(eq(schema.users.id, head.id));
    expect(user.language).toBe("en");
    expect(await languageOfRequest(token)).toBe("en");
    // Their own choice wins over this browser's cookie and over the authority's default.
    expect(await languageOfRequest(token, "cy")).toBe("en");
    const audits = await handle.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, head.id), eq(schema.auditLog.action, "user.language_chosen")));
    expect(audits.map((a) => a.after)).toEqual([{ language: "en" }]);
  });

  it("is kept in a cookie for a visitor who is not signed in, by a link or a form", async () => {
    const byLink = await respond(() =>
      languageLoader({ request: request("/language?lang=cy&returnTo=%2Fsign-in"), params: {}, context: appContext(handle.db) }),
    );
    if (!(byLink instanceof Response)) throw new Error("expected a redirect");
    expect(byLink.headers.get("Location")).toBe("/sign-in?done=languageChanged");
    expect(byLink.headers.get("Set-Cookie")).toMatch(/^lang=cy;/);
    const byForm = await respond(() =>
      languageAction({ request: request("/language", { form: { lang: "cy", returnTo: "/" } }), params: {}, context: appContext(handle.db) }),
    );
    if (!(byForm instanceof Response)) throw new Error("expected a redirect");
    expect(byForm.headers.get("Set-Cookie")).toMatch(/^lang=cy;/);
    expect(await languageOfRequest(null, "cy")).toBe("cy");
    expect(await languageOfRequest(null, "xx")).toBe("en");
  });

  it("never sends anyone off the site, and an unknown language changes nothing", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example", "/\\evil.example", ""]) {
      const response = await respond(() =>
        languageLoader({ request: request(`/language?lang=fr&returnTo=${encodeURIComponent(returnTo)}`), params: {}, context: appContext(handle.db) }),
      );
      if (!(response instanceof Response)) throw new Error("expected a redirect");
      expect(response.headers.get("Location")).toBe("/");
      expect(response.headers.get("Set-Cookie")).toBeNull();
    }
  });

  it("reaches the page: the root loader gives the request's language for <html lang>", async () => {
    const { cookie } = await person("cy");
    const data = (await runInLocale("cy", () => rootLoader({ request: request("/", { cookie }), params: {}, context: appContext(handle.db) }))) as {
      locale: string;
    };
    expect(data.locale).toBe("cy");
  });

  it("says it was changed, in the new language, in the banner of the page it comes back to", async () => {
    const { cookie } = await person("cy");
    const inWelsh = (await runInLocale("cy", () =>
      rootLoader({ request: request("/?done=languageChanged", { cookie }), params: {}, context: appContext(handle.db) }),
    )) as { done: string | null };
    expect(inWelsh.done).toBe("Rydych chi nawr yn darllen y gwasanaeth hwn yn Gymraeg.");
    const inEnglish = (await runInLocale("en", () =>
      rootLoader({ request: request("/?done=languageChanged", { cookie }), params: {}, context: appContext(handle.db) }),
    )) as { done: string | null };
    expect(inEnglish.done).toBe("You are now reading this service in English.");
  });
});

describe("emails", () => {
  it("are queued in the recipient's language and written in it", async () => {
    const { authority, head } = await person("cy");
    await handle.db.transaction((tx) =>
      queueEmail(tx, {
        to: head.email,
        template: "password-changed",
        props: { name: head.name, url: "http://localhost:3000/forgot-password" },
        authorityId: authority.id,
      }),
    );
    const [row] = await handle.db.select().from(schema.outbox).where(eq(schema.outbox.recipient, head.email.toLowerCase()));
    expect(row.language).toBe("cy");
    const email = await renderEmail("password-changed", row.payload as never, row.language);
    expect(email.html).toContain('lang="cy"');
    expect(email.text).toContain("Rydych yn cael hwn oherwydd eich rôl mewn partneriaeth gwella ysgolion.");
  });

  it("go in English to someone who chose English in a Welsh authority", async () => {
    const { authority, head } = await person("cy");
    await handle.db.update(schema.users).set({ language: "en" }).where(eq(schema.users.id, head.id));
    await handle.db.transaction((tx) =>
      queueEmail(tx, { to: head.email, template: "password-changed", props: { name: head.name, url: "http://x/" }, authorityId: authority.id }),
    );
    const [row] = await handle.db.select({ language: schema.outbox.language }).from(schema.outbox).where(eq(schema.outbox.recipient, head.email.toLowerCase()));
    expect(row.language).toBe("en");
  });

  it("sent to many at once go to each in their own language, and the Welsh one says it in Welsh", async () => {
    const welsh = await person("cy");
    const english = await person("en");
    const chose = await person("cy");
    await handle.db.update(schema.users).set({ language: "en" }).where(eq(schema.users.id, chose.head.id));
    const props = {
      audience: "school" as const,
      schoolName: "Ysgol Gymraeg",
      providerName: "Arden",
      offerTitle: "Phonics",
      amountPence: 108_000,
      paymentRoute: "invoice" as const,
      url: "http://x/",
    };
    await handle.db.transaction((tx) =>
      queueEmails(
        tx,
        welsh.authority.id,
        "order-placed",
        [welsh.head, english.head, chose.head].map((h) => ({ to: h.email, props })),
      ),
    );
    const rows = await handle.db.select().from(schema.outbox).where(eq(schema.outbox.topic, "order-placed"));
    const languageOf = (email: string) => rows.find((r) => r.recipient === email.toLowerCase())?.language;
    // The sending authority's default comes before the recipient's own authority's; a choice of their own comes first.
    expect([languageOf(welsh.head.email), languageOf(english.head.email), languageOf(chose.head.email)]).toEqual(["cy", "cy", "en"]);
    const row = rows.find((r) => r.recipient === welsh.head.email.toLowerCase())!;
    const email = await renderEmail("order-placed", row.payload as never, row.language);
    expect(email.subject).toBe("Rydych wedi prynu Phonics");
    expect(email.text).toContain("Sut mae’n talu: Anfoneb.");
    expect(email.text).toContain("£1,080.00");
  });
});

describe("searching offers written in Welsh", () => {
  async function catalogue() {
    const { authority, cookie } = await person("cy");
    const provider = await createProvider(handle.db, authority.id);
    const offer = (title: string, titleCy: string, summaryCy = "") =>
      createOffer(handle.db, { authorityId: authority.id, providerId: provider.id, revision: { title, titleCy, summaryCy } });
    await offer("Literacy for all", "Gwella ei lythrennedd", "Rhaglen i ddatblygu llythrennedd disgyblion.");
    await offer("Grandchildren's reading", "Darllen gyda'r ŵyrion");
    await offer("Welsh in English-medium schools", "Y Gymraeg yn yr ysgol", "Dysgu yng Nghymru");
    await offer("Governor training", "Hyfforddiant llywodraethwyr");
    const search = async (q: string) => {
      const result = await respond(() =>
        runInLocale("cy", () =>
          catalogueLoader({ request: request(`/catalogue?q=${encodeURIComponent(q)}`, { cookie }), params: {}, context: appContext(handle.db) }),
        ),
      );
      if (result instanceof Response) throw new Error(`expected data, got ${result.status}`);
      return (result.data as Awaited<ReturnType<typeof catalogueLoader>>["data"]).results.map((r) => r.title).sort();
    };
    return { search };
  }

  it("finds a word in its mutated forms, and with or without a to bach", async () => {
    const { search } = await catalogue();
    expect(await search("llythrennedd")).toEqual(["Gwella ei lythrennedd"]);
    expect(await search("lythrennedd")).toEqual(["Gwella ei lythrennedd"]);
    expect(await search("wyrion")).toEqual(["Darllen gyda'r ŵyrion"]);
    expect(await search("ŴYRION")).toEqual(["Darllen gyda'r ŵyrion"]);
    expect(await search("Cymru")).toEqual(["Y Gymraeg yn yr ysgol"]);
    expect(await search("cymraeg")).toEqual(["Y Gymraeg yn yr ysgol"]);
  });

  it("still finds the English words, and needs every word", async () => {
    const { search } = await catalogue();
    expect(await search("governor")).toEqual(["Hyfforddiant llywodraethwyr"]);
    expect(await search("hyfforddiant llythrennedd")).toEqual([]);
    expect(await search("'\"):* & | !")).toEqual([]);
  });
});

describe("a call for offers written in Welsh too", () => {
  it("keeps the Welsh beside the English, and says its errors in the commissioner's language", async () => {
    const authority = await createAuthority(handle.db, { nation: "wales", defaultLanguage: "cy" });
    const office = await createOrganisation(handle.db, authority.id, "authority_office");
    const commissioner = await createMember(handle.db, office, "commissioner");
    const cookie = await sessionCookieFor(handle.db, commissioner.id, office.id);
    const form = {
      subjectArea: "literacy",
      phases: "primary",
      title: "Literacy in Year 5",
      description: "Raise reading ages",
      titleCy: "Llythrennedd ym Mlwyddyn 5",
      descriptionCy: "Codi oedran darllen",
      budget: "",
      closesOnDay: "31",
      closesOnMonth: "12",
      closesOnYear: "2099",
    };
    const post = (fields: Record<string, string>) =>
      respond(() =>
        runInLocale("cy", () =>
          newNeed.action({ request: request("/commissioning/needs/new", { cookie, form: fields }), params: {}, context: appContext(handle.db) }),
        ),
      );

    const tooLong = await post({ ...form, titleCy: "x".repeat(151) });
    if (tooLong instanceof Response) throw new Error("expected the form again");
    expect(tooLong.status).toBe(400);
    // The schema was built in English when its module loaded; the field's name comes back in Welsh.
    expect((tooLong.data as { errors: Record<string, string[]> }).errors.titleCy[0]).toContain("Teitl yn Gymraeg (dewisol)");
    const published = await post(form);
    expect(published instanceof Response && published.status).toBe(302);
    const [need] = await handle.db.select().from(schema.needs).where(eq(schema.needs.authorityId, authority.id));
    expect(need).toMatchObject({ title: "Literacy in Year 5", titleCy: "Llythrennedd ym Mlwyddyn 5", descriptionCy: "Codi oedran darllen" });
  });
});
