// GOV.UK's error summary after a failed submission: focus, view, links to the fields and the title's "Error: " prefix.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, fillPriceTier, newPage, signIn, testBrowser, whenHydrated } from "./browser";

const browser = testBrowser();

const focused = (page: Page) => page.evaluate(() => ({ className: document.activeElement?.className ?? "", id: document.activeElement?.id ?? "" }));
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });

describe("a form that comes back with errors", () => {
  it("with JavaScript, a commissioner publishing an empty need is taken to the summary, and from it to the field", async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1280, height: 600 });
    await signIn(page, "commissioner@arden.demo");
    await page.goto("/commissioning/needs/new");
    expect(await page.title()).toBe("Publish a need – School Improvement Marketplace");
    await page.getByRole("button", { name: "Publish the need" }).click();
    await page.getByRole("alert").getByText("There is a problem").waitFor();
    // The button was far below the summary: focus and the view have moved up to it.
    await expect.poll(() => focused(page)).toMatchObject({ className: expect.stringContaining("govuk-error-summary") });
    await expect.poll(() => inView(page, ".govuk-error-summary")).toBe(true);
    await expect.poll(() => page.title()).toBe("Error: Publish a need – School Improvement Marketplace");
    // A link in the summary puts the cursor in its field.
    await page.getByRole("alert").getByRole("link", { name: "Enter what is wanted, in a line" }).click();
    await expect.poll(() => focused(page)).toMatchObject({ id: "title" });
    // Put right and submitted again with another mistake: the summary takes focus again.
    await page.getByLabel("What is wanted, in a line").fill("Reading in key stage 2");
    await page.getByRole("button", { name: "Publish the need" }).focus();
    await page.getByRole("button", { name: "Publish the need" }).click();
    await expect.poll(() => focused(page)).toMatchObject({ className: expect.stringContaining("govuk-error-summary") });
    await expect.poll(() => page.getByRole("alert").getByRole("link", { name: "Enter what is wanted, in a line" }).count()).toBe(0);
    await expect.poll(() => page.title()).toBe("Error: Publish a need – School Improvement Marketplace");
    await closePage(page);
  });

  it("without JavaScript, the page that comes back says Error in its title and lists the errors", async () => {
    const page = await newPage(browser, { javaScript: false });
    page.setDefaultTimeout(15_000);
    await page.goto("/sign-in");
    expect(await page.title()).toBe("Sign in – School Improvement Marketplace");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("There is a problem").waitFor();
    expect(await page.title()).toBe("Error: Sign in – School Improvement Marketplace");
    await signIn(page, "commissioner@arden.demo");
    await page.goto("/commissioning/needs/new");
    await page.getByLabel("What is wanted, in a line").fill("Reading\u0007");
    await page.getByRole("button", { name: "Publish the need" }).click();
    await page.getByText("There is a problem").waitFor();
    expect(await page.title()).toBe("Error: Publish a need – School Improvement Marketplace");
    expect(await page.locator(".govuk-error-summary").getByRole("link").allTextContents()).toContain(
      "The title must not contain hidden control characters. Type it again or paste it as plain text",
    );
    await closePage(page);
  });

  it("without JavaScript, bad price tiers come back with the summary, each message by its tier's field and what was typed kept", async () => {
    const page = await newPage(browser, { javaScript: false });
    page.setDefaultTimeout(15_000);
    await signIn(page, "provider@arden.demo");
    await page.goto("/provider/offers/new");
    await page.getByLabel("Title", { exact: true }).fill("Tiered phonics");
    await fillPriceTier(page, 1, { from: "1", to: "4", price: "900" });
    await fillPriceTier(page, 2, { from: "5", to: "ten", price: "£7x" });
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.getByText("There is a problem").waitFor();
    expect(await page.title()).toBe("Error: Create an offer – School Improvement Marketplace");
    const max = "Tier 2: enter the largest number of schools as a whole number up to 100000, or leave it blank for no limit";
    const links = page.locator(".govuk-error-summary").getByRole("link");
    expect(await links.allTextContents()).toEqual([max, "Tier 2: enter a price in pounds, like 900 or 899.50, more than £0"]);
    expect(await links.first().getAttribute("href")).toBe("#tiers[1].max");
    expect(await page.locator('[id="tiers[1].max-error"]').textContent()).toContain(max);
    expect(await page.getByLabel("Tier 2: To (schools)").getAttribute("aria-describedby")).toBe("tiers[1].max-error");
    expect(await page.getByLabel("Tier 2: To (schools)").inputValue()).toBe("ten");
    expect(await page.getByLabel("Tier 1: Price each (£)").inputValue()).toBe("900");
    await closePage(page);
  });

  it("with JavaScript, the offer form checks a tier as it is left and stops a bad form in the browser, with the summary focused", async () => {
    const page = await newPage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, "provider@arden.demo");
    await page.goto("/provider/offers/new");
    await whenHydrated(page);
    // The schema arrives after the page has come to life.
    await page.waitForLoadState("networkidle");
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.getByLabel("Tier 1: From (schools)").fill("3");
    await page.getByLabel("Tier 1: To (schools)").fill("2");
    await page.getByLabel("Tier 1: Price each (£)").focus();
    const below = "Tier 1: the largest number of schools must be at least the smallest";
    await expect.poll(() => page.locator('[id="tiers[0].max-error"]').textContent()).toContain(below);
    // Left, not submitted: the message is by the field and no summary has taken focus.
    expect(await page.locator(".govuk-error-summary").count()).toBe(0);
    expect(await focused(page)).toMatchObject({ id: "tiers[0].price" });
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.getByRole("alert").getByText("There is a problem").waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ className: expect.stringContaining("govuk-error-summary") });
    expect(await page.locator(".govuk-error-summary").getByRole("link").allTextContents()).toEqual(expect.arrayContaining(["Enter a title", below]));
    expect(posts).toEqual([]);
    // Put right, the message goes as the field is left again.
    await page.getByLabel("Tier 1: To (schools)").fill("4");
    await page.getByLabel("Tier 1: Price each (£)").focus();
    await expect.poll(() => page.locator('[id="tiers[0].max-error"]').count()).toBe(0);
    await closePage(page);
  });
});
