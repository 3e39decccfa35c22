import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { beforeAll, expect, inject } from "vitest";
import { chromiumPath } from "../setup/chromium.mjs";

export const CHROMIUM_PATH = chromiumPath();

/** This worker's own app: files running at the same time each have one (test/setup/app-server.ts). */
export const baseUrl = () => {
  const urls = inject("baseUrls");
  const worker = Number(process.env.VITEST_POOL_ID ?? "1");
  const url = urls[worker - 1];
  if (!url) throw new Error(`No app for e2e worker ${worker}: ${urls.length} started`);
  return url;
};
export const demoPassword = () => inject("demoPassword");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** What a browser from `testBrowser` answers with the browser it stands for. */
const LAUNCHED = Symbol("launched");
/** The browser itself, for one from `testBrowser` (each file's stands for the same). */
const launched = (browser: Browser) => (browser as Browser & { [LAUNCHED]?: Browser })[LAUNCHED] ?? browser;

/** The Chromium of this worker process, which the files it runs share (the e2e files share its modules: `isolate: false`). */
let shared: Promise<Browser> | null = null;

/**
 * Chromium for the tests of the file or describe block that calls this: the worker's, launched for the
 * first file that asks and again if it has gone, so a file starts with the pages, caches and compiled
 * scripts the files before it left (each page still a context of its own, its cookies cleared:
 * `closePage`). Playwright closes it when the worker ends. What it returns stands for that browser
 * once it is launched (use it inside tests and hooks, not at import time).
 */
export function testBrowser(): Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (shared && !(await shared.then((b) => b.isConnected()).catch(() => false))) shared = null;
    browser = await (shared ??= launchBrowser());
  });
  return new Proxy({} as Browser, {
    get(_target, key) {
      if (!browser) throw new Error("The browser is not launched yet: use it inside a test or a hook");
      if (key === LAUNCHED) return browser;
      const value: unknown = Reflect.get(browser, key);
      return typeof value === "function" ? value.bind(browser) : value;
    },
  });
}

type PageOptions = {
  javaScript?: boolean;
  /**
   * A page in a browser context never used before, its cache empty: for a test of what the browser
   * fetches. Otherwise the page may be one that an earlier test closed (`closePage`), in this file or one before it.
   */
  fresh?: boolean;
};

/** Pages closed by `closePage`, by browser, ready for the next test that asks for one. */
const idlePages = new WeakMap<Browser, Page[]>();
/** The browser and the setting of each page that `newPage` gave, to put it back among the idle. */
const pageOrigins = new WeakMap<Page, { browser: Browser; javaScript: boolean }>();

/**
 * A page in a browser context of its own (its own cookies), at the app's address, with no one signed in.
 * A new page costs Chromium about half a second of work (a renderer, and the styles and scripts read
 * and compiled again), so one that a test has finished with (`closePage`) serves the next test: its
 * cookies are cleared and its window and listeners put back as new, and each page still has a context
 * to itself, so two pages open at once are two people.
 */
export async function newPage(given: Browser, { javaScript = true, fresh = false }: PageOptions = {}): Promise<Page> {
  const browser = launched(given);
  const idle = idlePages.get(browser) ?? [];
  idlePages.set(browser, idle);
  const reused = fresh ? -1 : idle.findIndex((page) => pageOrigins.get(page)?.javaScript === javaScript && !page.isClosed());
  if (reused >= 0) return idle.splice(reused, 1)[0];
  const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: javaScript });
  const page = await context.newPage();
  pageOrigins.set(page, { browser, javaScript });
  return page;
}

const NEW_WINDOW = { width: 1280, height: 720 };

/**
 * Done with a page from `newPage`: it is left as a new one would be (no cookies, so no one signed in;
 * no listeners; the default window, media and timeout) and waits for the next test. A page from
 * elsewhere has its context closed.
 */
export async function closePage(page: Page) {
  const origin = pageOrigins.get(page);
  if (!origin || page.isClosed()) return page.context().close();
  page.removeAllListeners();
  await page.context().clearCookies();
  await page.setViewportSize(NEW_WINDOW);
  await page.emulateMedia({ media: null });
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(30_000);
  idlePages.get(origin.browser)?.push(page);
}

/** A page (its own cookies) signed in as `email` (`newPage`). */
export async function signedInPage(browser: Browser, email: string, options: PageOptions = {}): Promise<Page> {
  const page = await newPage(browser, options);
  await signIn(page, email);
  return page;
}

/** The date `days` from today, as "2026-03-27". */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Retrying checks on what a locator shows, in the manner of Playwright Test's `expect(locator)`
 * (playwright-core has no `expect`): each reads the page again until it holds, so a check made
 * while the page is still changing waits for it, and fails after `timeout` with the last value read.
 */
export function expectLocator(locator: Locator, { timeout = 10_000 } = {}) {
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout, interval: 100 });
  // Short reads: a missing element fails this attempt and the poll tries again.
  const text = () => locator.textContent({ timeout: 1_000 });
  return {
    toBeVisible: () => poll(() => locator.isVisible()).toBe(true),
    toHaveCount: (count: number) => poll(() => locator.count()).toBe(count),
    toContainText: (expected: string) => poll(text).toContain(expected),
    toHaveText: (expected: string | RegExp) => (typeof expected === "string" ? poll(text).toBe(expected) : poll(text).toMatch(expected)),
    notToHaveText: (unexpected: string) => poll(text).not.toBe(unexpected),
    toHaveValue: (expected: string) => poll(() => locator.inputValue({ timeout: 1_000 })).toBe(expected),
    toBeFocused: () => poll(() => locator.evaluate((element) => element === document.activeElement, undefined, { timeout: 1_000 })).toBe(true),
  };
}

