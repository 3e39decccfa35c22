import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { CATEGORY_SCHEMES, ESTABLISHMENT_TYPES, PHASES } from "#db/schema/tenancy-vocabulary";
import { requireAuthorityPermission } from "~/auth/user.server";
import { CheckboxFilter, FilterLayout, SearchFilter } from "~/components/filter-layout";
import { Pagination, paginationItems } from "~/components/pagination";
import { Grade } from "~/components/inspection-history";
import { SortableHeader, ItemTable } from "~/components/table";
import { nextSort } from "~/domain/list-query";
import {
  chosenFilters,
  INSPECTION_OUTCOMES,
  parseSchoolViewQuery,
  schoolViewHref,
  withoutFilter,
  type SchoolViewQuery,
  type SchoolViewSort,
} from "~/domain/school-view/rules";
import { schoolView } from "~/domain/school-view/school-view.server";
import { formatDate, formatPence, londonIsoDate } from "~/format";
import { t, type MessageKey } from "~/i18n";
import { pageTitle } from "~/page-title";
import { orErrorPage } from "~/refusals.server";

const ALL_CATEGORIES = [...CATEGORY_SCHEMES.england, ...CATEGORY_SCHEMES.wales];

export const meta: MetaFunction = () => pageTitle(t("schoolView.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "view:schools");
  const query = parseSchoolViewQuery(new URL(request.url).searchParams, ALL_CATEGORIES);
  const { matching: _all, ...view } = await orErrorPage(() => schoolView(context.db, { actor: user, authorityId, query, today: londonIsoDate(new Date()) }));
  return view;
}

const PATH = "/schools";

function filterLabel(field: keyof SchoolViewQuery, value: string, consortia: { id: string; name: string }[]) {
  switch (field) {
    case "consortia":
      return consortia.find((c) => c.id === value)?.name ?? value;
    case "phases":
      return t(`phase.${value}` as MessageKey);
    case "types":
      return t(`establishmentType.${value}` as MessageKey);
    case "outcomes":
      return t(`schoolView.outcome.${value}` as MessageKey);
    case "bought":
      return t(`schoolView.bought.${value}` as MessageKey);
    case "mine":
      return t("schoolView.filter.mine");
    case "attention":
      return t("schoolView.filter.attention");
    default:
      return value;
  }
}

const GROUP_HEADINGS: Partial<Record<keyof SchoolViewQuery, MessageKey>> = {
  q: "schoolView.filter.search",
  mine: "schoolView.filter.show",
  attention: "schoolView.filter.show",
  consortia: "schoolView.filter.consortium",
  phases: "schoolView.filter.phase",
  types: "schoolView.filter.type",
  categories: "schoolView.filter.category",
  outcomes: "schoolView.filter.outcome",
  bought: "schoolView.filter.bought",
};

export default function SchoolView() {
  const { query, rows, total, totals, page, totalPages, year, options } = useLoaderData<typeof loader>();
  const chosen = chosenFilters(query);
  const groups = [...new Set(chosen.map((c) => GROUP_HEADINGS[c.field]!))].map((heading) => ({
    heading: t(heading),
    tags: chosen
      .filter((c) => GROUP_HEADINGS[c.field] === heading)
      .map((c) => ({ label: filterLabel(c.field, c.value, options.consortia), href: schoolViewHref(PATH, withoutFilter(query, c.field, c.value)) })),
  }));
  const sortHref = (column: SchoolViewSort) => schoolViewHref(PATH, query, { page: 1, sort: nextSort(query, column) });
  const header = (column: SchoolViewSort, label: string, numeric = false) => (
    <SortableHeader label={label} column={column} sort={query.sort} direction={query.direction} href={sortHref(column)} numeric={numeric} />
  );
  const sortHidden: Record<string, string> = query.sort !== "name" || query.direction !== "ascending" ? { sort: query.sort, direction: query.direction } : {};
  return (
    <>
      <h1 className="govuk-heading-l">{t("schoolView.title")}</h1>
      <p className="govuk-body">{t("schoolView.lead", { year: year.label })}</p>
      <FilterLayout
        label={t("schoolView.filters")}
        selected={groups}
        clearHref={PATH}
        hidden={sortHidden}
        results={
          <>
            <h2 className="govuk-heading-m" aria-live="polite">
              {t("schoolView.results", { count: total, all: totals.schools })}
            </h2>
            <p className="govuk-body">
              {t("schoolView.totals", { count: totals.orders, orders: totals.orders, spent: formatPence(totals.spentPence), year: year.label })}{" "}
              <a className="govuk-link" href={schoolViewHref(`${PATH}.csv`, query, { page: 1 })} download>
                {t("schoolView.csv")}
              </a>
            </p>
            <ItemTable
              compact
              caption={t("schoolView.caption", { sort: t(`schoolView.col.${query.sort}`), direction: t(`schoolView.direction.${query.direction}`) })}
              captionSize="hidden"
              columns={[
                {
                  header: header("name", t("schoolView.col.name")),
                  cell: (r) => (
                    <>
                      <Link className="govuk-link" to={`/schools/${r.id}`}>
                        {r.name}
                      </Link>
                      <span className="govuk-hint govuk-!-margin-bottom-0 app-block">
                        {t("schoolView.urnTypePhase", {
                          urn: r.urn,
                          type: t(`establishmentType.${r.establishmentType}` as MessageKey),
                          phase: t(`phase.${r.phase}` as MessageKey),
                        })}
                      </span>
                      {r.status === "closed" ? <strong className="govuk-tag govuk-tag--grey">{t("schoolStatus.closed")}</strong> : null}
                      {r.attention ? <strong className="govuk-tag govuk-tag--red">{t("schoolView.attentionTag")}</strong> : null}
                    </>
                  ),
                },
                {
                  header: header("consortium", t("schoolView.col.consortium")),
                  cell: (r) => (
                    <>
                      {r.consortium?.name ?? t("schoolView.none")}
                      {r.mouSigned === null ? null : (
                        <span className="govuk-hint govuk-!-margin-bottom-0 app-block">
                          {t(r.mouSigned ? "schoolView.mou.signed" : "schoolView.mou.unsigned")}
                        </span>
                      )}
                    </>
                  ),
                },
                { header: header("category", t("schoolView.col.category")), cell: (r) => r.category ?? t("schoolView.none") },
                {
                  header: header("inspected", t("schoolView.col.inspected")),
                  cell: (r) =>
                    r.inspection ? (
                      <>
                        {r.inspection.grade ? <Grade grade={r.inspection.grade} /> : t(`schoolView.outcome.${r.inspection.outcome}` as MessageKey)}
                        <span className="govuk-hint govuk-!-margin-bottom-0 app-block">
                          {t(`inspection.inspectorate.${r.inspection.inspectorate}` as MessageKey)}, {formatDate(r.inspection.inspectedOn)}
                        </span>
                      </>
                    ) : (
                      t("schoolView.outcome.none")
                    ),
                },
                {
                  header: header("spent", t("schoolView.col.spent"), true),
                  cell: (r) => ({
                    cell: (
                      <>
                        {formatPence(r.spentThisYearPence)}
                        <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{t("schoolView.orderCount", { count: r.ordersThisYear })}</span>
                      </>
                    ),
                    numeric: true,
                  }),
                },
                {
                  label: t("schoolView.col.evaluations"),
                  cell: (r) => (
                    <>
                      {r.evaluations > 0 && r.averageScoreHundredths !== null
                        ? t("schoolView.evaluationsValue", { count: r.evaluations, average: (r.averageScoreHundredths / 100).toFixed(1) })
                        : t("schoolView.noEvaluations")}
                      {r.impactRecords > 0 ? (
                        <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{t("schoolView.impactCount", { count: r.impactRecords })}</span>
                      ) : null}
                    </>
                  ),
                },
              ]}
              items={rows}
              empty={t("schoolView.noResults")}
            />
            <Pagination
              items={paginationItems(page, totalPages)}
              current={page}
              totalPages={totalPages}
              hrefFor={(n) => schoolViewHref(PATH, query, { page: n })}
              label={t("schoolView.pagination")}
            />
          </>
        }
      >
        <SearchFilter label={t("schoolView.filter.search")} hint={t("schoolView.filter.searchHint")} defaultValue={query.q} />
        {options.isAdviser ? (
          <CheckboxFilter
            name="mine"
            legend={t("schoolView.filter.show")}
            checked={query.mine ? ["yes"] : []}
            options={[{ value: "yes", label: t("schoolView.filter.mine") }]}
          />
        ) : null}
        <CheckboxFilter
          name="attention"
          legend={t("schoolView.filter.needs")}
          checked={query.attention ? ["yes"] : []}
          options={[{ value: "yes", label: t("schoolView.filter.attention"), hint: t("schoolView.filter.attentionHint") }]}
        />
        <CheckboxFilter
          name="consortium"
          legend={t("schoolView.filter.consortium")}
          checked={query.consortia}
          options={options.consortia.map((c) => ({ value: c.id, label: c.name }))}
        />
        <CheckboxFilter
          name="phase"
          legend={t("schoolView.filter.phase")}
          checked={query.phases}
          options={PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))}
        />
        <CheckboxFilter
          name="type"
          legend={t("schoolView.filter.type")}
          checked={query.types}
          options={ESTABLISHMENT_TYPES.map((ty) => ({ value: ty, label: t(`establishmentType.${ty}`) }))}
        />
        <CheckboxFilter
          name="category"
          legend={t("schoolView.filter.category")}
          checked={query.categories}
          options={options.categories.map((c) => ({ value: c, label: c }))}
        />
        <CheckboxFilter
          name="outcome"
          legend={t("schoolView.filter.outcome")}
          checked={query.outcomes}
          options={INSPECTION_OUTCOMES.map((o) => ({ value: o, label: t(`schoolView.outcome.${o}`) }))}
        />
        <CheckboxFilter
          name="bought"
          legend={t("schoolView.filter.bought")}
          checked={query.bought ? [query.bought] : []}
          options={(["yes", "no"] as const).map((b) => ({ value: b, label: t(`schoolView.bought.${b}`) }))}
        />
      </FilterLayout>
    </>
  );
}
