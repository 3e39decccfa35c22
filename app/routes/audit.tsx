import { SubmitWithLink } from "~/components/submit-with-link";
import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireActing } from "./purchasing.server";
import { answeredField, DateInput, ErrorSummary, Select } from "~/components/forms";
import { auditFilterOf, AuditQuerySchema, filterValuesOf, filterParams, pageStartOf } from "~/domain/audit-log/audit-query";
import { auditActionLabel, auditChanges } from "~/domain/audit-log/rules";
import { auditLogPage, filterBelongsTo } from "~/domain/audit-log/search-audit-log.server";
import { parseValues } from "~/forms.server";
import { t } from "~/i18n";
import { orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("audit.title"), data);

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "Europe/London",
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const url = new URL(request.url);
  const values = filterValuesOf(url.searchParams);
  const parsed = parseValues(values, AuditQuerySchema);
  const filter = parsed.ok ? auditFilterOf(parsed.data) : null;
  const foreign = filter ? !(await filterBelongsTo(context.db, authorityId, filter)) : false;
  const query = filter && !foreign ? { authorityId, filter, ...pageStartOf(url.searchParams) } : null;
  const page = await orErrorPage(() => auditLogPage(context.db, { actor: user, authorityId, query }));
  const errors = !parsed.ok ? parsed.errors : foreign ? { form: [t("audit.filter.notFound")] } : null;
  const filterQuery = filterParams(values).toString();
  return data(
    {
      ...page,
      entries: page.entries.map((e) => ({ ...e, when: dateTime.format(e.at), changes: auditChanges(e.before, e.after), before: undefined, after: undefined })),
      values,
      errors,
      filterQuery,
    },
    { status: errors ? 400 : 200, headers: { "Cache-Control": "no-store" } },
  );
}

export default function AuditLog() {
  const { entries, people, organisations, actions, values, errors, filterQuery, hasNewer, hasOlder } = useLoaderData<typeof loader>();
  const pageHref = (key: "before" | "after", cursor: string) =>
    `/audit?${new URLSearchParams([...new URLSearchParams(filterQuery), [key, cursor]]).toString()}`;
  const any = { value: "", label: t("audit.filter.any") };
  const field = answeredField(errors, values);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("audit.title")}</h1>
      <p className="govuk-body">{t("audit.lead")}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Form method="get" role="search" aria-label={t("audit.filter.heading")}>
            <h2 className="govuk-heading-m">{t("audit.filter.heading")}</h2>
            <Select
              {...field("person")}
              label={t("audit.filter.person")}
              options={[any, ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))]}
            />
            <Select
              {...field("organisation")}
              label={t("audit.filter.organisation")}
              options={[any, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            />
            <Select {...field("action")} label={t("audit.filter.action")} options={[any, ...actions.map((a) => ({ value: a, label: auditActionLabel(a) }))]} />
            <DateInput name="from" legend={t("audit.filter.from")} hint={t("audit.filter.dateHint")} errors={errors} values={values} />
            <DateInput name="to" legend={t("audit.filter.to")} hint={t("audit.filter.dateHint")} errors={errors} values={values} />
            <SubmitWithLink submit={t("audit.filter.apply")} to="/audit" link={t("audit.filter.clear")} />
          </Form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          {errors ? null : (
            <p className="govuk-body">
              <a className="govuk-link" href={`/audit.csv${filterQuery ? `?${filterQuery}` : ""}`} download>
                {t("audit.download")}
              </a>
            </p>
          )}
          <ItemTable
            compact
            caption={t("audit.title")}
            captionSize="hidden"
            rowHeader={false}
            columns={[
              { label: t("audit.when"), cell: (e) => e.when },
              { label: t("audit.who"), cell: (e) => e.actorName ?? t("audit.system") },
              {
                label: t("audit.what"),
                cell: (e) => (
                  <>
                    <strong>{auditActionLabel(e.action)}</strong>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">
                      {e.organisationName ? `${e.organisationName} · ` : ""}
                      <span lang="en">
                        {e.action} · {e.entityType}
                      </span>{" "}
                      {e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
                    </span>
                  </>
                ),
              },
              {
                label: t("audit.change"),
                cell: (e) =>
                  e.changes.length === 0 ? (
                    t("audit.noChange")
                  ) : (
                    <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-0 govuk-!-font-size-16">
                      {e.changes.slice(0, 12).map((c) => (
                        <div className="govuk-summary-list__row" key={c.field}>
                          {/* The record's own field names, as stored: English words, marked so. */}
                          <dt className="govuk-summary-list__key" lang="en">
                            {c.field}
                          </dt>
                          <dd className="govuk-summary-list__value">
                            <span className="govuk-visually-hidden">{t("audit.before")}: </span>
                            <del>{c.before ?? t("audit.empty")}</del> → <span className="govuk-visually-hidden">{t("audit.after")}: </span>
                            <ins>{c.after ?? t("audit.empty")}</ins>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ),
              },
            ]}
            items={entries}
            empty={t("audit.none")}
          />
          {hasNewer || hasOlder ? (
            <nav className="govuk-pagination govuk-pagination--block" aria-label={t("audit.pagination")}>
              {hasNewer && entries.length ? (
                <div className="govuk-pagination__prev">
                  <Link className="govuk-link govuk-pagination__link" to={pageHref("after", entries[0].cursor)} rel="prev">
                    <span className="govuk-pagination__link-title">{t("audit.newer")}</span>
                  </Link>
                </div>
              ) : null}
              {hasOlder && entries.length ? (
                <div className="govuk-pagination__next">
                  <Link className="govuk-link govuk-pagination__link" to={pageHref("before", entries[entries.length - 1].cursor)} rel="next">
                    <span className="govuk-pagination__link-title">{t("audit.older")}</span>
                  </Link>
                </div>
              ) : null}
            </nav>
          ) : null}
        </div>
      </div>
    </>
  );
}
