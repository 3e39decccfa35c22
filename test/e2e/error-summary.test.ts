// GOV.UK's error summary after a failed submission: focus, view, links to the fields and the title's "Error: " prefix.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

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
    await page.context().close();
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
    await page.context().close();
  });
});
