// A form's submission read through conform: the same on the server (every action, through
// app/forms.server.ts) and in the browser (a form that checks as it is filled in, such as the offer form).
// Names such as `tiers[0].min` become lists of objects; the schema's messages come back by field name.
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { conformErrorsOf, fieldErrorsOf } from "./field-errors";

/**
 * Reads a submission with the form's schema. Conform's own coercion is off: the building blocks in
 * app/forms/fields.ts read every value from the text that was typed, each with a GOV.UK message, and an
 * empty field means what each of them says (conform would first make every empty text undefined).
 */
export const parseSubmission = <S extends z.ZodTypeAny>(body: FormData | URLSearchParams, schema: S) =>
  parseWithZod(body, { schema, disableAutoCoercion: true });

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
