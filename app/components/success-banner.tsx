import type { ReactNode } from "react";
import { t } from "~/i18n";
import { NotificationBanner } from "./notification-banner";

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
    <NotificationBanner id={id} title={title} success>
      {head ? <p className="govuk-notification-banner__heading">{head}</p> : null}
      {body}
    </NotificationBanner>
  );
}
