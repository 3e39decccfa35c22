import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, expectNoPastDateHint, expectNoSidewaysScroll, fillPriceTier, signedInPage, testBrowser } from "./browser";

const TITLE = "Number sense in Reception";
const browser = testBrowser();

const as = (email: string, options?: { javaScript?: boolean }) => signedInPage(browser, email, options);

async function fillOffer(page: Page, evidence: string) {
  await page.getByLabel("Title", { exact: true }).fill(TITLE);
  await page.getByLabel("Summary", { exact: true }).fill("Training and resources so that every Reception child leaves with secure number sense.");
  await page.getByLabel("Description", { exact: true }).fill("Two twilight sessions for Reception teams, then a visit to see the approach in action.");
  const subjects = page.getByRole("group", { name: "Subject areas" });
  await subjects.getByRole("checkbox", { name: "Numeracy", exact: true }).check();
  await subjects.getByRole("checkbox", { name: "Early years", exact: true }).check();
  await page.getByRole("group", { name: "Phases" }).getByRole("checkbox", { name: "Primary", exact: true }).check();
  await page.getByRole("radio", { name: "In school", exact: true }).check();
  await page.getByLabel("Duration", { exact: true }).fill("Two twilights and one visit");
  await page.getByLabel("Minimum capacity").fill("1");
  await page.getByLabel("Maximum capacity").fill("25");
  await page.getByRole("radio", { name: "Per school", exact: true }).check();
  await fillPriceTier(page, 1, { from: "1", to: "4", price: "900" });
  await fillPriceTier(page, 2, { from: "5", to: "9", price: "750" });
  await fillPriceTier(page, 3, { from: "10", price: "600" });
  await page.getByLabel("LA-maintained schools").selectOption("outside_scope");
  await page.getByLabel("Academies").selectOption("standard");
  await page.getByLabel("Other buyers").selectOption("standard");
  await page.getByLabel("Intended outcomes").fill("Children count, compare and compose numbers to 10 with confidence.");
  await page.getByLabel("Evidence behind the outcomes").fill(evidence);
  await page.getByRole("radio", { name: "Promising", exact: true }).check();
  await page.getByRole("checkbox", { name: "Autumn", exact: true }).check();
  await page.getByLabel("Delivery arrangements").fill("Dates agreed with each school.");
  await page.getByLabel("Cancellation terms").fill("Full refund up to 14 days before.");
}

async function openReview(page: Page) {
  await page.getByRole("link", { name: "QA reviews", exact: true }).click();
  const link = page.getByRole("link", { name: TITLE });
  await link.waitFor();
  // The queue of reviews fits the window too.
  await expectNoSidewaysScroll(page);
  await link.click();
}

