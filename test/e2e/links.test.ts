import { describe, expect, it } from "vitest";
import { newPage, signIn, testBrowser } from "./browser";
import { DEMO_PEOPLE } from "./demo-people";

describe("no link refuses the person it is shown to", () => {
  const browser = testBrowser();

  for (const email of DEMO_PEOPLE) {
    it(`${email} opens every link of the service navigation and of their home page`, async () => {
      const page = await newPage(browser);
      await signIn(page, email);
      await page.goto("/");
      const hrefs = async (selector: string) =>
        (await page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))).filter((href) => href.startsWith("/"));
      const navigation = await hrefs(".govuk-service-navigation a[href]");
      const home = await hrefs("main a[href]");
      expect(navigation.length, "the navigation offers something").toBeGreaterThan(1);
      const failures: string[] = [];
      for (const href of new Set([...navigation, ...home])) {
        // Not followed: a redirect to the sign-in page or elsewhere is a refusal too.
        const response = await page.request.get(href, { maxRedirects: 0 });
        if (response.status() !== 200) failures.push(`${href}: ${response.status()}`);
      }
      expect(failures).toEqual([]);
      await page.context().close();
    });
  }
});
