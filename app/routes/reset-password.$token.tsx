import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SetPasswordPage } from "~/components/emailed-link";
import { loadLinkPage, submitLinkPage } from "~/domain/identity/link-page.server";
import { resetPassword } from "~/domain/identity/reset-password.server";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("reset.title"), data);

export const loader = ({ params, context }: LoaderFunctionArgs) => loadLinkPage(context, "password_reset", params.token);

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  submitLinkPage(
    request,
    context,
    (password, previousToken) => resetPassword(context.db, { token: params.token ?? "", password, previousToken, appUrl: context.env.APP_URL }),
    { kind: "password_reset", token: params.token },
  );

export default function ResetPassword() {
  return <SetPasswordPage kind="reset" title={t("reset.title")} lead={() => t("reset.lead")} button={t("reset.button")} />;
}
