import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { readSessionToken, sessionCookie } from "~/auth/session.server";
import { getUser } from "~/auth/user.server";
import { ErrorSummary, TextInput } from "~/components/forms";
import { emailField } from "~/domain/identity/fields";
import { safeRedirect } from "~/domain/identity/rules";
import { signIn } from "~/domain/identity/sign-in.server";
import { invalid, parseForm, refused } from "~/forms.server";
import { t } from "~/i18n";

const SignInSchema = z.object({
  email: emailField,
  password: z
    .string({ required_error: t("signIn.passwordRequired") })
    .min(1, t("signIn.passwordRequired"))
    .max(256, t("password.tooLong")),
});

export const meta: MetaFunction = () => [{ title: `${t("signIn.title")} – ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getUser(request, context);
  if (user) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return { signedOutEverywhere: url.searchParams.get("signedOut") === "everywhere" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, SignInSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const { token, session } = await signIn(context.db, {
      ...parsed.data,
      clientIp: context.clientIp,
      previousToken: readSessionToken(request, context.env.SECURE),
    });
    const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
    return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookie(token, session.absoluteExpiresAt, context.env.SECURE) } });
  } catch (error) {
    return refused(error, "email", parsed.values);
  }
}

export default function SignIn() {
  const { signedOutEverywhere } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  const redirectTo = params.get("redirectTo");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {signedOutEverywhere && !errors ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="signed-out-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="signed-out-title">
                {t("account.signOutEverywhere.heading")}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{t("signIn.signedOutEverywhere")}</p>
            </div>
          </div>
        ) : null}
        <h1 className="govuk-heading-l">{t("signIn.title")}</h1>
        <Form method="post" action={redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : "/sign-in"} noValidate>
          <TextInput name="email" label={t("email.label")} type="email" autoComplete="username" spellCheck={false} errors={errors} defaultValue={result?.values?.email as string | undefined} />
          <TextInput name="password" label={t("password.label")} type="password" autoComplete="current-password" errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("signIn.button")}
          </button>
        </Form>
        <p className="govuk-body">
          <Link to="/forgot-password" className="govuk-link">
            {t("signIn.forgotPassword")}
          </Link>
        </p>
        <p className="govuk-body">{t("signIn.noAccount")}</p>
      </div>
    </div>
  );
}
