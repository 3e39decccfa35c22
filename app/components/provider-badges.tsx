import type { ProviderKind } from "~/db.server";
import { t } from "~/i18n";

/** What kind of provider this is, and whether the authority has verified it. */
export function ProviderBadges({ kind, verified }: { kind: ProviderKind; verified: boolean }) {
  return (
    <>
      <strong className="govuk-tag govuk-tag--blue app-badge">{t(`providerKind.${kind}`)}</strong>
      {verified ? (
        <strong className="govuk-tag govuk-tag--green app-badge">{t("provider.verified")}</strong>
      ) : (
        <strong className="govuk-tag govuk-tag--grey app-badge">{t("provider.notVerified")}</strong>
      )}
    </>
  );
}
