// A page carries the messages it was rendered with, so the browser says the same words without the whole catalogue.
import { PassThrough, type Transform } from "node:stream";
import { messageOf, PAGE_MESSAGES_ID, type Locale, type PageMessages } from "./index";
import { currentRequest } from "./request-locale.server";

/** The page's language, the keys of the messages it says and the words of the dates it writes. */
export type RenderRecord = { locale: Locale; rendered: Set<string>; formatted: Map<string, string> };

/** From now on (the page's render), the request remembers the keys of the messages it says and the dates it writes. */
export function recordRenderedMessages(): RenderRecord | null {
  const store = currentRequest();
  if (!store) return null;
  store.rendered = new Set();
  store.formatted = new Map();
  return { locale: store.locale, rendered: store.rendered, formatted: store.formatted };
}

/** The messages of those keys, and the dates written, as a script element of JSON that app/i18n/index.ts reads in the browser. */
export function pageMessagesScript(locale: Locale, keys: Iterable<string>, formatted: Map<string, string> = new Map(), nonce?: string): string {
  const messages: PageMessages["messages"] = {};
  for (const key of [...keys].sort()) messages[key] = messageOf(key, locale);
  // Inside a script element only "</script" could end it early: every "<" is written as an escape.
  const json = JSON.stringify({ locale, messages, ...(formatted.size ? { formatted: Object.fromEntries(formatted) } : {}) } satisfies PageMessages).replace(
    /</g,
    "\\u003c",
  );
  // A data block runs nothing, but carries the page's nonce like every other script element.
  return `<script type="application/json" id="${PAGE_MESSAGES_ID}"${nonce ? ` nonce="${nonce}"` : ""}>${json}</script>`;
}

/**
 * Passes the page through as it comes and, when it ends, writes the script of the messages it said
 * last, after the scripts React streams once the document is closed (a parser puts what follows
 * `</html>` in the body). Nothing of the page is held back. The page's module scripts hydrate only once
 * the whole document is read (app/entry.client.tsx), so they find it.
 */
export function withPageMessages(recorded: RenderRecord, nonce?: string): Transform {
  return new PassThrough({
    flush(callback) {
      callback(null, Buffer.from(pageMessagesScript(recorded.locale, recorded.rendered, recorded.formatted, nonce)));
    },
  });
}
