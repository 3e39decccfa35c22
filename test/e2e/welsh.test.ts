import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { closePage, expectAccessible, expectLocator, newPage, signIn, testBrowser } from "./browser";

const WELSH_MONTH = /\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/;
const ENGLISH_MONTH = /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;

const pageLanguage = (page: Page) => page.locator("html").getAttribute("lang");
const languageSwitch = (page: Page, name: "Language" | "Iaith") => page.getByRole("navigation", { name });

/** Follows the switch's link to the other language and waits for the page to come back in it. */
async function switchTo(page: Page, language: "English" | "Cymraeg") {
  const path = new URL(page.url()).pathname;
  await page.getByRole("link", { name: language, exact: true }).click();
  const lang = language === "English" ? "en" : "cy";
  await expect.poll(async () => [new URL(page.url()).pathname, await pageLanguage(page).catch(() => null)], { timeout: 10_000 }).toEqual([path, lang]);
  // The page it comes back to says so, in the language chosen.
  await expectLocator(page.locator('[aria-labelledby="app-done-title"]')).toContainText(
    lang === "en" ? "You are now reading this service in English." : "Rydych chi nawr yn darllen y gwasanaeth hwn yn Gymraeg.",
  );
}

describe("a Glan Teifi administrator reads the service in Welsh", () => {
  const browser = testBrowser();

  it("a Glan Teifi headteacher who has never chosen a language reads the service in Welsh, the authority's default", async () => {
    const page = await newPage(browser);
    await signIn(page, "head@glanteifi.demo");
    expect(await pageLanguage(page)).toBe("cy");
    await closePage(page);
  });

  for (const javaScript of [true, false]) {
    it(`reads pages in Welsh, switches to English on the same page and back${javaScript ? "" : ", without JavaScript"}`, async () => {
      const page = await newPage(browser, { javaScript });
      await signIn(page, "la.admin@glanteifi.demo");
      await page.goto("/authority/providers");
      // Other stories may have chosen English for this shared demo person: choose Welsh, as anyone would.
      if ((await pageLanguage(page)) === "en") await switchTo(page, "Cymraeg");
      expect(await pageLanguage(page)).toBe("cy");
      const welshSwitch = languageSwitch(page, "Iaith");
      await expectLocator(welshSwitch.locator('[aria-current="true"][lang="cy"]')).toHaveText("Cymraeg");
      const english = welshSwitch.getByRole("link", { name: "English" });
      expect(await english.getAttribute("lang")).toBe("en");
      expect(await english.getAttribute("hreflang")).toBe("en");
      await expectLocator(page.locator("main")).toHaveText(WELSH_MONTH);
      // axe runs in the page, so it checks the pages with JavaScript on.
      if (javaScript) await expectAccessible(page);

      await switchTo(page, "English");
      await expectLocator(languageSwitch(page, "Language").locator('[aria-current="true"][lang="en"]')).toHaveText("English");
      await expectLocator(page.locator("main")).toHaveText(ENGLISH_MONTH);
      if (javaScript) await expectAccessible(page);

      // Chosen for the person, not only this browser: a new sign-in elsewhere is in English too.
      const elsewhere = await newPage(browser, { javaScript });
      await signIn(elsewhere, "la.admin@glanteifi.demo");
      expect(await pageLanguage(elsewhere)).toBe("en");
      await closePage(elsewhere);

      await switchTo(page, "Cymraeg");
      await expectLocator(page.locator("main")).toHaveText(WELSH_MONTH);
      await closePage(page);
    });
  }

  it("a visitor who is not signed in chooses Welsh on the sign-in page and keeps it", async () => {
    const page = await newPage(browser, { javaScript: false });
    await page.goto("/sign-in");
    expect(await pageLanguage(page)).toBe("en");
    await switchTo(page, "Cymraeg");
    await page.reload();
    expect(await pageLanguage(page)).toBe("cy");
    await closePage(page);

    const withScripts = await newPage(browser);
    await withScripts.goto("/sign-in");
    await switchTo(withScripts, "Cymraeg");
    await expectAccessible(withScripts);
    await closePage(withScripts);
  });
});
