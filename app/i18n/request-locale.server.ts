// The language of the request under way, for every t() and formatter it reaches (ADR 0014).
import { AsyncLocalStorage } from "node:async_hooks";
import { REQUEST_LOCALE, type Locale, type RequestStore } from "./index";

// The HTTP server (build/start.js) and Remix's server build are bundled apart and would each make
// their own storage: one on globalThis is the one both see.
const holder = globalThis as { [REQUEST_LOCALE]?: AsyncLocalStorage<RequestStore> };
const storage = (holder[REQUEST_LOCALE] ??= new AsyncLocalStorage<RequestStore>());

/** Run `work` (a request, an email's rendering) in one language: everything it awaits sees it. */
export const runInLocale = <T>(locale: Locale, work: () => T): T => storage.run({ locale }, work);

/** The request under way, if any. */
export const currentRequest = (): RequestStore | undefined => storage.getStore();
