import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary, type FieldErrors, SubmitButton } from "~/components/forms";

/** A page's content in two thirds of the width, under the error summary and, where given, a caption, the heading and its lead. */
export function TwoThirdsPage({
  caption,
  title,
  lead,
  errors,
  children,
}: {
  caption?: ReactNode;
  title?: ReactNode;
  lead?: ReactNode;
  errors?: FieldErrors | null;
  children?: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {caption ? <span className="govuk-caption-l">{caption}</span> : null}
        {title ? <h1 className="govuk-heading-l">{title}</h1> : null}
        {lead ? <p className="govuk-body">{lead}</p> : null}
        {children}
      </div>
    </div>
  );
}

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
    <TwoThirdsPage caption={caption} title={title} lead={lead} errors={errors}>
      <Form method="post" noValidate>
        {children}
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </TwoThirdsPage>
  );
}
