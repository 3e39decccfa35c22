import { Form } from "@remix-run/react";
import { Select, type FieldErrors, type Option } from "~/components/forms";
import { t } from "~/i18n";

type SelectField = { name: string; label: string; options: Option[] };

/**
 * A form that assigns one thing to another (an adviser to a school, a commissioner to a subject): a
 * select for each, each starting with an empty choice, and one button.
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
      {selects.map(({ name, label, options }) => (
        <Select
          key={name}
          name={name}
          label={label}
          errors={errors}
          defaultValue={values[name]}
          options={[{ value: "", label: t("consortia.new.choose") }, ...options]}
        />
      ))}
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {submit}
      </button>
    </Form>
  );
}
