import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectLocator, launchBrowser, newPage, signIn } from "./browser";

// The named demo sign-ins, one per role, and an organisation each one must see on their home page.
const DEMO_ROLES = [
  { email: "la.admin@arden.demo", role: "local authority administrator", organisation: "Arden County Council School Improvement" },
  { email: "finance@arden.demo", role: "local authority finance officer", organisation: "Arden County Council School Improvement" },
  { email: "commissioner@arden.demo", role: "commissioner", organisation: "Arden County Council School Improvement" },
  { email: "adviser@arden.demo", role: "challenge adviser", organisation: "Arden County Council School Improvement" },
  { email: "chair@arden.demo", role: "QA panel member", organisation: "Primary Improvement Board" },
  { email: "panel.one@arden.demo", role: "QA panel member", organisation: "Primary Improvement Board" },
  { email: "lead@arden.demo", role: "consortium lead", organisation: "Avon Valley Primary Consortium" },
  { email: "head@arden.demo", role: "headteacher", organisation: "" },
  { email: "sbm@arden.demo", role: "school business manager", organisation: "" },
  { email: "provider@arden.demo", role: "provider administrator", organisation: "Arden Education Services" },
  { email: "provider.staff@arden.demo", role: "provider staff", organisation: "Kingsbury Teaching School Alliance" },
  { email: "la.admin@glanteifi.demo", role: "local authority administrator", organisation: "Glan Teifi" },
];

describe("every demo role signs in", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const person of DEMO_ROLES) {
    it(`the ${person.role} (${person.email}) signs in and sees their organisations and roles`, async () => {
      const page = await newPage(browser);
      await signIn(page, person.email);
      await page.getByRole("heading", { level: 1, name: "Your marketplace" }).waitFor();
      const organisations = page.locator("h2:has-text('Your organisations and roles') + form");
      await expectLocator(organisations).toContainText(person.role);
      if (person.organisation) await expectLocator(organisations).toContainText(person.organisation);
      await expectAccessible(page);
      await page.context().close();
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
