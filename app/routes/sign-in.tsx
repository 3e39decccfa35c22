import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { readSessionToken, sessionCookie } from "~/auth/session.server";
import { getUser } from "~/auth/user.server";
import { ParagraphLink } from "~/components/paragraph-link";
import { EmailInput, TextInput, SubmitButton } from "~/components/forms";
import { emailField } from "~/domain/identity/fields";
import { safeRedirect } from "~/domain/identity/rules";
import { signIn } from "~/domain/identity/sign-in.server";
import { attemptForm } from "~/refusals.server";
import { SuccessBanner } from "~/components/success-banner";
import { TwoThirdsPage } from "~/components/form-page";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

const SignInSchema = z.object({
  email: emailField,
  password: z
    .string({ required_error: t("signIn.passwordRequired") })
    .min(1, t("signIn.passwordRequired"))
    .max(256, t("password.tooLong")),
});

export const meta: MetaFunction = ({ data }) => pageTitle(t("signIn.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getUser(request, context);
  if (user) throw redirect(safeRedirect(url.searchParams.get("redirectTo"), "/", context.env.APP_URL));
  return { signedOutEverywhere: url.searchParams.get("signedOut") === "everywhere" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const done = await attemptForm(
    request,
    SignInSchema,
    (credentials) => signIn(context.db, { ...credentials, clientIp: context.clientIp, previousToken: readSessionToken(request, context.env.SECURE) }),
    { field: "email", allOnForm: true },
  );
  if (!done.ok) return done.response;
  const { token, session } = done.value;
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/", context.env.APP_URL);
  return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookie(token, session.absoluteExpiresAt, context.env.SECURE) } });
}

export default function SignIn() {
  const { signedOutEverywhere } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  const redirectTo = params.get("redirectTo");
  return (
    <TwoThirdsPage errors={errors}>
      {signedOutEverywhere && !errors ? (
        <SuccessBanner id="signed-out" title={t("account.signOutEverywhere.heading")} heading={t("signIn.signedOutEverywhere")} />
      ) : null}
      <h1 className="govuk-heading-l">{t("signIn.title")}</h1>
      <Form method="post" action={redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : "/sign-in"} noValidate>
        <EmailInput autoComplete="username" errors={errors} defaultValue={result?.values?.email as string | undefined} />
        <TextInput name="password" label={t("password.label")} type="password" autoComplete="current-password" errors={errors} />
        <SubmitButton>{t("signIn.button")}</SubmitButton>
      </Form>
      <ParagraphLink to="/forgot-password">{t("signIn.forgotPassword")}</ParagraphLink>
      <p className="govuk-body">{t("signIn.noAccount")}</p>
    </TwoThirdsPage>
  );
}
