import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorSummary, TextInput, type FieldErrors, SubmitButton } from "~/components/forms";
import type { loadLinkPage, submitLinkPage } from "~/domain/identity/link-page.server";
import { t } from "~/i18n";

/** A new password typed twice, with the account's email for password managers. */
function NewPasswordFields({ email, errors }: { email: string; errors?: FieldErrors | null }) {
  return (
    <>
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextInput name="password" label={t("password.new.label")} hint={t("password.new.hint")} type="password" autoComplete="new-password" errors={errors} />
      <TextInput name="confirmPassword" label={t("password.confirm.label")} type="password" autoComplete="new-password" errors={errors} />
    </>
  );
}

/** The page for an emailed link that is unknown, already used or expired. */
function UnusableLink({ state, kind }: { state: "unknown" | "used" | "expired"; kind: "invitation" | "reset" }) {
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

/** The page behind an emailed link: choose a password, or learn why the link no longer works. */
export function SetPasswordPage({
  kind,
  title,
  lead,
  button,
}: {
  kind: "invitation" | "reset";
  title: string;
  lead: (email: string) => string;
  button: string;
}) {
  const { state, email } = useLoaderData<typeof loadLinkPage>();
  const result = useActionData<typeof submitLinkPage>();
  const unusable = result && "unusable" in result ? result.unusable : state !== "valid" ? state : null;
  if (unusable || !email) return <UnusableLink state={unusable ?? "unknown"} kind={kind} />;
  const errors = result && "errors" in result ? result.errors : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{lead(email)}</p>
        <Form method="post" noValidate>
          <NewPasswordFields email={email} errors={errors} />
          <SubmitButton>{button}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
