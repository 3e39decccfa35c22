import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { forbidden, requireAuthorityId, requireUser } from "~/auth/user.server";
import { ErrorSummary, TextInput, type FieldErrors } from "~/components/forms";
import { canViewStatement } from "~/domain/ledger/statement-access";
import { isCalendarDate, periodBounds } from "~/domain/ledger/statement-period";
import { accountStatement, findAccount, statementToCsv, type Statement } from "~/domain/ledger/statement.server";
import { formatDate, formatPence, formatShortDate } from "~/format";
import { parseValues } from "~/forms.server";
import { t } from "~/i18n";

const day = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
  z.string().max(10, t("statement.filter.invalidDate")).refine(isCalendarDate, t("statement.filter.invalidDate")).optional(),
);

const StatementQuerySchema = z
  .object({ from: day, to: day, format: z.enum(["html", "csv"]).catch("html") })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: t("statement.filter.order"), path: ["to"] });

export const meta: MetaFunction = ({ data: loaded }) => [
  { title: `${loaded ? t("statement.title", { account: (loaded as StatementPage).statement.account.name }) : t("accounts.title")} – ${t("service.name")}` },
];

type StatementPage = { statement: Statement; filter: { from: string; to: string }; errors: FieldErrors | null };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  const account = await findAccount(context.db, { authorityId, accountId: params.accountId ?? "" });
  if (!account) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  if (!canViewStatement(user.grants, account)) throw forbidden();

  const url = new URL(request.url);
  const query = parseValues(Object.fromEntries(url.searchParams), StatementQuerySchema);
  const filter = { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" };
  if (!query.ok) {
    const statement = await accountStatement(context.db, { authorityId, accountId: account.id });
    return data<StatementPage>({ statement, filter, errors: query.errors }, { status: 400 });
  }
  const statement = await accountStatement(context.db, { authorityId, accountId: account.id, ...periodBounds(query.data) });
  if (query.data.format === "csv") {
    const name = `statement-${account.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase().slice(0, 60)}.csv`;
    return new Response(statementToCsv(statement), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
    });
  }
  return data<StatementPage>({ statement, filter, errors: null });
}

export default function AccountStatement() {
  // The loader also answers with a CSV Response, which hides the page's shape from useLoaderData's type.
  const { statement, filter, errors } = useLoaderData<typeof loader>() as unknown as StatementPage;
  const { account, lines } = statement;
  const from = statement.from ? formatDate(statement.from) : t("statement.beginning");
  const to = statement.to ? formatDate(new Date(new Date(statement.to).getTime() - 1)) : t("statement.today");
  const csvQuery = new URLSearchParams({ ...(errors ? {} : Object.fromEntries(Object.entries(filter).filter(([, v]) => v))), format: "csv" });
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{account.ownerName}</span>
      <h1 className="govuk-heading-l">{t("statement.title", { account: account.name })}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("accounts.owner")}</dt>
          <dd className="govuk-summary-list__value">{account.ownerName}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("accounts.kind")}</dt>
          <dd className="govuk-summary-list__value">{t(`ledger.accountKind.${account.kind}`)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("statement.closing")}</dt>
          <dd className="govuk-summary-list__value">{formatPence(statement.closingPence)}</dd>
        </div>
      </dl>

      <Form method="get" className="app-statement-filter">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("statement.filter.legend")}</legend>
          <TextInput name="from" type="date" label={t("statement.filter.from")} hint={t("statement.filter.hint")} errors={errors} defaultValue={filter.from} width="10" />
          <TextInput name="to" type="date" label={t("statement.filter.to")} hint={t("statement.filter.hint")} errors={errors} defaultValue={filter.to} width="10" />
        </fieldset>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("statement.filter.submit")}
        </button>
      </Form>

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("statement.caption", { from, to })}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("statement.date")}</th>
            <th scope="col" className="govuk-table__header">{t("statement.description")}</th>
            <th scope="col" className="govuk-table__header">{t("statement.cause")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("statement.amount")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("statement.running")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          <tr className="govuk-table__row">
            <td className="govuk-table__cell">{statement.from ? formatShortDate(statement.from) : ""}</td>
            <th scope="row" className="govuk-table__header" colSpan={3}>{t("statement.opening")}</th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(statement.openingPence)}</td>
          </tr>
          {lines.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={5}>{t("statement.none")}</td>
            </tr>
          ) : null}
          {lines.map((line, i) => (
            <tr className="govuk-table__row" key={`${line.entryId}-${i}`}>
              <td className="govuk-table__cell">{formatShortDate(line.date)}</td>
              <td className="govuk-table__cell">{line.description}</td>
              <td className="govuk-table__cell">
                {line.causeType}
                <br />
                <span className="govuk-body-s">{line.causeId}</span>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(line.amountPence)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(line.runningPence)}</td>
            </tr>
          ))}
          <tr className="govuk-table__row">
            <td className="govuk-table__cell">{statement.to ? formatShortDate(new Date(new Date(statement.to).getTime() - 1)) : ""}</td>
            <th scope="row" className="govuk-table__header" colSpan={3}>{t("statement.closing")}</th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(statement.closingPence)}</td>
          </tr>
        </tbody>
      </table>
      <p className="govuk-body govuk-hint">{t("statement.signNote")}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`?${csvQuery}`} reloadDocument download>
          {t("statement.csv")}
        </Link>
      </p>
    </>
  );
}
