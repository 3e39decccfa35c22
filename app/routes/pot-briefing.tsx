import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/user.server";
import { ErrorSummary, Select, SubmitButton } from "~/components/forms";
import { SummaryRow } from "~/components/summary-row";
import { Table } from "~/components/table";
import { isUuid } from "~/domain/ids";
import { briefingConsortia, potBriefing } from "~/domain/reporting/pot-briefing.server";
import { monthName } from "~/domain/reporting/rules";
import { previousMonth } from "~/domain/reporting/send-pot-briefings.server";
import { formatPence, londonIsoDate } from "~/format";
import { parseValues } from "~/forms.server";
import { t, type MessageKey } from "~/i18n";
import { pageTitle } from "~/page-title";
import { orErrorPage, notFoundPage } from "~/refusals.server";
import reportsCss from "~/styles/reports.css?url";
import { requireActing } from "./purchasing.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];
export const meta: MetaFunction = ({ data }) => pageTitle(t("briefing.title"), data);

const MONTHS_SHOWN = 24;
const recentMonths = (today: string) => {
  const months = [today.slice(0, 7)];
  while (months.length < MONTHS_SHOWN) months.push(previousMonth(`${months[months.length - 1]}-01`));
  return months;
};

const BriefingQuerySchema = z.object({
  consortium: z.string().refine(isUuid, t("reports.filter.invalidChoice")).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, t("briefing.invalidMonth"))
    .optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const consortia = await briefingConsortia(context.db, { authorityId, grants: user.grants });
  if (consortia.length === 0) requirePermission(user, "view:pot-briefing", { authorityId });
  const url = new URL(request.url);
  const values = Object.fromEntries(["consortium", "month"].flatMap((f) => (url.searchParams.get(f) ? [[f, url.searchParams.get(f)!.slice(0, 100)]] : [])));
  const parsed = parseValues(values, BriefingQuerySchema);
  const months = recentMonths(londonIsoDate(new Date()));
  const month = (parsed.ok && parsed.data.month) || previousMonth(londonIsoDate(new Date()));
  const asked = parsed.ok ? parsed.data.consortium : undefined;
  // A consortium the viewer may not read (or of another authority) is not found, never swapped for another.
  const chosen = asked ? consortia.find((c) => c.id === asked) : (consortia.find((c) => c.id === user.acting?.organisationId) ?? consortia[0]);
  if (asked && !chosen) throw notFoundPage();
  const briefing = chosen ? await orErrorPage(() => potBriefing(context.db, { authorityId, consortiumId: chosen.id, month })) : null;
  return data(
    {
      briefing,
      consortia,
      months: months.map((m) => ({ value: m, label: monthName(m) })),
      monthName: monthName(month),
      authorityName: user.acting?.authorityName ?? "",
      errors: parsed.ok ? null : parsed.errors,
      values,
    },
    { status: parsed.ok ? 200 : 400 },
  );
}

export default function PotBriefingPage() {
  const { briefing, consortia, months, monthName, authorityName, errors, values } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="app-print-only app-print-header">{authorityName}</p>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{briefing ? t("briefing.heading", { consortium: briefing.consortium.name, month: monthName }) : t("briefing.title")}</h1>
      <p className="govuk-body">{t("briefing.lead")}</p>
      <Form method="get" className="app-report-filter">
        <Select
          name="consortium"
          label={t("reports.filter.consortium")}
          errors={errors}
          defaultValue={briefing?.consortium.id ?? values.consortium ?? ""}
          options={consortia.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select name="month" label={t("briefing.month")} errors={errors} defaultValue={briefing?.month ?? ""} options={months} />
        <div className="govuk-button-group">
          <SubmitButton kind="secondary">{t("briefing.show")}</SubmitButton>
        </div>
      </Form>
      {briefing ? (
        <>
          <h2 className="govuk-heading-m">{t("briefing.summary")}</h2>
          <dl className="govuk-summary-list">
            <SummaryRow label={t("briefing.opening")}>{formatPence(briefing.openingPence)}</SummaryRow>
            <SummaryRow label={t("briefing.fundingIn.authority")}>{formatPence(briefing.authorityFundingPence)}</SummaryRow>
            <SummaryRow label={t("briefing.fundingIn.match")}>{formatPence(briefing.matchFundingPence)}</SummaryRow>
            <SummaryRow label={t("briefing.spent")}>{formatPence(briefing.spentPence)}</SummaryRow>
            <SummaryRow label={t("briefing.sharedBack")}>{formatPence(briefing.sharedBackPence)}</SummaryRow>
            <SummaryRow label={t("briefing.closing")}>{formatPence(briefing.closingPence)}</SummaryRow>
            <SummaryRow label={t("briefing.committed")}>{formatPence(briefing.committedPence)}</SummaryRow>
          </dl>
          <p className="govuk-body">{t("briefing.basis")}</p>
          <Table
            caption={t("briefing.bySubject", { month: monthName })}
            columns={[
              { label: t("reports.col.subject") },
              { label: t("briefing.spent"), numeric: true },
              { label: t("briefing.sharedBack"), numeric: true },
              { label: t("briefing.committed"), numeric: true },
            ]}
            rows={
              briefing.bySubject.length
                ? briefing.bySubject.map((l) => ({
                    key: l.subject,
                    cells: [
                      l.subject === "none" ? t("reports.none") : t(`subjectArea.${l.subject}` as MessageKey),
                      formatPence(l.spentPence),
                      formatPence(l.sharedBackPence),
                      formatPence(l.committedPence),
                    ],
                  }))
                : [{ key: "none", cells: [t("briefing.nothing"), "", "", ""] }]
            }
          />
        </>
      ) : (
        <p className="govuk-body">{t("briefing.noConsortia")}</p>
      )}
    </>
  );
}