async function review(email: string, { expectChange }: { expectChange?: string } = {}) {
  const page = await as(email);
  await openReview(page);
  if (expectChange) {
    await page.getByRole("heading", { name: "What changed since revision 1" }).waitFor();
    await expectLocator(page.getByRole("table").first()).toContainText(expectChange);
  }
  await page.getByRole("button", { name: "Take this review" }).click();
  await page.getByRole("alert").filter({ hasText: "You have taken this review." }).waitFor();
  for (const criterion of ["Evidence of impact", "Fit with priorities", "Value for money", "Provider credibility and safeguarding", "Clarity of outcomes"]) {
    await page
      .getByRole("group", { name: `Score for ${criterion}` })
      .getByRole("radio", { name: "3" })
      .check();
    await page.getByLabel(`Comment on ${criterion}`).fill("Sound and clearly explained.");
  }
  await expectAccessible(page);
  // A reviewer's own recommendation is a question of their form; other people's reviews are not on their page.
  await expectLocator(page.getByRole("group", { name: "Your recommendation" })).toBeVisible();
  await expectLocator(page.getByRole("heading", { level: 2, name: "Reviews", exact: true })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Overall comment").fill("A focused offer that our schools need.");
  await page.getByRole("radio", { name: "Approve", exact: true }).check();
  await page.getByRole("button", { name: "Submit your review" }).click();
  await page.getByText("You submitted your review.").waitFor();
  await page.getByRole("alert").filter({ hasText: "Your review is submitted." }).waitFor();
  await closePage(page);
}

async function decide(decision: "Approve" | "Request changes", comments?: string) {
  const page = await as("chair@arden.demo");
  await page.setViewportSize({ width: 1280, height: 800 });
  await openReview(page);
  await expectAccessible(page);
  // The panel's reviews fit a 1280 px screen: one card per reviewer, each recommendation labelled as theirs, not the chair's.
  await expectNoSidewaysScroll(page);
  const cards = page.locator(".govuk-summary-card");
  await expectLocator(cards).toHaveCount(2);
  for (const reviewer of ["Tom Bradshaw", "Aisha Rahman"]) {
    const card = cards.filter({ has: page.getByRole("heading", { level: 3, name: reviewer }) });
    await expectLocator(card.locator(".govuk-summary-list__row", { hasText: "Recommendation" }).locator("dd")).toHaveText("Approve");
  }
  expect(await cards.getByText("Your recommendation").count()).toBe(0);
  await page.getByRole("radio", { name: decision, exact: true }).check();
  if (comments) await page.getByLabel("Comments for the provider").fill(comments);
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.getByText(decision === "Approve" ? "Decided: Approved" : "Decided: Changes requested").waitFor();
  await page
    .getByRole("alert")
    .filter({
      hasText: decision === "Approve" ? "The offer is approved and the provider has been told." : "Changes are requested and the provider has been told.",
    })
    .waitFor();
  await closePage(page);
}

describe("quality assurance of a new offer", () => {
  it("a provider drafts an offer and submits it for review", async () => {
    const page = await as("teaching.school@arden.demo");
    await page.getByRole("link", { name: "Your offers", exact: true }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create an offer" }).click();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expectLocator(page.getByRole("alert")).toContainText("Enter a title");
    await expectAccessible(page);
    await fillOffer(page, "Piloted in six Arden schools last year.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await page.getByText("Submitted", { exact: true }).first().waitFor();
    await page.getByRole("alert").filter({ hasText: "The offer is submitted for review." }).waitFor();
    await expectAccessible(page);
    await closePage(page);
  });

  it("two heads review it and the chair asks for changes", async () => {
    await review("panel.one@arden.demo");
    await review("panel.two@arden.demo");
    await decide("Request changes", "Please show the impact on children's attainment, not only teachers' views.");
  });

  it("the provider edits and resubmits, the reviewers see what changed, and the chair approves", async () => {
    const page = await as("teaching.school@arden.demo");
    await page.getByRole("link", { name: "Your offers", exact: true }).click();
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByText("Please show the impact on children's attainment").waitFor();
    await page
      .getByRole("button", { name: "Edit" })
      .or(page.getByRole("link", { name: "Edit" }))
      .first()
      .click();
    await expectAccessible(page);
    await page.getByLabel("Evidence behind the outcomes").fill("In six Arden schools, 84% of children met the early learning goal for number, up from 71%.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByText("Revision 2", { exact: true }).first().waitFor();
    await closePage(page);

    await review("panel.one@arden.demo", { expectChange: "84% of children" });
    await review("panel.two@arden.demo", { expectChange: "84% of children" });
    await decide("Approve");

    const provider = await as("teaching.school@arden.demo");
    await provider.getByRole("link", { name: "Your offers", exact: true }).click();
    const row = provider.getByRole("row", { name: new RegExp(TITLE) });
    await expectLocator(row).toContainText("On sale until");
    await closePage(provider);
  });

  it("an LA administrator sees the providers to verify, on an accessible page", async () => {
    const admin = await as("la.admin@arden.demo");
    await admin.goto("/authority/providers");
    await admin.getByRole("heading", { level: 1, name: "Providers" }).waitFor();
    await expectAccessible(admin);
    await closePage(admin);
  });

  it("a commissioner publishes a need, refused first for a closing date in the past", async () => {
    const commissioner = await as("commissioner@arden.demo");
    await commissioner.getByRole("link", { name: "Commissioning", exact: true }).click();
    await expectAccessible(commissioner);
    await commissioner.getByRole("link", { name: "Number sense in Reception" }).click();
    await expectAccessible(commissioner);
    await commissioner.goto("/commissioning/needs/new");
    await expectNoPastDateHint(commissioner);
    await commissioner.getByLabel("Subject area").selectOption("numeracy");
    await commissioner.getByRole("checkbox", { name: "Primary", exact: true }).check();
    await commissioner.getByLabel("What is wanted, in a line").fill("Early number in Reception");
    await commissioner.getByLabel("What is wanted", { exact: true }).fill("Support for Reception teams in the north of the county.");
    await commissioner.getByLabel("Budget (£, optional)").fill("15000");
    await commissioner.getByLabel("Day", { exact: true }).fill("1");
    await commissioner.getByLabel("Month", { exact: true }).fill("1");
    await commissioner.getByLabel("Year", { exact: true }).fill("2000");
    await commissioner.getByRole("button", { name: "Publish the need" }).click();
    await expectLocator(commissioner.getByRole("alert")).toContainText("The closing date must be today or in the future");
    await expectAccessible(commissioner);
    await commissioner.getByLabel("Year", { exact: true }).fill("2099");
    await commissioner.getByRole("button", { name: "Publish the need" }).click();
    await commissioner.getByRole("heading", { level: 1, name: "Early number in Reception" }).waitFor();
    await commissioner.getByRole("alert").filter({ hasText: "The need is published. Providers can now answer it." }).waitFor();
    await expectAccessible(commissioner);
    // The needs list names its columns, not the form's labels: "Budget", never "Budget (£, optional)".
    await commissioner.goto("/commissioning");
    const needs = commissioner.locator("main table", { has: commissioner.getByRole("link", { name: "Early number in Reception" }) });
    const headings = (await needs.locator("th").allTextContents()).map((h) => h.trim());
    expect(headings).toContain("Budget");
    for (const heading of headings) expect(heading).not.toMatch(/optional|\(£/);
    await closePage(commissioner);
  });

  it("a provider answers the need without JavaScript", async () => {
    const provider = await as("teaching.school@arden.demo", { javaScript: false });
    await provider.goto("/provider/needs");
    await provider.getByLabel("Calls for offers", { exact: true }).selectOption({ label: "Early number in Reception" }, { timeout: 5000 });
    await provider.getByLabel("Your offers", { exact: true }).selectOption({ label: TITLE }, { timeout: 5000 });
    await provider.getByRole("button", { name: "Send your answer" }).click();
    await provider.getByText(`You answered with: ${TITLE}`).waitFor();
    await provider.getByRole("alert").filter({ hasText: "Your answer is sent to the authority." }).waitFor();
    await closePage(provider);
    // axe runs its script in the page, so the accessibility check runs with JavaScript on.
    const checked = await as("teaching.school@arden.demo");
    await checked.goto("/provider/needs");
    await expectAccessible(checked);
    await closePage(checked);
  });
});
