// Every page a Glan Teifi person reaches from their home page, read in Welsh and in English: a text
// of four or more words that reads the same in both is English left on the Welsh page, unless it is
// the data's own words (names of people, schools, consortia and offers, numbers and dates).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { glanTeifi } from "../../db/seed/glan-teifi";
import * as names from "../../db/seed/names";
import { MOU_TEXT } from "../../db/seed/funding";
import { wales, WELSH_NAMES } from "../../db/seed/nations";
import { OFFER_TEMPLATES } from "../../db/seed/offers";
import { closePage, expectLocator, newPage, signIn, testBrowser } from "./browser";

/** Every string in the demo's own data: what the seed writes, said the same in any language. */
function stringsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    // Names, not codes: a data string with a capital letter (an enum value such as "literacy" names nothing).
    if (value.trim().length >= 3 && /\p{Lu}/u.test(value)) into.add(value.trim());
  } else if (typeof value === "function" && value.length === 1) {
    // A name made from a place ((p) => `Ysgol Gynradd ${p}`): its fixed words.
    try {
      stringsIn(String(value("")), into);
    } catch {
      // Not a name maker.
    }
  } else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === "object") for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}
const DATA = [
  ...stringsIn([
    glanTeifi,
    wales(glanTeifi.laCode),
    WELSH_NAMES,
    glanTeifi.consortia.flatMap((c) => [2025, 2026, 2027].map((y) => MOU_TEXT(c.name, `${y}-${(y + 1) % 100}`).split("\n\n"))),
    OFFER_TEMPLATES,
    Object.values(names).filter((v) => typeof v !== "function"),
  ]),
].sort((a, b) => b.length - a.length);
/** Words that only ever name something in the data: capitalised words of its strings. */
const NAME_WORDS = new Set([...DATA].flatMap((s) => s.split(/[\s,.:;()'’]+/).slice(s.includes(" ") ? 1 : 0)).filter((w) => /^\p{Lu}/u.test(w)));

/** The words of a text that are neither the data's names nor numbers, money, dates or addresses. */
export function wordsNotFromData(text: string, pageData: readonly string[] = []): string[] {
  let rest = ` ${text} `;
  for (const s of [...pageData, ...DATA])
    if (rest.includes(s)) rest = rest.replace(new RegExp(`(?<![\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu"), " ");
  return rest
    .split(/\s+/)
    .map((w) => w.replace(/^[("“‘'[]+|[)"”’'\].,:;!?]+$/g, ""))
    .filter((w) => w !== "" && !/[\d@£%/]/.test(w) && !/^[–—\-|·•]+$/.test(w) && !NAME_WORDS.has(w) && !/^St$|^Ysgol$/.test(w));
}

type PageTexts = { path: string; texts: string[]; people: string[] };

/** The visible text nodes of <main>, leaving out what is marked as written in English (an offer given no Welsh). */
async function textsOf(page: Page): Promise<{ texts: string[]; people: string[] }> {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    const texts: string[] = [];
    if (main) {
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, template, [hidden]")) continue;
        // Marked as written in English inside the page (<html lang> is the page's own language).
        const marked = parent.closest("[lang]");
        if (marked && main.contains(marked) && marked.getAttribute("lang") === "en") continue;
        if (parent.getClientRects().length === 0) continue;
        const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
        if (text) texts.push(text);
      }
    }
    // Whatever a person typed is theirs: the values of form fields and the names on the page's links to people.
    const people = [...document.querySelectorAll("input[value], textarea")].map((e) => (e as HTMLInputElement).value).filter((v) => v.length > 2);
    return { texts, people };
  });
}

/** The pages the person's home page and navigation link to, on this site, that show a page. */
async function linksFromHome(page: Page): Promise<string[]> {
  await page.goto("/");
  const hrefs = await page.locator("header a[href], nav a[href], main a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const here = new URL(page.url()).origin;
  const paths = new Set<string>(["/"]);
  for (const href of hrefs) {
    const url = new URL(href);
    // The audit log shows what was recorded, as it was written: not a page of the service's own words.
    if (url.origin !== here || /^\/(language|sign-out|audit)\b/.test(url.pathname) || /\.(csv|pdf)$/.test(url.pathname) || url.pathname.includes("[.]"))
      continue;
    paths.add(url.pathname + url.search);
  }
  return [...paths].sort();
}

async function readAll(page: Page, paths: readonly string[], lang: "cy" | "en"): Promise<PageTexts[]> {
  await page.goto(`/language?${new URLSearchParams({ lang, returnTo: "/" })}`);
  const read: PageTexts[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(await page.locator("html").getAttribute("lang"), path).toBe(lang);
    if (!response || response.status() >= 400) continue;
    read.push({ path, ...(await textsOf(page)) });
  }
  return read;
}

/** Texts of four or more words, not the data's, read the same on the Welsh page and the English one. */
export function englishLeftOnWelshPages(welsh: readonly PageTexts[], english: readonly PageTexts[]): string[] {
  const found: string[] = [];
  for (const cy of welsh) {
    const en = english.find((p) => p.path === cy.path);
    if (!en) continue;
    const inEnglish = new Set(en.texts);
    for (const text of new Set(cy.texts)) {
      if (!inEnglish.has(text)) continue;
      if (process.env.WELSH_PAGES_DEBUG) console.log(`same: ${cy.path}: ${text} -> ${wordsNotFromData(text, [...cy.people, ...en.people]).join(" ")}`);
      if (wordsNotFromData(text, [...cy.people, ...en.people]).length >= 4) found.push(`${cy.path}: ${text}`);
    }
  }
  return found;
}

describe("every page of a Glan Teifi person, in Welsh and in English", () => {
  const browser = testBrowser();

  it("tells English left on a Welsh page from the data's names", () => {
    const page = (texts: string[]): PageTexts[] => [{ path: "/", texts, people: [] }];
    const texts = ["Teifi Estuary Consortium", "Talk for Writing: whole-school training", "£1,200 on 5 March 2026", "Choose the schools to invite here"];
    expect(englishLeftOnWelshPages(page(texts), page(texts))).toEqual(["/: Choose the schools to invite here"]);
  });

  /** A consortium's lead in Glan Teifi (the head of its lead school), as its page in the directory lists them. */
  async function consortiumLeadEmail() {
    const page = await newPage(browser);
    await signIn(page, "la.admin@glanteifi.demo");
    const consortium = glanTeifi.consortia[0].name;
    await page.goto(`/directory?${new URLSearchParams({ q: consortium })}`);
    await page.getByRole("link", { name: consortium, exact: true }).first().click();
    await page.waitForURL(/\/directory\/[0-9a-f-]{36}/);
    const lead = page.locator("main tbody tr").filter({ hasText: /arweinydd consortiwm|consortium lead/ });
    // The address changes before a page reached by a link in the living page has rendered: wait for its people.
    await lead.first().waitFor();
    const emails = (await lead.locator("td").allInnerTexts()).map((e) => e.trim()).filter((e) => /@glanteifi\.demo$/.test(e));
    await closePage(page);
    expect(emails.length).toBeGreaterThan(0);
    return emails[0];
  }

  const people: (string | (() => Promise<string>))[] = [
    "head@glanteifi.demo",
    "la.admin@glanteifi.demo",
    "provider@glanteifi.demo",
    "panel@glanteifi.demo",
    consortiumLeadEmail,
  ];
  for (const who of people) {
    const name = typeof who === "string" ? who : "a consortium lead";
    it(`${name}: no English is left on the Welsh pages`, { timeout: 600_000 }, async () => {
      const person = typeof who === "string" ? who : await who();
      const page = await newPage(browser);
      await signIn(page, person);
      const paths = await linksFromHome(page);
      expect(paths.length).toBeGreaterThan(3);
      const welsh = await readAll(page, paths, "cy");
      if (process.env.WELSH_PAGES_DEBUG) console.log(paths.join("\n"));
      const english = await readAll(page, paths, "en");
      // Leave the person reading Welsh, their authority's language, for the files after this one.
      await page.goto(`/language?${new URLSearchParams({ lang: "cy", returnTo: "/" })}`);
      await closePage(page);
      expect(englishLeftOnWelshPages(welsh, english)).toEqual([]);
    });
  }

  it("the termly report printed for an officer has its headings in Welsh and no English left", { timeout: 180_000 }, async () => {
    const page = await newPage(browser);
    await signIn(page, "la.admin@glanteifi.demo");
    await page.emulateMedia({ media: "print" });
    const [welsh] = await readAll(page, ["/reports/termly"], "cy");
    expect(welsh?.path).toBe("/reports/termly");
    const main = page.locator("main");
    await expectLocator(main.getByRole("heading", { level: 1, name: /^Adroddiad tymhorol: Tymor yr (hydref|gwanwyn|haf) \d{4}\/\d{2}$/ })).toBeVisible();
    for (const heading of [
      "Cyllid, gwariant ac incwm masnachu",
      "Gwariant fesul maes pwnc",
      "Cyfranogiad a gwariant fesul consortiwm",
      "Sicrhau ansawdd cynigion",
      "Gwerthusiadau ac effaith",
    ])
      await expectLocator(main.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
    // The print view: the authority's name heads the page and the navigation goes.
    await expectLocator(page.locator(".app-print-header")).toHaveText("Glan Teifi County Council");
    expect(await page.locator(".govuk-service-navigation").first().isVisible()).toBe(false);
    const printed = (await main.innerText()).replace(/\s+/g, " ");
    for (const english of ["Termly report", "Funding, spending and traded income", "Evaluations and impact", "Spending by subject area"])
      expect(printed).not.toContain(english);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const [english] = await readAll(page, ["/reports/termly"], "en");
    await expectLocator(main.getByRole("heading", { level: 2, name: "Evaluations and impact", exact: true })).toBeVisible();
    // Leave the officer reading Welsh, their authority's language, for the files after this one.
    await page.goto(`/language?${new URLSearchParams({ lang: "cy", returnTo: "/" })}`);
    await closePage(page);
    expect(englishLeftOnWelshPages([welsh], [english])).toEqual([]);
  });
});

describe("the memorandum a Glan Teifi head signs", () => {
  const browser = testBrowser();

  it("is in Welsh for a head reading Welsh, and in English for one reading English", { timeout: 120_000 }, async () => {
    const page = await newPage(browser);
    await signIn(page, "head@glanteifi.demo");
    await page.goto(`/language?${new URLSearchParams({ lang: "cy", returnTo: "/" })}`);
    const href = await page.locator('main a[href*="/mou"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    await page.goto(href!);
    const main = page.locator("main");
    await expectLocator(main).toContainText("Mae'r memorandwm hwn rhwng y cyngor ac ysgolion");
    await expectLocator(main.getByRole("heading", { name: /memorandwm cyd-ddealltwriaeth/ })).toBeVisible();
    expect(await main.locator('[lang="en"]').count()).toBe(0);
    expect(await main.textContent()).not.toContain("Nid yw'r memorandwm hwn ar gael yn Gymraeg.");

    await page.goto(`/language?${new URLSearchParams({ lang: "en", returnTo: href! })}`);
    await expectLocator(main).toContainText("This memorandum is between the council and the schools of");
    expect(await main.textContent()).not.toContain("Mae'r memorandwm hwn rhwng y cyngor");
    // Leave the head reading Welsh, their authority's language, for the files after this one.
    await page.goto(`/language?${new URLSearchParams({ lang: "cy", returnTo: "/" })}`);
    await closePage(page);
  });
});
