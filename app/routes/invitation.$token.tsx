import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readSessionToken, sessionCookie } from "~/auth/session.server";
import { NewPasswordFields, UnusableLink } from "~/components/emailed-link";
import { ErrorSummary } from "~/components/forms";
import { acceptInvitation } from "~/domain/identity/accept-invitation.server";
import { inspectToken, TOKEN_STATUS, UnusableTokenError } from "~/domain/identity/auth-tokens.server";
import { NewPasswordSchema } from "~/domain/identity/fields";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("invitation.title")} – ${t("service.name")}` }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = await inspectToken(context.db, "invitation", params.token);
  if (token.state !== "valid") return data({ state: token.state, email: null }, { status: TOKEN_STATUS[token.state] });
  return { state: token.state, email: token.user.email };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, NewPasswordSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const { sessionToken, session } = await acceptInvitation(context.db, {
      token: params.token ?? "",
      password: parsed.data.password,
      previousToken: readSessionToken(request, context.env.SECURE),
    });
    return redirect("/", { headers: { "Set-Cookie": sessionCookie(sessionToken, session.absoluteExpiresAt, context.env.SECURE) } });
  } catch (error) {
    if (error instanceof UnusableTokenError) return data({ ok: false as const, unusable: error.state, errors: null, values: {} }, { status: error.status });
    throw error;
  }
}

export default function Invitation() {
  const { state, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const unusable = result && "unusable" in result ? result.unusable : state !== "valid" ? state : null;
  if (unusable || !email) return <UnusableLink state={unusable ?? "unknown"} kind="invitation" />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">{t("invitation.title")}</h1>
        <p className="govuk-body">{t("invitation.lead", { email })}</p>
        <Form method="post" noValidate>
          <NewPasswordFields email={email} errors={result?.errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("invitation.button")}
          </button>
        </Form>
      </div>
    </div>
  );
}