/**
 * What axe finds against WCAG 2.2 A and AA, and axe's best practices (headings in order, landmarks with
 * names of their own, no empty table headers), on the page as it is now, one line a rule, in its frames too.
 * Only a page with frames needs the blank page that axe opens to gather the frames' results, which costs
 * about as much as the check itself: a page without frames is checked where it is. Only violations are
 * reported in detail, which is all that is read here.
 */
export async function accessibilityViolations(page: Page) {
  // The options first: they replace whatever was set before them, the tags included.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .setLegacyMode(page.frames().length === 1)
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Axe finds nothing on the page as it is now (`accessibilityViolations`). */
export async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/**
 * Signs the page's context in as `email` and opens the page the service sends them to (their home page).
 * The sign-in form is posted over HTTP, as the browser would post it, which spares each test that is not
 * about signing in two page loads; the form itself is walked by `signInThroughForm`.
 */
export async function signIn(page: Page, email: string, password = demoPassword()) {
  // The context's cookies go with the request, and the session cookie it answers with stays in the context.
  const response = await page.request.post("/sign-in", {
    form: { email, password },
    headers: { Origin: new URL(baseUrl()).origin },
    maxRedirects: 0,
  });
  const location = response.headers()["location"];
  if (response.status() !== 302 || !location) throw new Error(`Signing in as ${email} answered ${response.status()}, not a redirect`);
  await page.goto(location);
}

/** Signs in through the sign-in page, as a person does: fills the form and waits for the page it leads to. */
export async function signInThroughForm(page: Page, email: string, password = demoPassword()) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  // The address changes before the new page has rendered: wait for the sign-in form to go.
  await page.locator("form[action='/sign-in'], form:has(input[name=password])").first().waitFor({ state: "detached" });
}

/** The addresses of the links within the service (its own paths) in some HTML, as written there. */
export const linksIn = (html: string) => [...html.matchAll(/<a\s[^>]*?href="(\/[^"#]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));

/**
 * The service's own links in the main content of the page at `path`, read from its HTML over HTTP as
 * the page's context (its person): for pages searched only for their links, which need no rendering.
 */
export async function mainLinksOf(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return linksIn(/<main[\s>][\s\S]*<\/main>/.exec(await response.text())?.[0] ?? "");
}

/** Every link of the page's main content to a page of the service answers 200 to the page's person: nothing shown to them refuses them. */
export async function expectLinksOpen(page: Page) {
  const hrefs = await page.locator("main a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const failures: string[] = [];
  for (const href of new Set(hrefs)) {
    if (/^\/(language|sign-out)\b/.test(href)) continue;
    const response = await page.request.get(href, { maxRedirects: 0 });
    if (response.status() !== 200) failures.push(`${href}: ${response.status()} (on ${new URL(page.url()).pathname})`);
  }
  expect(failures).toEqual([]);
}

/** Waits until the page has come to life (hydrated): before that a link is a plain link and loads a whole page. */
export async function whenHydrated(page: Page) {
  await page.waitForFunction(() => document.body.classList.contains("js-enabled"));
}

/** Fills a GOV.UK date input (day, month and year in a fieldset named by its legend) with an ISO date. */
export async function fillDate(page: Page, legend: string, isoDate: string) {
  const [year, month, day] = isoDate.split("-");
  const group = page.getByRole("group", { name: legend, exact: true });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year);
}

/** Fills one row of an offer's price tiers: from and to (in schools; "to" left as it is when not given) and the price each (in pounds). */
export async function fillPriceTier(page: Page, tier: number, { from, to, price }: { from: string; to?: string; price: string }) {
  await page.getByLabel(`Tier ${tier}: From (schools)`).fill(from);
  if (to !== undefined) await page.getByLabel(`Tier ${tier}: To (schools)`).fill(to);
  await page.getByLabel(`Tier ${tier}: Price each (£)`).fill(price);
}

/** The page is no wider than the window: nothing on it makes the whole page scroll sideways (a wide table scrolls in its own box). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${page.url()} at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

/** The examples ("For example, 27 3 2026") that the date inputs on the page give as hints, as "2026-03-27". */
export async function dateHintExamples(page: Page): Promise<string[]> {
  const hints = await page.locator("fieldset:has(.govuk-date-input) .govuk-hint").allTextContents();
  return hints.flatMap((hint) =>
    [...hint.matchAll(/\b(\d{1,2}) (\d{1,2}) (\d{4})\b/g)].map(([, d, m, y]) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`),
  );
}

/** A date input for a day to come never shows a day gone as its example. */
export async function expectNoPastDateHint(page: Page) {
  const examples = await dateHintExamples(page);
  expect(examples.length, `${page.url()}: a date input with an example`).toBeGreaterThan(0);
  const today = new Date().toISOString().slice(0, 10);
  for (const example of examples) expect(example >= today, `${page.url()}: the example ${example} is in the past`).toBe(true);
}
