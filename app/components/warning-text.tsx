import type { ReactNode } from "react";
import { t } from "~/i18n";

/** GOV.UK warning text: the "!" icon and the warning in bold, with "Warning" said first to screen readers where `announced`. */
export function WarningText({ announced = false, children }: { announced?: boolean; children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        {announced ? <span className="govuk-visually-hidden">{t("confirm.warning")}</span> : null}
        {children}
      </strong>
    </div>
  );
}
