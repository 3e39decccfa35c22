import { Link } from "@remix-run/react";
import type { FieldErrors } from "~/components/forms";
import { TextInput } from "~/components/forms";
import { t } from "~/i18n";

/** A new password typed twice, with the account's email for password managers. */
export function NewPasswordFields({ email, errors }: { email: string; errors?: FieldErrors | null }) {
  return (
    <>
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextInput name="password" label={t("password.new.label")} hint={t("password.new.hint")} type="password" autoComplete="new-password" errors={errors} />
      <TextInput name="confirmPassword" label={t("password.confirm.label")} type="password" autoComplete="new-password" errors={errors} />
    </>
  );
}

/** The page for an emailed link that is unknown, already used or expired. */
export function UnusableLink({ state, kind }: { state: "unknown" | "used" | "expired"; kind: "invitation" | "reset" }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("token.invalid.title")}</h1>
        <p className="govuk-body">{t(`token.${state}.body`)}</p>
        <p className="govuk-body">{t(kind === "invitation" ? "token.invitation.next" : "token.reset.next")}</p>
        <p className="govuk-body">
          {kind === "invitation" ? (
            <Link className="govuk-link" to="/sign-in">
              {t("signIn.title")}
            </Link>
          ) : (
            <Link className="govuk-link" to="/forgot-password">
              {t("forgot.title")}
            </Link>
          )}
        </p>
      </div>
    </div>
  );
}
