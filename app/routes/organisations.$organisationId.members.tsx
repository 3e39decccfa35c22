import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrganisation, requirePermission, requireUser } from "~/auth/user.server";
import { EmailInput, Choices, ErrorSummary, TextInput, SubmitButton } from "~/components/forms";
import { ROLES } from "~/db.server";
import { emailField } from "~/domain/identity/fields";
import { inviteMember } from "~/domain/identity/invite-member.server";
import { listMembers } from "~/domain/identity/list-members.server";
import { PERSON_NAME, PERSON_NAME_MAX, ROLES_BY_KIND } from "~/domain/identity/rules";
import { formatDate } from "~/format";
import { text } from "~/forms/fields";
import { attemptForm } from "~/refusals.server";
import { SuccessBanner } from "~/components/success-banner";
import { TwoThirdsPage } from "~/components/form-page";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

const InviteSchema = z.object({
  name: text({
    label: t("members.invite.name"),
    max: PERSON_NAME_MAX,
    required: t("members.invite.nameRequired"),
    tooLong: t("members.invite.nameTooLong"),
    // The name goes into an email from the service: no links, no markup, nothing but a name.
    pattern: { regex: PERSON_NAME, message: t("members.invite.nameInvalid") },
  }).transform((name) => name.replace(/\s+/g, " ")),
  email: emailField,
  role: z.enum(ROLES, { errorMap: () => ({ message: t("members.invite.roleRequired") }) }),
});

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? t("members.title", { organisation: data.organisation.name }) : t("error.notFound.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const organisation = await requireOrganisation(context.db, user, params.organisationId ?? "");
  const target = { organisationId: organisation.id, authorityId: organisation.authorityId };
  requirePermission(user, "view:organisation", target);
  const members = await listMembers(context.db, target);
  const invited = new URL(request.url).searchParams.get("invited");
  // Only confirm an address that really is a member here, so the page cannot be made to say anything else.
  const confirmed = members.find((m) => m.email === invited);
  return {
    organisation: { id: organisation.id, name: organisation.name },
    members: members.map((m) => ({ ...m, createdAt: formatDate(m.createdAt) })),
    canInvite: can(user.grants, "invite:member", target),
    roles: ROLES_BY_KIND[organisation.kind],
    // The same words whether or not the address already had an account.
    confirmation: confirmed ? t("members.invite.sent", { email: confirmed.email }) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const organisation = await requireOrganisation(context.db, user, params.organisationId ?? "");
  requirePermission(user, "invite:member", { organisationId: organisation.id, authorityId: organisation.authorityId });
  const done = await attemptForm(
    request,
    InviteSchema,
    (invitation) => inviteMember(context.db, { inviter: user, organisation, ...invitation, appUrl: context.env.APP_URL }),
    {
      field: (error) => (error.code === "ROLE_NOT_ALLOWED" ? "role" : "email"),
      allOnForm: true,
    },
  );
  if (!done.ok) return done.response;
  return redirect(`/organisations/${organisation.id}/members?invited=${encodeURIComponent(done.data.email)}`);
}

export default function Members() {
  const { organisation, members, canInvite, roles, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      {confirmation && !errors ? <SuccessBanner id="invite-confirmation" title={t("members.invite.heading")} heading={confirmation} /> : null}
      <h1 className="govuk-heading-l">{t("members.title", { organisation: organisation.name })}</h1>
      <ItemTable
        caption={t("members.title", { organisation: organisation.name })}
        captionSize="hidden"
        rowHeader={false}
        columns={[
          { label: t("members.name"), cell: (m) => m.name },
          { label: t("members.email"), cell: (m) => m.email },
          { label: t("members.role"), cell: (m) => t(`role.${m.role}`) },
          {
            label: t("members.status"),
            cell: (m) =>
              m.status === "active" ? (
                <strong className="govuk-tag govuk-tag--green">{t("members.status.active")}</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--yellow">{t("members.status.invited")}</strong>
              ),
          },
        ]}
        items={members}
        rowKey={(m) => m.membershipId}
        empty={t("members.none")}
      />
      {canInvite ? (
        <TwoThirdsPage>
          <h2 className="govuk-heading-m">{t("members.invite.heading")}</h2>
          <p className="govuk-body">{t("members.invite.lead")}</p>
          <Form method="post" noValidate>
            <TextInput
              name="name"
              label={t("members.invite.name")}
              autoComplete="off"
              spellCheck={false}
              errors={errors}
              defaultValue={values.name as string | undefined}
            />
            <EmailInput autoComplete="off" errors={errors} defaultValue={values.email as string | undefined} />
            <Choices
              name="role"
              legend={t("members.invite.role")}
              errors={errors}
              defaultValue={(values.role as string | undefined) ?? (roles.length === 1 ? roles[0] : undefined)}
              options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            />
            <SubmitButton>{t("members.invite.button")}</SubmitButton>
          </Form>
        </TwoThirdsPage>
      ) : null}
    </>
  );
}
