import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, demoPassword, expectAccessible, expectLocator, newPage, signIn, signInThroughForm, testBrowser } from "./browser";

const ADMIN = "la.admin@arden.demo";
const OFFICE = "Arden County Council School Improvement";
const INVITED = `You have been invited to ${OFFICE}`;
let counter = 0;
const uniqueEmail = (who: string) => `${who}.${Date.now()}.${++counter}@example.org`;

/** A page that fails a step after 15 seconds, with the step named, rather than at the test's timeout. */
async function open(browser: Browser, options?: { javaScript?: boolean }) {
  const page = await newPage(browser, options);
  page.setDefaultTimeout(15_000);
  return page;
}

/** Axe runs inside the page, so pages seen without JavaScript are checked again in a browser with it. */
async function expectAccessibleAt(browser: Browser, path: string) {
  const page = await open(browser);
  await page.goto(path);
  await expectAccessible(page);
  await closePage(page);
}

/** The administrator invites someone to the authority's office as a challenge adviser, from the home page. */
async function invite(browser: Browser, name: string, email: string) {
  const page = await open(browser);
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: `Members of ${OFFICE}` }).click();
  await page.getByRole("heading", { level: 1, name: `Members of ${OFFICE}` }).waitFor();
  await expectAccessible(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("challenge adviser").check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByText(`Invitation sent to ${email}`).waitFor();
  await expectLocator(page.getByRole("row", { name: new RegExp(name) }).getByText("Invited")).toBeVisible();
  await expectAccessible(page);
  await closePage(page);
}

/** Open the newest email with this subject to an address, in the local mailbox. */
async function openEmail(page: Page, email: string, subject: string) {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: subject }).first().click();
  await page.getByRole("heading", { level: 1, name: subject }).waitFor();
}

async function setPassword(page: Page, password: string, confirm = password) {
  await page.getByLabel("Create a password", { exact: true }).fill(password);
  await page.getByLabel("Confirm your password", { exact: true }).fill(confirm);
}

describe("identity journeys", () => {
  const browser = testBrowser();

  it("an LA administrator invites a colleague, who follows the emailed link from the mailbox without JavaScript, sets a password and is signed in", async () => {
    const email = uniqueEmail("new.adviser");
    await invite(browser, "Robin Adviser", email);

    const page = await open(browser, { javaScript: false });
    await openEmail(page, email, INVITED);
    const mailboxEmail = new URL(page.url()).pathname;
    await page
      .getByRole("link", { name: /\/invitation\// })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Set your password" }).waitFor();
    const invitation = new URL(page.url()).pathname;
    for (const path of [`/dev/mailbox?to=${encodeURIComponent(email)}`, mailboxEmail, invitation]) await expectAccessibleAt(browser, path);

    await setPassword(page, "river otter lantern cobble", "not the same password");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.getByRole("alert").getByText("Passwords must match").waitFor();
    await expectLocator(page.locator("#confirmPassword-error")).toContainText("Passwords must match");

    await setPassword(page, "river otter lantern cobble");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your marketplace" }).waitFor();
    await expectLocator(page.getByText(`Acting for ${OFFICE}`)).toBeVisible();
    await expectLocator(page.getByText("challenge adviser").first()).toBeVisible();

    // The link works once.
    await page.goto(invitation);
    await page.getByRole("heading", { level: 1, name: "This link does not work" }).waitFor();
    await expectLocator(page.getByText("This link has already been used")).toBeVisible();
    await expectAccessibleAt(browser, invitation);
  });

  it("a person who forgot their password resets it from the emailed link, without JavaScript", async () => {
    const email = uniqueEmail("forgetful");
    await invite(browser, "Sam Forgetful", email);
    const before = await open(browser);
    await openEmail(before, email, INVITED);
    await before
      .getByRole("link", { name: /\/invitation\// })
      .first()
      .click();
    await setPassword(before, "river otter lantern cobble");
    await before.getByRole("button", { name: "Set password and sign in" }).click();
    await before.getByRole("heading", { level: 1, name: "Your marketplace" }).waitFor();

    const page = await open(browser, { javaScript: false });
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Reset your password" }).waitFor();
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();

    await openEmail(page, email, "Reset your password");
    await page
      .getByRole("link", { name: /\/reset-password\// })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    await expectAccessibleAt(browser, new URL(page.url()).pathname);
    await setPassword(page, "harbour maple quartz drum");
    await page.getByRole("button", { name: "Save password and sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your marketplace" }).waitFor();

    // The session opened before the reset has ended; the new password works.
    await before.goto("/account");
    await before.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    const again = await open(browser, { javaScript: false });
    await signInThroughForm(again, email, "harbour maple quartz drum");
    expect(new URL(again.url()).pathname).toBe("/");

    // The forgotten-password pages themselves are accessible.
    await expectAccessibleAt(browser, "/forgot-password");
    const sent = await open(browser);
    await sent.goto("/forgot-password");
    await sent.getByLabel("Email address").fill(uniqueEmail("nobody"));
    await sent.getByRole("button", { name: "Send reset link" }).click();
    await sent.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
    await expectAccessible(sent);
  });

  it("someone who mistypes their password sees the error summary and the message by the field, with and without JavaScript", async () => {
    for (const javaScript of [true, false]) {
      const page = await open(browser, { javaScript });
      await page.goto("/sign-in");
      await page.getByLabel("Email address").fill(ADMIN);
      await page.getByLabel("Password").fill("this is not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      await summary.waitFor();
      await expectLocator(summary.getByRole("link", { name: "Enter a correct email address and password" })).toBeVisible();
      await expectLocator(page.locator("#email-error")).toContainText("Enter a correct email address and password");
      expect(await page.getByLabel("Email address").inputValue()).toBe(ADMIN);
      if (javaScript) {
        await expectAccessible(page);
      } else {
        // Rendered afresh by the server: the password is never sent back.
        expect(await page.getByLabel("Password").inputValue()).toBe("");
      }
      await closePage(page);
    }
    await expectAccessibleAt(browser, "/sign-in");
    const page = await open(browser);
    await signInThroughForm(page, ADMIN, demoPassword());
    expect(new URL(page.url()).pathname).toBe("/");
  });

  it("a signed-in person signs out everywhere from their account page, and lands back at sign-in", async () => {
    const elsewhere = await open(browser);
    await signIn(elsewhere, ADMIN);
    await elsewhere.goto("/account");
    await elsewhere.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await expectAccessible(elsewhere);

    const page = await open(browser, { javaScript: false });
    await page.goto("/account");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByLabel("Email address").fill(ADMIN);
    await page.getByLabel("Password").fill(demoPassword());
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByText("You have been signed out on every device.").waitFor();

    await elsewhere.goto("/account");
    await elsewhere.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  });
});
