import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getUser, requireUser } from "~/auth/user.server";
import { ParagraphLink } from "~/components/paragraph-link";
import { SetPasswordPage } from "~/components/emailed-link";
import { SubmitButton } from "~/components/forms";
import { TwoThirdsPage } from "~/components/form-page";
import { acceptInvitation } from "~/domain/identity/accept-invitation.server";
import { acceptJoinInvitation, findJoinInvitation } from "~/domain/identity/accept-join-invitation.server";
import { TOKEN_STATUS, UnusableTokenError } from "~/domain/identity/auth-tokens.server";
import { loadLinkPage, submitLinkPage } from "~/domain/identity/link-page.server";
import { invalid, parseForm } from "~/forms.server";
import { refusalOnForm } from "~/refusals.server";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

const AcceptSchema = z.object({ intent: z.literal("accept", { errorMap: () => ({ message: t("invitation.join.button") }) }) });

export const meta: MetaFunction = ({ data }) => pageTitle(t("invitation.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const join = await findJoinInvitation(context.db, params.token);
  if (!join) return loadLinkPage(context, "invitation", params.token);
  if (join.state !== "valid") return data({ state: join.state, email: null }, { status: TOKEN_STATUS[join.state] });
  // Someone who already has an account accepts signed in, so the link alone gives nothing.
  const user = await getUser(request, context);
  if (!user) throw redirect(`/sign-in?redirectTo=${encodeURIComponent(`/invitation/${params.token}`)}`);
  if (user.id !== join.userId) return data({ state: "wrongAccount" as const, email: null }, { status: 403 });
  return {
    state: "join" as const,
    email: user.email,
    join: { organisationName: join.organisationName, roleLabel: t(`role.${join.role}`), inviterName: join.inviterName },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const join = await findJoinInvitation(context.db, params.token);
  if (!join) {
    return submitLinkPage(request, context, (password, previousToken) => acceptInvitation(context.db, { token: params.token ?? "", password, previousToken }), {
      kind: "invitation",
      token: params.token,
    });
  }
  const user = await requireUser(request, context);
  const parsed = await parseForm(request, AcceptSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const { organisation, role } = await acceptJoinInvitation(context.db, { token: params.token ?? "", user, appUrl: context.env.APP_URL });
    return redirect(`/organisations?joined=${organisation.id}&role=${role}`, { status: 303 });
  } catch (error) {
    if (error instanceof UnusableTokenError) return data({ ok: false as const, unusable: error.state, errors: null, values: {} }, { status: error.status });
    return refusalOnForm(error, {}, { allOnForm: true });
  }
}

function JoinPage({ email, join }: { email: string; join: { organisationName: string; roleLabel: string; inviterName: string } }) {
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : null;
  return (
    <TwoThirdsPage
      title={t("invitation.join.title", { organisation: join.organisationName })}
      lead={t("invitation.join.lead", { inviter: join.inviterName, organisation: join.organisationName, role: join.roleLabel })}
      errors={errors}
    >
      <p className="govuk-body">{t("invitation.join.what", { organisation: join.organisationName })}</p>
      <p className="govuk-body">{t("invitation.lead", { email })}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="accept" />
        <SubmitButton>{t("invitation.join.button")}</SubmitButton>
      </Form>
    </TwoThirdsPage>
  );
}

export default function Invitation() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const unusable = result && "unusable" in result ? result.unusable : null;
  if (loaded.state === "wrongAccount") {
    return (
      <TwoThirdsPage title={t("invitation.join.wrongAccount.title")} lead={t("invitation.join.wrongAccount.body")}>
        <ParagraphLink to="/">{t("nav.home")}</ParagraphLink>
      </TwoThirdsPage>
    );
  }
  if (loaded.state === "join" && "join" in loaded && !unusable) return <JoinPage email={loaded.email} join={loaded.join} />;
  return <SetPasswordPage kind="invitation" title={t("invitation.title")} lead={(email) => t("invitation.lead", { email })} button={t("invitation.button")} />;
}
