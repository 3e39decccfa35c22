import { ParagraphLink } from "~/components/paragraph-link";
import { SummaryRow } from "~/components/summary-row";
import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { can } from "~/auth/permissions";
import { requireAuthorityPermission } from "~/auth/user.server";
import { InspectionHistory } from "~/components/inspection-history";
import { SchoolCategorySection } from "~/components/school-category-section";
import { SuccessBanner } from "~/components/success-banner";
import { loadDirectoryOrganisation } from "~/domain/directory/load-organisation.server";
import { memberOutcome } from "~/domain/directory/load-member.server";
import { formatDate } from "~/format";
import { t, type MessageKey } from "~/i18n";
import { orErrorPage } from "~/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.organisation.name : t("error.notFound.title")} – ${t("service.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "view:directory");
  const organisationId = params.organisationId ?? "";
  const page = await orErrorPage(() => loadDirectoryOrganisation(context.db, { actor: user, authorityId, organisationId }));
  const search = new URL(request.url).searchParams;
  const member = search.get("member");
  return {
    ...page,
    added: search.get("added") === "1" && page.school !== null,
    canMoveSchools: can(user.grants, "manage:consortia", { authorityId }),
    outcome: member ? await memberOutcome(context.db, { authorityId, organisationId, membershipId: member }) : null,
  };
}

export default function DirectoryOrganisation() {
  const { organisation, school, members, added, outcome, canMoveSchools } = useLoaderData<typeof loader>();
  return (
    <>
      {added ? <SuccessBanner id="added" title={t("setting.added.title")} heading={t("setting.added.body", { name: organisation.name })} /> : null}
      {outcome?.kind === "removed" ? (
        <SuccessBanner id="removed" title={t("directory.removed.title")} heading={t("directory.removed.body", { name: outcome.name, role: outcome.role })} />
      ) : null}
      {outcome?.kind === "changed" ? (
        <SuccessBanner id="changed" title={t("directory.changed.title")} heading={t("directory.changed.body", { name: outcome.name, role: outcome.role })} />
      ) : null}
      <span className="govuk-caption-l">{t(`orgKind.${organisation.kind}`)}</span>
      <h1 className="govuk-heading-l">{organisation.name}</h1>
      {school ? (
        <>
          <h2 className="govuk-heading-m">{t("directory.school.details")}</h2>
          <dl className="govuk-summary-list">
            <SummaryRow label={t("gias.field.urn")}>{school.urn}</SummaryRow>
            <SummaryRow label={t("directory.school.consortium")}>
              {school.consortium ? (
                <Link className="govuk-link" to={`/directory/${school.consortium.id}`}>
                  {school.consortium.name}
                </Link>
              ) : (
                t("directory.school.noConsortium")
              )}
            </SummaryRow>
            <SummaryRow label={t("gias.field.phase")}>{t(`phase.${school.phase}` as MessageKey)}</SummaryRow>
            <SummaryRow label={t("gias.field.typeName")}>
              {t(`establishmentType.${school.establishmentType}` as MessageKey)}
              {school.typeName ? <div className="govuk-hint govuk-!-margin-bottom-0">{school.typeName}</div> : null}
            </SummaryRow>
            <SummaryRow label={t("directory.school.maintained")}>
              {t(school.laMaintained ? "directory.school.maintained.yes" : "directory.school.maintained.no")}
            </SummaryRow>
            <SummaryRow label={t("gias.field.numberOnRoll")}>{school.numberOnRoll}</SummaryRow>
            <SummaryRow label={t("gias.field.status")}>
              {school.status === "closed" ? (
                <>
                  <strong className="govuk-tag govuk-tag--grey">{t("schoolStatus.closed")}</strong>{" "}
                  {school.closedOn ? t("directory.school.closedOn", { date: formatDate(school.closedOn) }) : null}
                </>
              ) : (
                t("schoolStatus.open")
              )}
            </SummaryRow>
            <SummaryRow label={t("directory.school.address")}>{[school.town, school.postcode].filter(Boolean).join(", ") || t("gias.field.empty")}</SummaryRow>
          </dl>
          <InspectionHistory inspections={school.inspections} />
          <SchoolCategorySection schoolId={organisation.id} category={school.category} canMoveSchools={canMoveSchools} />
        </>
      ) : null}
      <ItemTable
        heading={t("directory.people")}
        rowHeader={false}
        columns={[
          { label: t("members.name"), cell: (m) => m.name },
          { label: t("members.email"), cell: (m) => m.email },
          {
            label: t("members.role"),
            cell: (m) => (
              <>
                {t(`role.${m.role}`)}
                {m.status === "invited" ? <strong className="govuk-tag govuk-tag--yellow govuk-!-margin-left-1">{t("members.status.invited")}</strong> : null}
              </>
            ),
          },
          {
            label: t("directory.people.actions"),
            cell: (m) =>
              m.canManage ? (
                <Link className="govuk-link" to={`/directory/members/${m.membershipId}`}>
                  {t("directory.people.manage")}
                  <span className="govuk-visually-hidden"> – {m.name}</span>
                </Link>
              ) : null,
          },
        ]}
        items={members}
        rowKey={(m) => m.membershipId}
        empty={t("directory.people.none")}
      />
      <ParagraphLink to="/directory">{t("directory.backToDirectory")}</ParagraphLink>
    </>
  );
}
