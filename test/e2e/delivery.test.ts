import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, expectNoPastDateHint, fillDate, inDays, signedInPage, testBrowser } from "./browser";

const browser = testBrowser();

const as = (email: string, options?: { javaScript?: boolean }) => signedInPage(browser, email, options);

async function doneBanner(page: Page, text: string) {
  await expectLocator(page.getByRole("alert").getByText(text)).toBeVisible();
}

describe("after the sale: delivery and evaluation", () => {
  it("a provider books a session for an order and marks it delivered", async () => {
    const provider = await as("provider@arden.demo");
    await provider.getByRole("link", { name: /Orders to schedule and deliver/ }).click();
    await provider.waitForURL(/\/provider\/orders$/);
    const toDeliver = provider
      .locator("tbody tr")
      .filter({ hasText: "Paid" })
      .or(provider.locator("tbody tr").filter({ hasText: "Awaiting payment" }));
    await toDeliver.first().getByRole("link").first().click();
    await provider.getByRole("link", { name: "Delivery and sessions" }).click();
    await provider.getByRole("heading", { level: 1, name: "Delivery" }).waitFor();
    await expectAccessible(provider);
    await expectNoPastDateHint(provider);

    await fillDate(provider, "Date of the session", inDays(21));
    await provider.getByLabel("Start time").fill("25:00");
    await provider.getByRole("button", { name: "Book the session" }).click();
    // A time that does not exist is refused beside the field, and nothing is booked.
    await expectLocator(provider.locator(".govuk-error-summary")).toContainText("Enter the start time as hours and minutes, like 09:30");
    await provider.getByLabel("Start time").fill("14:15");
    await provider.getByLabel("Venue", { exact: true }).fill("Arden Teachers’ Centre, Warwick");
    await provider.getByLabel("Number of places").fill("12");
    await provider.getByRole("button", { name: "Book the session" }).click();
    await doneBanner(provider, "The session has been booked and the school told.");
    await expectLocator(provider.getByRole("heading", { level: 3, name: /2:15pm/ })).toBeVisible();

    await provider.getByRole("button", { name: "Mark as delivered" }).click();
    await provider.getByRole("heading", { name: /^Mark .+ delivered to .+\?$/ }).waitFor();
    await provider.getByRole("button", { name: "Yes, mark it delivered" }).click();
    await doneBanner(provider, "The order has been marked delivered and the school asked to evaluate it.");
    await expect.poll(() => provider.locator("dl").first().innerText(), { timeout: 10_000 }).toMatch(/Delivered on \d{1,2} \w+ \d{4}/);
    await expectAccessible(provider);
    await closePage(provider);
  }, 240_000);

  it("a head evaluates delivered support without JavaScript", async () => {
    const head = await as("head@arden.demo", { javaScript: false });
    await head.getByRole("link", { name: /Evaluate delivered support/ }).click();
    await head.waitForURL(/\/evaluations$/);
    await head.locator("main ul.govuk-list").getByRole("link").first().click();
    await head.getByRole("heading", { level: 1, name: "Evaluation" }).waitFor();

    // Nothing chosen: every question is asked again, nothing is written.
    await head.getByRole("button", { name: "Send the evaluation" }).click();
    await expectLocator(head.locator(".govuk-error-summary")).toContainText("Enter the improvement priorities the support was for");

    await head.getByLabel("Which of your school’s improvement priorities was this support for?").fill("Consistent phonics teaching in Key Stage 1");
    await head.getByRole("group", { name: "Quality of the support" }).getByLabel("4 – Excellent").check();
    await head.getByRole("group", { name: "Impact on your priorities" }).getByLabel("3 – Good").check();
    await head.getByRole("group", { name: "Value for money" }).getByLabel("3 – Good").check();
    await head.getByRole("group", { name: "Would you recommend it to another school?" }).getByLabel("Yes").check();
    await head.getByRole("button", { name: "Send the evaluation" }).click();
    await doneBanner(head, "Thank you: your evaluation has been sent to your challenge adviser.");
    await expectLocator(head.getByText("Waiting for the adviser")).toBeVisible();
    await closePage(head);
  }, 240_000);

  it("an adviser reads an evaluation from one of their schools and signs it off", async () => {
    const adviser = await as("adviser@arden.demo");
    await adviser.getByRole("link", { name: /Evaluations to sign off/ }).click();
    await adviser.waitForURL(/\/evaluations$/);
    await expectAccessible(adviser);
    await adviser.locator("tbody tr").filter({ hasText: "Waiting for the adviser" }).first().getByRole("link").click();
    await adviser.getByRole("heading", { level: 1, name: "Evaluation" }).waitFor();
    await adviser.getByRole("button", { name: "Sign it off" }).click();
    await doneBanner(adviser, "The evaluation has been signed off.");
    await expectLocator(adviser.locator("dl").getByText("Signed off", { exact: true })).toBeVisible();
    await expectAccessible(adviser);
    await closePage(adviser);
  }, 240_000);

  it("a school sees an offer's rating in search, on its page and in compare", async () => {
    const head = await as("head@arden.demo");
    await head.goto("/catalogue?minRating=3&sort=rating");
    const first = head.locator(".app-results > li").first();
    const rating = /\d(?:\.\d+)? out of 4 from \d+ evaluations?/.exec(await first.innerText())?.[0];
    expect(rating).toBeTruthy();
    await first.getByRole("link").first().click();
    await head.getByRole("heading", { name: "Schools’ ratings" }).waitFor();
    await expectLocator(head.getByRole("table", { name: "Evaluations by overall score" })).toBeVisible();
    await expectAccessible(head);
    // Shortlisted, the offer is compared with its rating beside the others'.
    const title = (await head.getByRole("heading", { level: 1 }).innerText()).trim();
    const add = head.getByRole("button", { name: `Add to shortlist – ${title}`, exact: true });
    if (await add.isVisible()) {
      await add.click();
      await head.getByRole("alert").filter({ hasText: "The offer is added to your shortlist." }).waitFor();
    }
    await head.goto("/catalogue/compare");
    await head.getByRole("heading", { level: 1, name: "Compare offers" }).waitFor();
    const table = head.getByRole("table", { name: "Your shortlisted offers" });
    const columns = (await table.locator("thead th, thead td").allInnerTexts()).map((c) => c.trim());
    const column = columns.indexOf(title);
    expect(column, columns.join(" | ")).toBeGreaterThan(0);
    const ratingRow = table.getByRole("row").filter({ hasText: "Schools’ rating" });
    await expectLocator(ratingRow.locator("th, td").nth(column)).toHaveText(rating!);
    await expectAccessible(head);
    await closePage(head);
  }, 240_000);
});
