import { createContext, useContext } from "react";
import { t } from "~/i18n";

/** Set by the server for every response, so even a page no route matched knows it is a demo. */
export const DemoContext = createContext<boolean | undefined>(undefined);

/** On the server from the context; in the browser from the page the server sent, so hydration agrees. */
export function useDemo() {
  const fromServer = useContext(DemoContext);
  if (fromServer !== undefined) return fromServer;
  return typeof document !== "undefined" && document.documentElement.dataset.demo === "true";
}

export function DemoBanner() {
  return (
    <div className="govuk-phase-banner" role="region" aria-label={t("demo.banner.label")}>
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{t("demo.banner.tag")}</strong>
        <span className="govuk-phase-banner__text">{t("demo.banner.text")}</span>
      </p>
    </div>
  );
}
