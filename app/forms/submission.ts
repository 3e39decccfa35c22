// A form's submission read through conform: the same on the server (every action, through
// app/forms.server.ts) and in the browser (a form that checks as it is filled in, such as the offer form).
// Names such as `tiers[0].min` become lists of objects; the schema's messages come back by field name.
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
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

/**
 * Reads a submission with the form's schema. Conform's own coercion is off: the building blocks in
 * app/forms/fields.ts read every value from the text that was typed, each with a GOV.UK message, and an
 * empty field means what each of them says (conform would first make every empty text undefined).
 */
export const parseSubmission = <S extends z.ZodTypeAny>(body: FormData | URLSearchParams, schema: S) =>
  parseWithZod(body, { schema, disableAutoCoercion: true });

/** The components' errors in conform's shape ("" for the form's own): a server's answer as `lastResult`. */
export const conformErrorsOf = (errors: FieldErrors): Record<string, string[] | null> =>
  Object.fromEntries(Object.entries(errors).map(([name, messages]) => [name === "form" ? "" : name, messages ?? null]));

/** For conform's `onValidate` in the browser: the submission, with its errors under the names `fieldErrorsOf` gives. */
export function validateSubmission<S extends z.ZodTypeAny>(formData: FormData, schema: S) {
  const submission = parseSubmission(formData, schema);
  const errors = submission.status === "success" ? undefined : submission.error;
  if (errors) {
    const named = conformErrorsOf(fieldErrorsOf(errors));
    for (const name of Object.keys(errors)) delete errors[name];
    Object.assign(errors, named);
  }
  return submission;
}
