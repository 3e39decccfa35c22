import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SetPasswordPage } from "~/components/emailed-link";
import { acceptInvitation } from "~/domain/identity/accept-invitation.server";
import { loadLinkPage, submitLinkPage } from "~/domain/identity/link-page.server";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("invitation.title")} – ${t("service.name")}` }];

export const loader = ({ params, context }: LoaderFunctionArgs) => loadLinkPage(context, "invitation", params.token);

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  submitLinkPage(request, context, (password, previousToken) => acceptInvitation(context.db, { token: params.token ?? "", password, previousToken }));

export default function Invitation() {
  return <SetPasswordPage kind="invitation" title={t("invitation.title")} lead={(email) => t("invitation.lead", { email })} button={t("invitation.button")} />;
}
