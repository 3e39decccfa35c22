import type { ProviderKind } from "#db/schema/tenancy-vocabulary";
import { t } from "~/i18n";

/** A provider's kind, and whether the authority has verified it, as GOV.UK tags a space apart. */
export function ProviderBadges({ kind, verified }: { kind: ProviderKind; verified: boolean }) {
  return (
    <>
      <strong className="govuk-tag govuk-tag--blue">{t(`providerKind.${kind}`)}</strong>{" "}
      {verified ? (
        <strong className="govuk-tag govuk-tag--green">{t("provider.verified")}</strong>
      ) : (
        <strong className="govuk-tag govuk-tag--grey">{t("provider.notVerified")}</strong>
      )}
    </>
  );
}
