// The browser formats messages itself (app/i18n/format.ts), from those the page was rendered with; the
// server formats them with i18next. For every message of both languages the two give the same words.
import { text } from "node:stream/consumers";
import { describe, expect, it, vi } from "vitest";
import { dateFormats } from "~/date-format";
import { messageOf, PAGE_MESSAGES_ID, type Locale, type Message, type MessageParams } from "~/i18n";
import { formatMessage } from "~/i18n/format";
import { cy } from "~/i18n/messages-cy";
import { en } from "~/i18n/messages-en";
import { pageMessagesScript, withPageMessages } from "~/i18n/page-messages.server";
import { serverFormat } from "~/i18n/server-catalogues";

const placeholders = (message: Message) => [
  ...new Set((typeof message === "string" ? [message] : Object.values(message)).flatMap((s) => [...(s ?? "").matchAll(/\{(.+?)\}/g)].map((m) => m[1]))),
];

const COUNTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 19, 20, 21, 100, 101, 1_000, 1_000_000];

describe("the browser's formatter", () => {
  for (const [locale, catalogue] of [
    ["en", en],
    ["cy", cy],
  ] as const) {
    it(`says every ${locale} message as i18next does, with and without its values, at every plural form`, () => {
      let compared = 0;
      for (const key of Object.keys(catalogue)) {
        const message = messageOf(key, locale as Locale)!;
        const names = placeholders(message);
        const cases: (MessageParams | undefined)[] = [undefined, Object.fromEntries(names.map((name) => [name, `‹${name}›`]))];
        if (typeof message !== "string" || names.includes("count"))
          for (const count of COUNTS) cases.push({ ...Object.fromEntries(names.map((name) => [name, `‹${name}›`])), count });
        // A value missing: the placeholder stays.
        if (names.length > 1) cases.push({ [names[0]]: "only this" });
        for (const params of cases) {
          expect(formatMessage(message, params, locale as Locale), `${locale} ${key} ${JSON.stringify(params)}`).toBe(
            serverFormat!(key, params, locale as Locale),
          );
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(Object.keys(catalogue).length * 2);
    });
  }

  it("falls back to English for a key Welsh lacks, as i18next does", () => {
    const key = Object.keys(en).find((k) => typeof en[k as keyof typeof en] === "string")!;
    expect(messageOf(key, "cy")).toBe((cy as Record<string, Message>)[key] ?? en[key as keyof typeof en]);
  });
});

describe("the messages a page carries", () => {
  it("are those it said, in its language, in a script element nothing can close early", () => {
    const script = pageMessagesScript("cy", ["catalogue.title", "common.back"]);
    expect(script.startsWith(`<script type="application/json" id="${PAGE_MESSAGES_ID}">`)).toBe(true);
    const json = JSON.parse(script.slice(script.indexOf(">") + 1, -"</script>".length));
    expect(json.locale).toBe("cy");
    expect(Object.keys(json.messages)).toEqual(["catalogue.title", "common.back"].filter((k) => messageOf(k, "cy") !== undefined));
    expect(json.messages["catalogue.title"]).toBe(messageOf("catalogue.title", "cy"));
    const hostile = pageMessagesScript("en", ["</script><script>alert(1)</script>"]);
    expect(hostile.slice(0, -"</script>".length)).not.toContain("</script");
  });

  it("follow the page, which passes through as it comes, however it was cut into chunks", async () => {
    const page = "<!DOCTYPE html><html><head></head><body><p>Helo</p></body></html><script>late()</script>";
    for (const size of [1, 3, 7, 14, 15, 1000]) {
      const chunks = [];
      for (let i = 0; i < page.length; i += size) chunks.push(Buffer.from(page.slice(i, i + size)));
      const through = withPageMessages({ locale: "en", rendered: new Set(["catalogue.title"]), formatted: new Map() }, "abc");
      // Each chunk comes out as it goes in: nothing of the page waits for the next.
      const first = new Promise<Buffer>((resolve) => through.once("data", resolve));
      through.write(chunks[0]);
      expect((await first).toString()).toBe(chunks[0].toString());
      const rest = text(through);
      for (const chunk of chunks.slice(1)) through.write(chunk);
      through.end();
      expect(chunks[0].toString() + (await rest)).toBe(`${page}${pageMessagesScript("en", ["catalogue.title"], new Map(), "abc")}`);
    }
    expect(pageMessagesScript("en", [], new Map(), "abc")).toContain('nonce="abc"');
  });
});

describe("the browser's dates without date-fns", () => {
  it("writes the numeric forms exactly as date-fns does in London, across the clock changes", async () => {
    vi.resetModules();
    vi.doMock("~/server-dates", () => ({ serverDates: null }));
    try {
      const browser = await import("~/format");
      // As in the browser's build: no date-fns until it is loaded.
      expect((await import("~/server-dates")).serverDates).toBeNull();
      const days: Date[] = [];
      // Every hour of 2026 and the hours either side of each clock change, and the last moments of days.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) days.push(new Date(t), new Date(t + 3_599_999));
      for (const d of days) {
        expect(browser.londonIsoDate(d), d.toISOString()).toBe(dateFormats.isoDate(d));
        expect(browser.formatDateInputExample(d), d.toISOString()).toBe(dateFormats.inputExample(d));
        expect(browser.formatShortDate(d), d.toISOString()).toBe(dateFormats.shortDate(d));
      }
    } finally {
      vi.doUnmock("~/server-dates");
      vi.resetModules();
    }
  });
});
