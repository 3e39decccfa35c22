import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { ParagraphLink } from "~/components/paragraph-link";
import { FormPage, TwoThirdsPage } from "~/components/form-page";
import { EmailInput } from "~/components/forms";
import { emailField } from "~/domain/identity/fields";
import { requestPasswordReset } from "~/domain/identity/request-password-reset.server";
import { attemptForm } from "~/refusals.server";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

const ForgotSchema = z.object({ email: emailField });

export const meta: MetaFunction = ({ data }) => pageTitle(t("forgot.title"), data);

export async function action({ request, context }: ActionFunctionArgs) {
  const done = await attemptForm(
    request,
    ForgotSchema,
    ({ email }) => requestPasswordReset(context.db, { email, clientIp: context.clientIp, appUrl: context.env.APP_URL }),
    { field: "email", allOnForm: true },
  );
  if (!done.ok) return done.response;
  // The same answer whether or not there is an account for this address.
  return { ok: true as const, sentTo: done.data.email };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  if (result && "sentTo" in result) {
    return (
      <TwoThirdsPage title={t("forgot.sent.title")} lead={t("forgot.sent.body", { email: result.sentTo })}>
        <p className="govuk-body">{t("forgot.sent.notReceived")}</p>
        <ParagraphLink to="/sign-in">{t("signIn.title")}</ParagraphLink>
      </TwoThirdsPage>
    );
  }
  const errors = result && "errors" in result ? result.errors : null;
  const values = result && "values" in result ? result.values : {};
  return (
    <FormPage title={t("forgot.title")} lead={t("forgot.lead")} submit={t("forgot.button")} errors={errors}>
      <EmailInput autoComplete="username" errors={errors} defaultValue={values.email as string | undefined} />
    </FormPage>
  );
}
