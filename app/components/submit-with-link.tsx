import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { SubmitButton } from "./forms";

/** A form's submit button with a link beside it: to clear the filters, or to leave without doing anything. */
export function SubmitWithLink({
  submit,
  intent,
  kind,
  to,
  link,
}: {
  submit: ReactNode;
  /** The button's value as `intent`, where the action tells its forms apart by it. */
  intent?: string;
  kind?: "secondary" | "warning";
  to: string;
  link: ReactNode;
}) {
  return (
    <div className="govuk-button-group">
      <SubmitButton intent={intent} kind={kind}>
        {submit}
      </SubmitButton>
      <Link className="govuk-link" to={to}>
        {link}
      </Link>
    </div>
  );
}
