// The one message catalogue. English now; Welsh (cy) follows with the same keys.
import { catalogue } from "./en/catalogue";
import { common } from "./en/common";
import { identity } from "./en/identity";
import { ledger } from "./en/ledger";
import { purchasing } from "./en/purchasing";
import { quality } from "./en/quality";

export const en = { ...common, ...identity, ...ledger, ...catalogue, ...quality, ...purchasing };

export type MessageKey = keyof typeof en;
export type Locale = "en";
const catalogues: Record<Locale, Record<MessageKey, string>> = { en };

/** A message by key, with {name} placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>, locale: Locale = "en"): string {
  const text: string = catalogues[locale][key] ?? en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}
