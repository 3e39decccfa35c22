import { ItemTable } from "~/components/table";
import { ButtonLink } from "~/components/button-link";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { getUser } from "~/auth/user.server";
import { tasksFor } from "~/domain/home/tasks.server";
import { adviserSchools } from "~/domain/school-view/school-view.server";
import { londonIsoDate } from "~/format";
import { t } from "~/i18n";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  if (!user) return { user: null, tasks: [], adviserSchools: null };
  const adviser = user.acting && user.grants.some((g) => g.role === "challenge_adviser");
  return {
    user: {
      name: user.name,
      actingOrganisationId: user.acting?.organisationId ?? null,
      memberships: user.memberships.map((m) => ({
        id: m.id,
        organisationId: m.organisationId,
        organisationName: m.organisationName,
        kind: m.organisationKind,
        authorityName: m.authorityName,
        role: m.role,
      })),
    },
    tasks: await tasksFor(context.db, user),
    adviserSchools:
      adviser && user.acting
        ? await adviserSchools(context.db, { authorityId: user.acting.authorityId, adviserUserId: user.id, today: londonIsoDate(new Date()) })
        : null,
  };
}

export default function Home() {
  const { user, tasks, adviserSchools } = useLoaderData<typeof loader>();
  if (!user) {
    return (
      <>
        <h1 className="govuk-heading-xl">{t("service.name")}</h1>
        <p className="govuk-body-l">{t("home.signedOut.lead")}</p>
        <ButtonLink to="/sign-in" kind="start">
          {t("nav.signIn")}
        </ButtonLink>
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-xl">{t("home.title")}</h1>
      <p className="govuk-body-l">{user.name}</p>
      <h2 className="govuk-heading-m">{t("home.whatYouCanDo")}</h2>
      {tasks.length === 0 ? (
        <p className="govuk-body">{t("home.noTasks")}</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {tasks.map((task) => (
            <li key={`${task.href}|${task.label}`}>
              <Link className="govuk-link" to={task.href}>
                {task.label}
              </Link>
              {task.count !== undefined ? <strong className="govuk-tag govuk-tag--grey app-count">{task.count}</strong> : null}
            </li>
          ))}
        </ul>
      )}
      {adviserSchools ? (
        <ItemTable
          compact
          caption={t("advisers.yourSchools", { count: adviserSchools.length })}
          captionSize="m"
          columns={[
            { label: t("advisers.school"), link: (s) => `/schools/${s.id}`, cell: (s) => s.name },
            { label: t("consortiumSchools.urn"), cell: (s) => s.urn },
            { label: t("consortiumSchools.category"), cell: (s) => s.category ?? "–" },
            {
              label: t("home.adviser.attention"),
              cell: (s) =>
                s.attention ? (
                  <strong className="govuk-tag govuk-tag--red">{t("schoolView.attentionTag")}</strong>
                ) : (
                  t("home.adviser.bought", { count: s.ordersThisYear })
                ),
            },
          ]}
          items={adviserSchools}
          empty={t("advisers.noSchools")}
        />
      ) : null}
      <h2 className="govuk-heading-m">{t("home.organisations")}</h2>
      {user.memberships.length === 0 ? <p className="govuk-body">{t("home.noMemberships")}</p> : null}
      <Form method="post" action="/organisations">
        <ul className="govuk-list govuk-list--spaced">
          {user.memberships.map((m) => (
            <li key={m.id}>
              {m.organisationName} ({t(`orgKind.${m.kind}`)}, {m.authorityName}): {t(`role.${m.role}`)}{" "}
              {m.organisationId === user.actingOrganisationId ? (
                <strong className="govuk-tag govuk-tag--green app-badge">{t("home.actingNow")}</strong>
              ) : (
                <button type="submit" name="organisationId" value={m.organisationId} className="app-link-button">
                  {t("home.actFor", { organisation: m.organisationName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      </Form>
    </>
  );
}
