import { ParagraphLink } from "~/components/paragraph-link";
import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { requireActing } from "./purchasing.server";
import { ErrorSummary, Select, SubmitButton } from "~/components/forms";
import { SuccessBanner } from "~/components/success-banner";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { nameConsortiumLeaders } from "~/domain/consortia/create-consortium.server";
import { consortiumSchoolsPage } from "~/domain/consortia/pages.server";
import { isUuid } from "~/domain/ids";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { attemptForm, orErrorPage } from "~/refusals.server";

const LeadersSchema = z.object({
  lead: z.string({ required_error: t("consortia.error.lead") }).refine(isUuid, t("consortia.error.lead")),
  chair: z.string({ required_error: t("consortia.error.chair") }).refine(isUuid, t("consortia.error.chair")),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("consortiumSchools.title", { name: data.consortium.name }) : t("consortia.title")} – ${t("service.name")}` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const page = await orErrorPage(() =>
    consortiumSchoolsPage(context.db, { actor: user, authorityId, consortiumId: params.consortiumId ?? "", day: londonToday(new Date()) }),
  );
  return { ...page, saved: new URL(request.url).searchParams.get("saved") === "leaders" };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "manage:consortia");
  const consortiumId = params.consortiumId ?? "";
  const done = await attemptForm(request, LeadersSchema, ({ lead, chair }) =>
    nameConsortiumLeaders(context.db, { actor: user, authorityId, consortiumId, leadUserId: lead, chairUserId: chair }),
  );
  if (!done.ok) return done.response;
  return redirect(`/consortia/${consortiumId}/schools?saved=leaders`, { status: 303 });
}

export default function ConsortiumSchools() {
  const { consortium, current, past, joining, taking, academicYearFrom, canMove, canOpenDashboard, heads, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const people = [{ value: "", label: t("consortia.new.choose") }, ...heads.map((h) => ({ value: h.id, label: `${h.name} (${h.email})` }))];
  return (
    <>
      <SuccessBanner title={t("banner.success")}>{saved ? t("consortiumSchools.leadersSaved") : null}</SuccessBanner>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{t(`consortia.phase.${consortium.phase}`)}</span>
      <h1 className="govuk-heading-l">{t("consortiumSchools.title", { name: consortium.name })}</h1>
      <p className="govuk-body">
        {t("consortiumSchools.leaders", { lead: consortium.leadName ?? t("consortia.none"), chair: consortium.chairName ?? t("consortia.none") })}
      </p>
      {canOpenDashboard ? <ParagraphLink to={`/consortia/${consortium.id}`}>{t("consortiumSchools.dashboard")}</ParagraphLink> : null}
      <h2 className="govuk-heading-m">{t("consortiumSchools.current", { count: current.length })}</h2>
      <p className="govuk-body">{t("consortiumSchools.taking", { taking, count: current.length, from: formatDate(academicYearFrom) })}</p>
      <ItemTable
        compact
        caption={t("consortiumSchools.current", { count: current.length })}
        captionSize="hidden"
        columns={[
          { label: t("consortiumSchools.school"), link: (s) => (s.recordOpen ? `/schools/${s.schoolId}/category` : null), cell: (s) => s.name },
          { label: t("consortiumSchools.urn"), cell: (s) => s.urn },
          { label: t("consortiumSchools.category"), cell: (s) => s.category ?? "–" },
          { label: t("consortiumSchools.joined"), cell: (s) => formatDate(s.joinedOn) },
          { label: t("consortiumSchools.purchases"), numeric: true, cell: (s) => s.purchasesJoined },
          ...(canMove
            ? [
                {
                  label: <span className="govuk-visually-hidden">{t("consortiumSchools.move")}</span>,
                  cell: (s: (typeof current)[number]) => (
                    <Link className="govuk-link" to={`/schools/${s.schoolId}/consortium`}>
                      {t("consortiumSchools.move")}
                      <span className="govuk-visually-hidden"> {s.name}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
        items={current}
        rowKey={(s) => s.schoolId}
        empty={t("consortiumSchools.none")}
      />
      {joining.length ? (
        <>
          <h2 className="govuk-heading-m">{t("consortiumSchools.joining")}</h2>
          <ul className="govuk-list">
            {joining.map((s) => (
              <li key={`${s.schoolId}-${s.joinedOn}`}>
                {s.name} – {formatDate(s.joinedOn)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ItemTable
        heading={t("consortiumSchools.past")}
        compact
        columns={[
          { label: t("consortiumSchools.school"), cell: (s) => s.name },
          { label: t("consortiumSchools.urn"), cell: (s) => s.urn },
          { label: t("consortiumSchools.joined"), cell: (s) => formatDate(s.joinedOn) },
          { label: t("consortiumSchools.left"), cell: (s) => (s.leftOn ? formatDate(s.leftOn) : "") },
        ]}
        items={past}
        rowKey={(s) => `${s.schoolId}-${s.joinedOn}`}
        empty={t("consortiumSchools.noPast")}
      />
      {canMove ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{t("consortiumSchools.leadersHeading")}</h2>
          <Select name="lead" label={t("consortia.leadPerson")} errors={errors} defaultValue={consortium.leadUserId ?? ""} options={people} />
          <Select name="chair" label={t("consortia.chairPerson")} errors={errors} defaultValue={consortium.chairUserId ?? ""} options={people} />
          <SubmitButton kind="secondary">{t("consortiumSchools.saveLeaders")}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
