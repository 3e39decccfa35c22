import { data } from "@remix-run/node";
import { z } from "zod";
import type { FieldErrors } from "~/components/forms";
import { localized, t } from "~/i18n";

/** Schemas are built when their module loads, so their messages are made in English: say them in the reader's language. */
const inReadersLanguage = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages?.map((m) => localized(m))]));

export type FormValues = Record<string, string | string[]>;

/** FormData as a plain object: a key given more than once becomes an array. */
export function formToObject(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/** A field that may arrive once (a string) or many times (an array): always an array. */
export const manyOf = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export type ParsedForm<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

export async function parseForm<S extends z.ZodTypeAny>(request: Request, schema: S): Promise<ParsedForm<z.output<S>>> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { ok: false, errors: { form: [t("refusal.input.formUnreadable")] }, values: {} };
  }
  return parseValues(formToObject(formData), schema);
}

export function parseValues<S extends z.ZodTypeAny>(values: FormValues, schema: S): ParsedForm<z.output<S>> {
  const result = schema.safeParse(values);
  if (!result.success) {
    const flat = result.error.flatten();
    const errors: FieldErrors = { ...flat.fieldErrors };
    if (flat.formErrors.length) errors.form = flat.formErrors;
    return { ok: false, errors: inReadersLanguage(errors), values };
  }
  return { ok: true, data: result.data, values };
}

/** Answer a form that did not validate: 400, the errors by field, and what the user typed (never passwords). */
export function invalid(errors: FieldErrors, values: FormValues = {}, status = 400) {
  const safe = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|token/i.test(k)));
  return data({ ok: false as const, errors: inReadersLanguage(errors), values: safe }, { status });
}
