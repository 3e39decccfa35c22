import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireUser } from "~/auth/user.server";
import { ErrorSummary } from "~/components/forms";
import { chooseActingOrganisation } from "~/domain/identity/choose-acting-organisation.server";
import { safeRedirect } from "~/domain/identity/rules";
import { invalid, parseForm, refused } from "~/forms.server";
import { t } from "~/i18n";

const ChooseSchema = z.object({
  organisationId: z.string({ required_error: t("organisations.notMember") }).uuid(t("organisations.notMember")),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction = () => [{ title: `${t("organisations.title")} – ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const byOrganisation = new Map<string, { id: string; name: string; kind: string; authorityName: string; roles: string[]; canViewMembers: boolean }>();
  for (const m of user.memberships) {
    const entry = byOrganisation.get(m.organisationId) ?? {
      id: m.organisationId,
      name: m.organisationName,
      kind: m.organisationKind,
      authorityName: m.authorityName,
      roles: [],
      canViewMembers: false,
    };
    entry.roles.push(m.role);
    entry.canViewMembers ||= can(user.grants, "view:organisation", { organisationId: m.organisationId, authorityId: m.authorityId });
    byOrganisation.set(m.organisationId, entry);
  }
  return { organisations: [...byOrganisation.values()], actingOrganisationId: user.acting?.organisationId ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = await parseForm(request, ChooseSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    await chooseActingOrganisation(context.db, { user, organisationId: parsed.data.organisationId });
  } catch (error) {
    return refused(error, "form");
  }
  return redirect(safeRedirect(parsed.data.redirectTo));
}

export default function Organisations() {
  const { organisations, actingOrganisationId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="govuk-heading-l">{t("organisations.title")}</h1>
      {organisations.length === 0 ? (
        <p className="govuk-body">{t("organisations.none")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("organisations.lead")}</p>
          <Form method="post">
            <table className="govuk-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{t("organisations.organisation")}</th>
                  <th scope="col" className="govuk-table__header">{t("organisations.authority")}</th>
                  <th scope="col" className="govuk-table__header">{t("organisations.roles")}</th>
                  <th scope="col" className="govuk-table__header">{t("organisations.actions")}</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {organisations.map((o) => (
                  <tr className="govuk-table__row" key={o.id}>
                    <th scope="row" className="govuk-table__header">
                      {o.name}
                      <span className="govuk-hint govuk-!-margin-bottom-0">{t(`orgKind.${o.kind}` as "orgKind.school")}</span>
                    </th>
                    <td className="govuk-table__cell">{o.authorityName}</td>
                    <td className="govuk-table__cell">
                      <ul className="govuk-list govuk-!-margin-bottom-0">
                        {o.roles.map((role) => (
                          <li key={role}>{t(`role.${role}` as "role.headteacher")}</li>
                        ))}
                      </ul>
                      {o.canViewMembers ? (
                        <Link className="govuk-link" to={`/organisations/${o.id}/members`}>
                          {t("organisations.members")}
                          <span className="govuk-visually-hidden"> – {o.name}</span>
                        </Link>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell">
                      {o.id === actingOrganisationId ? (
                        <strong className="govuk-tag govuk-tag--green">{t("organisations.current")}</strong>
                      ) : (
                        <button type="submit" name="organisationId" value={o.id} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                          {t("organisations.actFor")}
                          <span className="govuk-visually-hidden"> – {o.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Form>
        </>
      )}
    </>
  );
}
