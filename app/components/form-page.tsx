import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary, type FieldErrors, SubmitButton } from "~/components/forms";

/** A page that is one form in two thirds of the width: the error summary, the heading and its lead (if any), the fields, and a button. */
export function FormPage({
  caption,
  title,
  lead,
  submit,
  errors,
  children,
}: {
  caption?: string;
  title: string;
  lead?: string;
  submit: string;
  errors?: FieldErrors | null;
  children: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {caption ? <span className="govuk-caption-l">{caption}</span> : null}
        <h1 className="govuk-heading-l">{title}</h1>
        {lead ? <p className="govuk-body">{lead}</p> : null}
        <Form method="post" noValidate>
          {children}
          <SubmitButton>{submit}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
