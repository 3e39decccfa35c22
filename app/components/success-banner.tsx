import type { ReactNode } from "react";
import { t } from "~/i18n";

/**
 * The GOV.UK success notification banner, saying what an action did. role=alert so a screen reader
 * announces the outcome on arrival. A plain string child is the heading; nothing to say, no banner.
 */
export function SuccessBanner({
  id = "success-banner",
  title = t("done.title"),
  heading,
  children,
}: {
  id?: string;
  title?: string;
  heading?: string | null;
  children?: ReactNode;
}) {
  const head = heading ?? (typeof children === "string" ? children : null);
  const body = heading != null || typeof children !== "string" ? children : null;
  if (!head && !body) return null;
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby={`${id}-title`}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={`${id}-title`}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {head ? <p className="govuk-notification-banner__heading">{head}</p> : null}
        {body}
      </div>
    </div>
  );
}
