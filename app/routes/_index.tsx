import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/user.server";
import { t } from "~/i18n";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  if (!user) return { user: null };
  return {
    user: {
      name: user.name,
      actingOrganisationId: user.acting?.organisationId ?? null,
      memberships: user.memberships.map((m) => ({ id: m.id, organisationId: m.organisationId, organisationName: m.organisationName, kind: m.organisationKind, authorityName: m.authorityName, role: m.role })),
    },
  };
}

export default function Home() {
  const { user } = useLoaderData<typeof loader>();
  if (!user) {
    return (
      <>
        <h1 className="govuk-heading-xl">{t("service.name")}</h1>
        <p className="govuk-body-l">{t("home.signedOut.lead")}</p>
        <Link to="/sign-in" className="govuk-button govuk-button--start" role="button" draggable="false">
          {t("nav.signIn")}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-xl">{t("home.title")}</h1>
      <p className="govuk-body-l">{user.name}</p>
      <h2 className="govuk-heading-m">{t("home.organisations")}</h2>
      {user.memberships.length === 0 ? <p className="govuk-body">{t("home.noMemberships")}</p> : null}
      <ul className="govuk-list">
        {user.memberships.map((m) => (
          <li key={m.id}>
            {m.organisationName} ({t(`orgKind.${m.kind}`)}, {m.authorityName}): {t(`role.${m.role}`)}
            {m.organisationId === user.actingOrganisationId ? <strong className="govuk-tag govuk-tag--green app-badge">{t("home.actingNow")}</strong> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
