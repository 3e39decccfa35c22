import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { t } from "~/i18n";
import { SubmitButton } from "./forms";
import { WarningText } from "./warning-text";

/**
 * The confirmation step of an irreversible action: what will happen, in the domain's figures, and
 * one button that does it. A plain page state reached by a link (`?confirm=...`), so it works
 * without JavaScript; "No, go back" returns to the page unchanged.
 */
export function ConfirmStep({
  title,
  lines,
  intent,
  yes,
  backTo,
  hidden = {},
  warning = true,
  children,
}: {
  title: string;
  lines: string[];
  intent: string;
  yes: string;
  backTo: string;
  hidden?: Record<string, string>;
  warning?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{t("confirm.heading")}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {lines.map((line) => (
          <p className="govuk-body-l" key={line}>
            {line}
          </p>
        ))}
        {warning ? <WarningText announced>{t("confirm.cannotUndo")}</WarningText> : null}
        <Form method="post" noValidate>
          {Object.entries(hidden).map(([name, value]) => (
            <input type="hidden" name={name} value={value} key={name} />
          ))}
          {children}
          <div className="govuk-button-group">
            <SubmitButton intent={intent} kind={warning ? "warning" : undefined} preventDoubleClick>
              {yes}
            </SubmitButton>
            <Link className="govuk-link" to={backTo}>
              {t("confirm.back")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
