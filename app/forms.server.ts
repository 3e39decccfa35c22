import { data } from "@remix-run/node";
import type { z } from "zod";
import type { FieldErrors } from "~/components/forms";
import { fieldErrorsOf } from "~/forms/field-errors";
import { parseSubmission } from "~/forms/submission";
import { localized, t, type MessageKey } from "~/i18n";

export { manyOf } from "~/forms/fields";

/** Schemas are built when their module loads, so their messages are made in English: say them in the reader's language. */
const inReadersLanguage = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages?.map((m) => localized(m))]));

/** What was typed, by the fields' names as posted (`title`, `tiers[0].min`): to fill the form in again. */
export type FormValues = Record<string, string | string[]>;

/** FormData as a plain object: a key given more than once becomes an array. */
export function formToObject(formData: FormData): FormValues {
  // One pass: getAll() for each key would read the whole form again for every field.
  const byKey = new Map<string, string[]>();
  for (const [key, value] of formData) {
    let all = byKey.get(key);
    if (!all) byKey.set(key, (all = []));
    if (typeof value === "string") all.push(value);
  }
  const values: FormValues = {};
  for (const [key, all] of byKey) values[key] = all.length > 1 ? all : (all[0] ?? "");
  return values;
}

export type ParsedForm<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** No list in a form is this long; an item number beyond it would have conform build a list of millions of holes. */
const MAX_LIST_INDEX = 999;
const beyondLists = (name: string) => [...name.matchAll(/\[(\d+)\]/g)].some(([, index]) => index.length > 4 || Number(index) > MAX_LIST_INDEX);
/** Conform's own control fields: no form here posts them, and what they ask (change the values, skip checks) is not for the server to do. */
const CONFORM_CONTROLS = new Set(["__intent__", "__state__"]);

const unreadable = (values: FormValues, message: MessageKey = "refusal.input.formUnreadable"): ParsedForm<never> => ({
  ok: false,
  errors: { form: [t(message)] },
  values,
});

/**
 * The posted form read with the schema. A body that is not a form at all is answered with `unreadableMessage`,
 * for the pages whose own catalogue says so.
 */
export async function parseForm<S extends z.ZodTypeAny>(request: Request, schema: S, unreadableMessage?: MessageKey): Promise<ParsedForm<z.output<S>>> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return unreadable({}, unreadableMessage);
  }
  return parseValues(formToObject(formData), schema);
}

/**
 * Values read through conform with the form's schema (app/forms/submission.ts): a name such as
 * `tiers[0].min` reaches the schema as `{ tiers: [{ min }] }`, and its message comes back under that name.
 */
export function parseValues<S extends z.ZodTypeAny>(values: FormValues, schema: S): ParsedForm<z.output<S>> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (CONFORM_CONTROLS.has(name)) continue;
    if (beyondLists(name)) return unreadable(values);
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  const submission = parseSubmission(body, schema);
  if (submission.status === "success") return { ok: true, data: submission.value as z.output<S>, values };
  return { ok: false, errors: fieldErrorsOf(submission.error ?? {}), values };
}

/** Answer a form that did not validate: 400, the errors by field, and what the user typed (never passwords). */
export function invalid(errors: FieldErrors, values: FormValues = {}, status = 400) {
  const safe = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|token/i.test(k)));
  return data({ ok: false as const, errors: inReadersLanguage(errors), values: safe }, { status });
}
