import { SummaryRow } from "~/components/summary-row";
import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { DateInput, ErrorSummary, SubmitButton } from "~/components/forms";
import { describeCauses } from "~/domain/ledger/statement-causes.server";
import { causeKey, statementTerms, type CauseLabel } from "~/domain/ledger/statement-terms";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { loadStatement, statementCsvHref } from "./statement.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? t("statement.title", { account: data.statement.account.name }) : t("accounts.title"), data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const loaded = await loadStatement(request, context, params.accountId, { forwardFormatCsv: true });
  const { reader, ...statement } = loaded;
  const causes = await describeCauses(context.db, loaded.statement.account.authorityId, loaded.statement.lines, reader);
  return data({ ...statement, causes, csvHref: statementCsvHref(loaded.statement.account.id, loaded) }, { status: loaded.errors ? 400 : 200 });
}

export default function AccountStatement() {
  const { statement, filter, errors, csvHref, causes } = useLoaderData<typeof loader>();
  const { account, lines } = statement;
  const terms = statementTerms(account.kind);
  const from = statement.from ? formatDate(statement.from) : t("statement.beginning");
  const to = statement.to ? formatDate(new Date(new Date(statement.to).getTime() - 1)) : t("statement.today");
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{account.ownerName}</span>
      <h1 className="govuk-heading-l">{t("statement.title", { account: account.name })}</h1>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("accounts.owner")}>{account.ownerName}</SummaryRow>
        <SummaryRow label={t("accounts.kind")}>{t(`ledger.accountKind.${account.kind}`)}</SummaryRow>
        <SummaryRow label={t("statement.closing")}>{formatPence(statement.closingPence)}</SummaryRow>
      </dl>

      <Form method="get" className="app-statement-filter">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("statement.filter.legend")}</legend>
          <DateInput name="from" legend={t("statement.filter.from")} hint={t("statement.filter.hint")} errors={errors} values={filter} />
          <DateInput name="to" legend={t("statement.filter.to")} hint={t("statement.filter.hint")} errors={errors} values={filter} />
        </fieldset>
        <SubmitButton kind="secondary">{t("statement.filter.submit")}</SubmitButton>
      </Form>

      <Table
        caption={t("statement.caption", { from, to })}
        captionSize="m"
        rowHeader={false}
        columns={[
          { label: t("statement.date") },
          { label: t("statement.description") },
          { label: t("statement.cause") },
          { label: t("statement.amount"), numeric: true },
          { label: t("statement.running"), numeric: true },
        ]}
        rows={[
          {
            key: "opening",
            cells: [
              statement.from ? formatDate(statement.from) : "",
              { cell: t("statement.opening"), header: true, colSpan: 3 },
              formatPence(statement.openingPence),
            ],
          },
          ...(lines.length === 0 ? [{ key: "none", cells: [{ cell: t("statement.none"), colSpan: 5 }] }] : []),
          ...lines.map((line, i) => ({
            key: `${line.entryId}-${i}`,
            cells: [
              formatDate(line.date),
              line.description,
              <CauseCell cause={causes[causeKey(line.causeType, line.causeId)]} key="cause" />,
              formatPence(line.amountPence),
              formatPence(line.runningPence),
            ],
          })),
          {
            key: "closing",
            cells: [
              statement.to ? formatDate(new Date(new Date(statement.to).getTime() - 1)) : "",
              {
                cell: (
                  <>
                    {t("statement.closing")}: {t(statement.closingPence < 0 ? terms.closingNegative : terms.closing)}
                  </>
                ),
                header: true,
                colSpan: 3,
              },
              formatPence(statement.closingPence),
            ],
          },
        ]}
      />
      <p className="govuk-body govuk-hint">{t(terms.signNote)}</p>
      <p className="govuk-body">
        <a className="govuk-link" href={csvHref} download>
          {t("statement.csv")}
        </a>
      </p>
    </>
  );
}

function CauseCell({ cause }: { cause: CauseLabel | undefined }) {
  if (!cause) return null;
  return cause.href ? (
    <Link className="govuk-link" to={cause.href}>
      {cause.label}
    </Link>
  ) : (
    <>{cause.label}</>
  );
}
