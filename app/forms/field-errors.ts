// Messages by field name, between conform's shape and the GOV.UK components' (app/components/forms.tsx).
// Without zod: the pages that show a form's errors load this, and only a form checked in the browser loads zod.
import type { FieldErrors } from "~/components/forms";
import { localized } from "~/i18n";

/** A list's item number at the end of a name: `subjectAreas[2]`. */
const ITEM_AT_END = /(\[\d+\])+$/;

/**
 * The field a message about this path in the parsed value goes by: ["tiers", 0, "min"] -> "tiers[0].min";
 * a message about one item of a list of plain values (["subjectAreas", 2], a checkbox) goes by the list.
 */
export const fieldName = (path: readonly PropertyKey[]) =>
  path
    .reduce<string>((name, segment) => (typeof segment === "number" ? `${name}[${segment}]` : name ? `${name}.${String(segment)}` : String(segment)), "")
    .replace(ITEM_AT_END, "");

/**
 * Conform's errors (name -> messages, "" for the form as a whole) as the GOV.UK components read them:
 * the form's own under `form`, a message about one item of a list of plain values (`subjectAreas[2]`,
 * a checkbox) under the list's name, where its field is; each said in the reader's language.
 */
export function fieldErrorsOf(errors: Record<string, string[] | null | undefined>): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(errors)) {
    if (!messages?.length) continue;
    const field = name === "" ? "form" : name.replace(ITEM_AT_END, "");
    (out[field] ??= []).push(...messages.map((m) => localized(m)));
  }
  return out;
}

/** The components' errors in conform's shape ("" for the form's own): a server's answer as `lastResult`. */
export const conformErrorsOf = (errors: FieldErrors): Record<string, string[] | null> =>
  Object.fromEntries(Object.entries(errors).map(([name, messages]) => [name === "form" ? "" : name, messages ?? null]));
