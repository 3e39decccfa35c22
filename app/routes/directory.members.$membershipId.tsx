import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { SubmitWithLink } from "~/components/submit-with-link";
import { ButtonLink } from "~/components/button-link";
import { Choices, SubmitButton } from "~/components/forms";
import { TwoThirdsPage } from "~/components/form-page";
import { ROLES } from "~/db.server";
import { loadMember } from "~/domain/directory/load-member.server";
import { changeMemberRole, removeMember } from "~/domain/directory/manage-member.server";
import { t } from "~/i18n";
import { attemptForm, orErrorPage } from "~/refusals.server";

const ManageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("change-role"), role: z.enum(ROLES, { errorMap: () => ({ message: t("directory.error.role") }) }) }),
  z.object({ intent: z.literal("remove") }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? t("directory.manage.title", { name: data.member.name, role: t(`role.${data.member.role}`), organisation: data.member.organisationName }) : t("error.notFound.title")} – ${t("service.name")}`,
  },
];

const target = async (request: Request, params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) => {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "manage:members");
  return { user, authorityId, membershipId: params.membershipId ?? "" };
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId, membershipId } = await target(request, params, context);
  const loaded = await orErrorPage(() => loadMember(context.db, { actor: user, authorityId, membershipId }));
  return { ...loaded, confirmRemove: new URL(request.url).searchParams.get("confirm") === "remove" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, authorityId, membershipId } = await target(request, params, context);
  const { member } = await orErrorPage(() => loadMember(context.db, { actor: user, authorityId, membershipId }));
  const organisationId = member.organisationId;
  const done = await attemptForm(request, ManageSchema, (data) =>
    data.intent === "remove"
      ? removeMember(context.db, { actor: user, authorityId, organisationId, membershipId })
      : changeMemberRole(context.db, { actor: user, authorityId, organisationId, membershipId, role: data.role }),
  );
  if (!done.ok) return done.response;
  return redirect(`/directory/${organisationId}?member=${membershipId}`);
}

export default function ManageMember() {
  const { member, roles, confirmRemove } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const role = t(`role.${member.role}`);
  if (confirmRemove) {
    return (
      <TwoThirdsPage
        title={t("directory.confirm.title", { name: member.name, role, organisation: member.organisationName })}
        lead={t("directory.confirm.body", { name: member.name })}
        errors={result?.errors}
      >
        <Form method="post">
          <SubmitWithLink
            submit={t("directory.confirm.button")}
            intent="remove"
            kind="warning"
            to={`/directory/${member.organisationId}`}
            link={t("directory.confirm.cancel")}
          />
        </Form>
      </TwoThirdsPage>
    );
  }
  return (
    <TwoThirdsPage caption={member.organisationName} errors={result?.errors}>
      <h1 className="govuk-heading-l">
        {member.name}: {role}
      </h1>
      {roles.length > 0 ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="change-role" />
          <Choices
            name="role"
            legend={t("directory.manage.newRole")}
            errors={result?.errors}
            options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <SubmitButton>{t("directory.manage.save")}</SubmitButton>
        </Form>
      ) : null}
      <h2 className="govuk-heading-m">{t("directory.manage.remove", { organisation: member.organisationName })}</h2>
      <p className="govuk-body">{t("directory.manage.removeLead")}</p>
      <ButtonLink to="?confirm=remove" kind="warning">
        {t("directory.manage.removeButton")}
      </ButtonLink>
    </TwoThirdsPage>
  );
}
