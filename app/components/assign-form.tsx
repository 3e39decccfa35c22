import { Form } from "@remix-run/react";
import { Select, type FieldErrors, type Option, SubmitButton } from "~/components/forms";

/** A select: its name, label and options, and the words of its empty first choice ("Choose a school"). */
type SelectField = { name: string; label: string; options: Option[]; empty: string };

/**
 * A form that assigns one thing to another (an adviser to a school, a commissioner to a subject): a
 * select for each, each starting with an empty choice that names what to choose, and one button.
 */
export function AssignForm({
  heading,
  selects,
  submit,
  errors,
  values,
}: {
  heading: string;
  selects: [SelectField, SelectField];
  submit: string;
  errors?: FieldErrors | null;
  values: Record<string, string>;
}) {
  return (
    <Form method="post" noValidate>
      <h2 className="govuk-heading-m">{heading}</h2>
      {selects.map(({ name, label, options, empty }) => (
        <Select key={name} name={name} label={label} errors={errors} defaultValue={values[name]} options={[{ value: "", label: empty }, ...options]} />
      ))}
      <SubmitButton>{submit}</SubmitButton>
    </Form>
  );
}
