// A page comes to life with the messages it was rendered with (app/i18n/page-messages.server.ts): no
// catalogue script before the reader moves on, the same words after hydration, and the words of a page
// reached without a reload once the catalogue has come.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages-en";
import { baseUrl, closePage, expectLocator, signedInPage, signIn, testBrowser, whenHydrated } from "./browser";

const KEYS = Object.keys(en);
const CATALOGUE_SCRIPT = /\/assets\/(en|cy)-[^/]+\.js$/;

/** What went wrong in the page's script: a hydration mismatch is logged as an error. */
function problemsOf(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${new URL(page.url()).pathname}: ${message.text().slice(0, 200)}`);
  });
  page.on("pageerror", (error) => problems.push(`${new URL(page.url()).pathname}: ${error.message.slice(0, 200)}`));
  return problems;
}

/** Message keys shown where their words should be: an element whose whole text is a key. */
const keysShown = async (page: Page) => {
  const texts: string[] = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const whole = node.parentElement?.textContent?.trim();
      if (node.textContent?.trim() && whole) found.push(whole);
    }
    return found;
  });
  const keys = new Set(KEYS);
  return texts.filter((text) => keys.has(text));
};

describe("a page brings its own messages", () => {
  const browser = testBrowser();

  for (const [email, lang, link] of [
    ["head@arden.demo", "en", "Your account"],
    ["head@glanteifi.demo", "cy", "Eich cyfrif"],
  ] as const) {
    it(`in ${lang}: hydrates without the catalogue, says the same words, and says the next page's once it has come`, async () => {
      const page = await signedInPage(browser, email, { fresh: true });
      const problems = problemsOf(page);
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
      });

      const response = await page.goto("/catalogue/compare");
      const html = (await response!.text()) ?? "";
      expect(html).toMatch(/<script type="application\/json" id="page-messages" nonce="[^"]+">/);
      await whenHydrated(page);
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      const before = await page.locator("main h1").innerText();
      // React rendered the page again in the browser and found the same words (a mismatch is logged as an error).
      expect(problems).toEqual([]);
      expect(await keysShown(page)).toEqual([]);
      expect(scripts.filter((src) => CATALOGUE_SCRIPT.test(src))).toEqual([]);

      // Another page, without a reload: its words come with the catalogue.
      await page.getByRole("link", { name: link }).first().click();
      await page.waitForURL((url) => url.pathname === "/account");
      // The address changes before the next page has rendered: wait for its heading to replace this one.
      await expectLocator(page.locator("main h1")).toHaveText(/\S/);
      await expectLocator(page.locator("main h1")).notToHaveText(before);
      expect(await keysShown(page)).toEqual([]);
      expect(scripts.filter((src) => CATALOGUE_SCRIPT.test(src)).map((src) => src.match(CATALOGUE_SCRIPT)![1])).toEqual([lang]);
      expect(problems).toEqual([]);
      await closePage(page);
    });
  }

  // Every page of their navigation, each loaded whole: it hydrates with its own messages and dates alone.
  for (const email of ["la.admin@arden.demo", "provider@arden.demo", "la.admin@glanteifi.demo"]) {
    it(`${email}: every page of the navigation comes to life with the words it was rendered with`, async () => {
      const page = await signedInPage(browser, email);
      const problems = problemsOf(page);
      await page.goto("/");
      const links = await page.locator(".govuk-service-navigation a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      expect(links.length).toBeGreaterThan(1);
      for (const href of ["/", ...new Set(links)]) {
        await page.goto(href);
        await whenHydrated(page);
        expect(await keysShown(page), href).toEqual([]);
      }
      expect(problems).toEqual([]);
      await closePage(page);
    });
  }

  it("an evaluation form's score choices come to life in the words they were rendered with", async () => {
    const page = await signedInPage(browser, "head@arden.demo");
    const problems = problemsOf(page);
    await page.goto("/school/orders");
    const orders = await page.locator("main a[href^='/purchases/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    let found = false;
    for (const order of new Set(orders)) {
      await page.goto(`${order}/evaluation`);
      await whenHydrated(page);
      if ((await page.getByRole("group", { name: "Quality of the support" }).count()) === 0) continue;
      found = true;
      await expectLocator(page.getByRole("group", { name: "Quality of the support" }).locator("label").first()).toHaveText("4 – Excellent");
      expect(await keysShown(page)).toEqual([]);
      break;
    }
    expect(found).toBe(true);
    expect(problems).toEqual([]);
    await closePage(page);
  });

  it("comes to life with its messages even when its scripts run before the end of the page has arrived", async () => {
    // A slow connection, made certain: a proxy sends each page at once but for its last part (the
    // messages), which it holds back for a second. Remix's module scripts are async and may run first.
    const app = new URL(baseUrl());
    const proxy: Server = createServer((incoming, outgoing) => {
      const upstream = httpRequest(
        {
          host: app.hostname,
          port: app.port,
          path: incoming.url,
          method: incoming.method,
          headers: { ...incoming.headers, host: app.host, "accept-encoding": "identity", ...(incoming.headers.origin ? { origin: app.origin } : {}) },
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          if (!String(answer.headers["content-type"]).startsWith("text/html")) return void answer.pipe(outgoing);
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => {
            const html = Buffer.concat(chunks).toString("utf8");
            const cut = html.indexOf('<script type="application/json" id="page-messages"');
            outgoing.write(cut < 0 ? html : html.slice(0, cut));
            setTimeout(() => outgoing.end(cut < 0 ? "" : html.slice(cut)), 1_000);
          });
        },
      );
      incoming.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const context = await browser.newContext({ baseURL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });
      const page = await context.newPage();
      await signIn(page, "head@arden.demo");
      const problems = problemsOf(page);
      for (const path of ["/catalogue/compare", "/account", "/"]) {
        await page.goto(path);
        await whenHydrated(page);
        expect(await keysShown(page), path).toEqual([]);
      }
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
