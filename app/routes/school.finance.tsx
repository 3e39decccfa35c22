import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Select, SubmitButton } from "~/components/forms";
import { donePath } from "~/done";
import { financialYearLabel, CFR_CODES } from "~/domain/reporting/rules";
import { schoolFinancePage } from "~/domain/reporting/school-purchases.server";
import { setCfrCode } from "~/domain/reporting/set-cfr-code.server";
import { formatDate, formatPence } from "~/format";
import { t, type MessageKey } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm, orErrorPage } from "~/refusals.server";
import { Table } from "~/components/table";
import { MatchFundingDocuments } from "~/components/match-funding-documents";
import { loadSchoolFinanceQuery } from "./school.finance.server";
import { currentFinancialYear } from "./traded-income.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("schoolFinance.title"), data);

const CfrSchema = z.object({
  intent: z.literal("cfr"),
  orderId: z.string().max(100),
  code: z.enum(CFR_CODES, { errorMap: () => ({ message: t("schoolFinance.invalidCode") }) }),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId, schoolId, year } = await loadSchoolFinanceQuery(request, context);
  return orErrorPage(() => schoolFinancePage(context.db, { actor: user, authorityId, schoolId, financialYear: year, latestYear: currentFinancialYear() }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, authorityId, year } = await loadSchoolFinanceQuery(request, context);
  const done = await attemptForm(request, CfrSchema, ({ orderId, code }) => setCfrCode(context.db, { actor, authorityId, orderId, code }));
  if (!done.ok) return done.response;
  return redirect(donePath(`/school/finance?school=${done.value.schoolId}&year=${financialYearLabel(year)}`, "cfrCodeSet"));
}

export default function SchoolFinance() {
  const { purchases, matchFunding, year, years, schools, can } = useLoaderData<typeof loader>();
  const canSetCodes = can.setCodes;
  const result = useActionData<typeof action>();
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(purchases && canSetCodes ? { school: purchases.school.id } : {}), year, ...extra }).toString();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="govuk-heading-l">{purchases ? t("schoolFinance.heading", { school: purchases.school.name, year }) : t("schoolFinance.title")}</h1>
      <p className="govuk-body">{t("schoolFinance.lead")}</p>
      <Form method="get" className="app-report-filter">
        {canSetCodes ? (
          <Select
            name="school"
            label={t("schoolFinance.school")}
            defaultValue={purchases?.school.id ?? ""}
            options={[{ value: "", label: t("schoolFinance.chooseSchool") }, ...schools]}
          />
        ) : null}
        <Select name="year" label={t("reports.filter.year")} defaultValue={year} options={years.map((y) => ({ value: y, label: y }))} />
        <SubmitButton kind="secondary">{t("schoolFinance.show")}</SubmitButton>
      </Form>
      {purchases ? (
        <>
          <p className="govuk-body">
            <a className="govuk-link" href={`/school/finance.csv?${query({})}`} download>
              {t("schoolFinance.csv", { year })}
            </a>
          </p>
          <Table
            caption={t("schoolFinance.caption", { year })}
            columns={["date", "offer", "provider", "route", "net", "vat", "payable", "cfr"].map((c) => ({
              label: t(`schoolFinance.col.${c}` as MessageKey),
              numeric: ["net", "vat", "payable"].includes(c),
            }))}
            rows={purchases.lines.map((l) => ({
              key: l.orderId,
              cells: [
                formatDate(l.placedOn),
                { cell: l.title, header: true },
                l.providerName,
                t(`paymentRoute.${l.paymentRoute}` as MessageKey),
                formatPence(l.netPence - l.potPence),
                formatPence(l.vatPence),
                formatPence(l.payablePence),
                canSetCodes ? (
                  <Form method="post" action={`/school/finance?${query({})}`}>
                    <input type="hidden" name="orderId" value={l.orderId} />
                    <div className="govuk-form-group govuk-!-margin-bottom-2">
                      <label className="govuk-label govuk-visually-hidden" htmlFor={`code-${l.orderId}`}>
                        {t("schoolFinance.codeFor", { offer: l.title })}
                      </label>
                      <select className="govuk-select" id={`code-${l.orderId}`} name="code" defaultValue={l.cfrCode}>
                        {CFR_CODES.map((c) => (
                          <option value={c} key={c}>
                            {t(`cfr.${c}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <SubmitButton intent="cfr" kind="secondary" className="govuk-!-margin-bottom-0">
                      {t("schoolFinance.setCode")}
                    </SubmitButton>
                  </Form>
                ) : (
                  t(`cfr.${l.cfrCode}` as MessageKey)
                ),
              ],
            }))}
            rowHeader={false}
            empty={t("schoolFinance.none", { year })}
          />
          {matchFunding ? <MatchFundingDocuments year={year} documents={matchFunding} /> : null}
        </>
      ) : null}
    </>
  );
}
