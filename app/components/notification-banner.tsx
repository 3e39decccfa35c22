import type { ReactNode } from "react";

/**
 * A GOV.UK notification banner: a region of news about the page, titled by `title`; a success banner is an
 * alert, so a screen reader announces it on arrival. The content, its heading paragraph included, is the caller's.
 */
export function NotificationBanner({ id, title, success, children }: { id: string; title: ReactNode; success?: boolean; children: ReactNode }) {
  return (
    <div
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby={`${id}-title`}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={`${id}-title`}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}
