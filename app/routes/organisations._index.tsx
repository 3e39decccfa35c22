import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireUser } from "~/auth/user.server";
import { ErrorSummary } from "~/components/forms";
import { chooseActingOrganisation } from "~/domain/identity/choose-acting-organisation.server";
import { safeRedirect } from "~/domain/identity/rules";
import { invalid, parseForm } from "~/forms.server";
import { attempt } from "~/refusals.server";
import { SuccessBanner } from "~/components/success-banner";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

const ChooseSchema = z.object({
  organisationId: z.string({ required_error: t("organisations.notMember") }).uuid(t("organisations.notMember")),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction = ({ data }) => pageTitle(t("organisations.title"), data);

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
  const url = new URL(request.url);
  // Only confirm a role the person really holds now, so the page cannot be made to say anything else.
  const joined = user.memberships.find((m) => m.organisationId === url.searchParams.get("joined") && m.role === url.searchParams.get("role"));
  return {
    organisations: [...byOrganisation.values()],
    actingOrganisationId: user.acting?.organisationId ?? null,
    joined: joined ? t("invitation.join.joined", { organisation: joined.organisationName, role: t(`role.${joined.role}`) }) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = await parseForm(request, ChooseSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const done = await attempt(() => chooseActingOrganisation(context.db, { user, organisationId: parsed.data.organisationId }), {}, { allOnForm: true });
  if (!done.ok) return done.response;
  return redirect(safeRedirect(parsed.data.redirectTo, "/", context.env.APP_URL));
}

export default function Organisations() {
  const { organisations, actingOrganisationId, joined } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      {joined && !result?.errors ? <SuccessBanner id="joined" title={t("invitation.join.joinedHeading")} heading={joined} /> : null}
      <h1 className="govuk-heading-l">{t("organisations.title")}</h1>
      {organisations.length === 0 ? (
        <p className="govuk-body">{t("organisations.none")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("organisations.lead")}</p>
          <Form method="post">
            <ItemTable
              columns={[
                {
                  label: t("organisations.organisation"),
                  cell: (o) => (
                    <>
                      {o.name}
                      <span className="govuk-hint govuk-!-margin-bottom-0">{t(`orgKind.${o.kind}` as "orgKind.school")}</span>
                    </>
                  ),
                },
                { label: t("organisations.authority"), cell: (o) => o.authorityName },
                {
                  label: t("organisations.roles"),
                  cell: (o) => (
                    <>
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
                    </>
                  ),
                },
                {
                  label: t("organisations.actions"),
                  cell: (o) =>
                    o.id === actingOrganisationId ? (
                      <strong className="govuk-tag govuk-tag--green">{t("organisations.current")}</strong>
                    ) : (
                      <button
                        type="submit"
                        name="organisationId"
                        value={o.id}
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        data-module="govuk-button"
                      >
                        {t("organisations.actFor")}
                        <span className="govuk-visually-hidden"> – {o.name}</span>
                      </button>
                    ),
                },
              ]}
              items={organisations}
            />
          </Form>
        </>
      )}
    </>
  );
}
