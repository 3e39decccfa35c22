import { describe, expect, it } from "vitest";
import type { Role } from "~/db.server";
import { t, type Locale } from "~/i18n";
import { closePage, expectAccessible, expectLocator, newPage, signIn, signInThroughForm, testBrowser } from "./browser";

// The named demo sign-ins, one per role, and an organisation each one must see on their home page.
const DEMO_ROLES: { email: string; role: Role; organisation: string; locale?: Locale }[] = [
  { email: "la.admin@arden.demo", role: "la_admin", organisation: "Arden County Council School Improvement" },
  { email: "finance@arden.demo", role: "la_finance", organisation: "Arden County Council School Improvement" },
  { email: "commissioner@arden.demo", role: "commissioner", organisation: "Arden County Council School Improvement" },
  { email: "adviser@arden.demo", role: "challenge_adviser", organisation: "Arden County Council School Improvement" },
  { email: "chair@arden.demo", role: "qa_panel_member", organisation: "Primary Improvement Board" },
  { email: "panel.one@arden.demo", role: "qa_panel_member", organisation: "Primary Improvement Board" },
  { email: "lead@arden.demo", role: "consortium_lead", organisation: "Avon Valley Primary Consortium" },
  { email: "head@arden.demo", role: "headteacher", organisation: "" },
  { email: "sbm@arden.demo", role: "school_business_manager", organisation: "" },
  { email: "provider@arden.demo", role: "provider_admin", organisation: "Arden Education Services" },
  { email: "provider.staff@arden.demo", role: "provider_staff", organisation: "Kingsbury Teaching School Alliance" },
  // Glan Teifi reads the service in Welsh, its default: the page comes in Welsh once signed in.
  { email: "la.admin@glanteifi.demo", role: "la_admin", organisation: "Glan Teifi", locale: "cy" },
];

describe("every demo role signs in", () => {
  const browser = testBrowser();

  for (const person of DEMO_ROLES) {
    it(`the ${t(`role.${person.role}`)} (${person.email}) signs in and sees their organisations and roles`, async () => {
      const words = (key: "home.title" | "home.organisations" | `role.${Role}`) => t(key, undefined, person.locale ?? "en");
      const page = await newPage(browser);
      await signInThroughForm(page, person.email);
      await page.getByRole("heading", { level: 1, name: words("home.title") }).waitFor();
      const organisations = page.locator(`h2:has-text("${words("home.organisations")}") + form`);
      await expectLocator(organisations).toContainText(words(`role.${person.role}`));
      if (person.organisation) await expectLocator(organisations).toContainText(person.organisation);
      await expectAccessible(page);
      await closePage(page);
    });
  }

  it("a user of one authority gets 404 for an organisation of the other", async () => {
    const arden = await newPage(browser);
    await signIn(arden, "la.admin@arden.demo");
    await arden.goto("/organisations");
    const membersLink = await arden.locator('a[href^="/organisations/"][href$="/members"]').first().getAttribute("href");
    expect(membersLink).toMatch(/^\/organisations\/[0-9a-f-]{36}\/members$/);
    const own = await arden.goto(membersLink!);
    expect(own?.status()).toBe(200);

    const wales = await newPage(browser);
    await signIn(wales, "la.admin@glanteifi.demo");
    const foreign = await wales.goto(membersLink!);
    expect(foreign?.status()).toBe(404);
    // Glan Teifi reads the service in Welsh by default.
    await expectLocator(wales.getByRole("heading", { level: 1 })).toHaveText("Heb ddod o hyd i’r dudalen");
  });
});
