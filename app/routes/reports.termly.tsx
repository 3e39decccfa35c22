import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { ButtonLink } from "~/components/button-link";
import { ConfirmStep } from "~/components/confirm";
import { ErrorSummary, Select, SubmitButton } from "~/components/forms";
import { ReportTableView } from "~/components/report-table";
import { donePath } from "~/done";
import { takeTermlySnapshot, termlyReport } from "~/domain/reporting/take-termly-snapshot.server";
import { TERMLY_TABLES, termlyTable } from "~/domain/reporting/termly-tables";
import { formatDate, formatDateTime } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm, orErrorPage, notFoundPage } from "~/refusals.server";
import reportsCss from "~/styles/reports.css?url";

import { loadTermlyQuery, termLabel } from "./reports.termly.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];
export const meta: MetaFunction = ({ data }) => pageTitle(t("termly.title"), data);

const SnapshotSchema = z.object({ intent: z.literal("snapshot"), term: z.string().max(20) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId, term, terms } = await loadTermlyQuery(request, context);
  if (!term) throw notFoundPage();
  const report = await orErrorPage(() => termlyReport(context.db, { authorityId, term }));
  const confirming = new URL(request.url).searchParams.get("confirm") === "snapshot" && !report.snapshot;
  return {
    term,
    termName: termLabel(term),
    terms,
    report,
    confirming,
    authorityName: user.acting?.authorityName ?? "",
    canSnapshot: can(user.grants, "take:report-snapshot", { authorityId }),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await loadTermlyQuery(request, context);
  const done = await attemptForm(request, SnapshotSchema, ({ term }) => takeTermlySnapshot(context.db, { actor, authorityId, term }));
  if (!done.ok) return done.response;
  return redirect(donePath(`/reports/termly?term=${done.data.term}`, "termlySnapshotTaken"));
}

export default function TermlyReport() {
  const { term, termName, terms, report, confirming, authorityName, canSnapshot } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { figures, snapshot } = report;
  if (confirming) {
    return (
      <>
        <ErrorSummary errors={result?.errors} />
        <ConfirmStep
          title={t("termly.confirm.title", { term: termName })}
          lines={[t("termly.confirm.line", { term: termName })]}
          intent="snapshot"
          yes={t("termly.confirm.yes")}
          backTo={`/reports/termly?term=${term}`}
          hidden={{ term }}
        />
      </>
    );
  }
  const csvHref = (table: string) => `/reports/termly.csv?term=${term}&table=${table}`;
  return (
    <>
      <p className="app-print-only app-print-header">{authorityName}</p>
      <ErrorSummary errors={result?.errors} />
      <span className="govuk-caption-l">{authorityName}</span>
      <h1 className="govuk-heading-l">{t("termly.heading", { term: termName })}</h1>
      <p className="govuk-body">{t("termly.period", { from: formatDate(figures.from), until: formatDate(figures.until) })}</p>
      {snapshot ? (
        <div className="govuk-inset-text">{t("termly.kept", { when: formatDateTime(snapshot.takenAt), who: snapshot.takenBy })}</div>
      ) : (
        <div className="govuk-inset-text">{t("termly.live")}</div>
      )}
      <Form method="get" className="app-report-filter">
        <Select name="term" label={t("termly.term")} defaultValue={term} options={terms} />
        <div className="govuk-button-group">
          <SubmitButton kind="secondary">{t("termly.show")}</SubmitButton>
          {!snapshot && canSnapshot ? <ButtonLink to={`/reports/termly?term=${term}&confirm=snapshot`}>{t("termly.snapshot")}</ButtonLink> : null}
        </div>
      </Form>
      <h2 className="govuk-heading-m">{t("termly.money")}</h2>
      <ReportTableView table={termlyTable(figures, "money")} csvHref={csvHref("money")} />
      <h2 className="govuk-heading-m">{t("termly.spend")}</h2>
      <ReportTableView table={termlyTable(figures, "subjects")} csvHref={csvHref("subjects")} />
      <h2 className="govuk-heading-m">{t("termly.participation")}</h2>
      <ReportTableView table={termlyTable(figures, "consortia")} csvHref={csvHref("consortia")} />
      <h2 className="govuk-heading-m">{t("termly.qa")}</h2>
      <ReportTableView table={termlyTable(figures, "qa")} csvHref={csvHref("qa")} />
      <h2 className="govuk-heading-m">{t("termly.impact")}</h2>
      {figures.evaluations && figures.impact ? (
        <>
          <p className="govuk-body">{t("termly.evaluations.lead")}</p>
          {figures.evaluations.total.evaluations > 0 ? (
            <ReportTableView table={termlyTable(figures, "evaluations")} csvHref={csvHref("evaluations")} />
          ) : (
            <p className="govuk-body">{t("termly.evaluations.none")}</p>
          )}
          {figures.impact.length > 0 ? (
            <ReportTableView table={termlyTable(figures, "impact")} csvHref={csvHref("impact")} />
          ) : (
            <p className="govuk-body">{t("termly.impact.none")}</p>
          )}
        </>
      ) : (
        <p className="govuk-body">{t("termly.evaluations.notKept")}</p>
      )}
      <p className="govuk-body app-no-print">{t("termly.printHint", { tables: TERMLY_TABLES.length })}</p>
    </>
  );
}
