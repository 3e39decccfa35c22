import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { blankSessionCookie } from "~/auth/session.server";
import { requireUser } from "~/auth/user.server";
import { liveSessionCount, signOutEverywhere } from "~/domain/identity/sign-out-everywhere.server";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { SubmitButton } from "~/components/forms";
import { ParagraphLink } from "~/components/paragraph-link";
import { SummaryRow } from "~/components/summary-row";
import { TwoThirdsPage } from "~/components/form-page";

const AccountSchema = z.object({ intent: z.literal("sign-out-everywhere") });

export const meta: MetaFunction = ({ data }) => pageTitle(t("account.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const sessions = await liveSessionCount(context.db, user.id);
  return { name: user.name, email: user.email, sessions };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = await parseForm(request, AccountSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await signOutEverywhere(context.db, { userId: user.id });
  return redirect("/sign-in?signedOut=everywhere", { headers: { "Set-Cookie": blankSessionCookie(context.env.SECURE) } });
}

export default function Account() {
  const { name, email, sessions } = useLoaderData<typeof loader>();
  return (
    <TwoThirdsPage title={t("account.title")}>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("account.name")}>{name}</SummaryRow>
        <SummaryRow label={t("account.email")}>{email}</SummaryRow>
        <SummaryRow label={t("account.sessions")}>{sessions > 1 ? t("account.sessionsCount", { count: sessions }) : t("account.sessionsOne")}</SummaryRow>
      </dl>
      <ParagraphLink to="/forgot-password">{t("account.changePassword")}</ParagraphLink>
      <h2 className="govuk-heading-m">{t("account.signOutEverywhere.heading")}</h2>
      <p className="govuk-body">{t("account.signOutEverywhere.body")}</p>
      <Form method="post">
        <SubmitButton intent="sign-out-everywhere" kind="warning">
          {t("account.signOutEverywhere.button")}
        </SubmitButton>
      </Form>
    </TwoThirdsPage>
  );
}
