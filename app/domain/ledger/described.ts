// Descriptions kept as catalogue messages (journal entries, invoice lines): stored with their English
// text, which stays the record of what was written, and shown in the reader's language.
import type { StoredMessage } from "#db/schema";
import { isMessageKey, t, type Locale, type MessageKey } from "~/i18n";

export type { StoredMessage };
type Params = Record<string, string | number | StoredMessage>;

/** A description to keep: the message's key and its params, any of them a message too. */
export const message = (key: MessageKey, params?: Params): StoredMessage => (params ? { key, params } : { key });

const known = (m: StoredMessage): boolean => isMessageKey(m.key) && Object.values(m.params ?? {}).every((v) => typeof v !== "object" || known(v));

/** The message said in a language: the reader's unless given. */
export function say(m: StoredMessage, locale?: Locale): string {
  const params = Object.fromEntries(Object.entries(m.params ?? {}).map(([name, value]) => [name, typeof value === "object" ? say(value, locale) : value]));
  return t(m.key as MessageKey, params, locale);
}

/** A description given as a message or as plain text (a name, an offer's title), as the stored text and message. */
export const toStore = (description: StoredMessage | string): { description: string; descriptionMessage: StoredMessage | null } =>
  typeof description === "string" ? { description, descriptionMessage: null } : { description: say(description, "en"), descriptionMessage: description };

/** What the reader sees: the message in their language when it is one this catalogue knows, else the text as stored. */
export const described = (row: { description: string; descriptionMessage?: StoredMessage | null }): string =>
  row.descriptionMessage && known(row.descriptionMessage) ? say(row.descriptionMessage) : row.description;
