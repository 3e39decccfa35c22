import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireAuthorityPermission } from "~/auth/user.server";
import { CheckboxFilter, FilterLayout, labelled, SearchFilter } from "~/components/filter-layout";
import { Pagination, paginationItems } from "~/components/pagination";
import { SortableHeader, ItemTable } from "~/components/table";
import { ESTABLISHMENT_TYPES, ORGANISATION_KINDS, PHASES, SCHOOL_STATUSES } from "~/db.server";
import { directoryHref, directoryWithout } from "~/domain/directory/directory-href";
import { parseDirectoryQuery, type DirectorySort } from "~/domain/directory/directory-query";
import { nextSort } from "~/domain/list-query";
import { searchDirectory } from "~/domain/directory/search-directory.server";
import { t, type MessageKey } from "~/i18n";
import { orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("directory.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "view:directory");
  const query = parseDirectoryQuery(new URL(request.url).searchParams);
  const result = await orErrorPage(() => searchDirectory(context.db, { actor: user, authorityId, query }));
  return {
    query,
    ...result,
    authorityName: user.acting?.authorityName ?? "",
    options: { kinds: ORGANISATION_KINDS, phases: PHASES, types: ESTABLISHMENT_TYPES, statuses: SCHOOL_STATUSES },
  };
}

export default function Directory() {
  const { query, rows, total, page, totalPages, authorityName, options } = useLoaderData<typeof loader>();
  const filterOptions = {
    kinds: labelled(options.kinds, (k) => t(`orgKind.${k}`)),
    phases: labelled(options.phases, (p) => t(`phase.${p}`)),
    types: labelled(options.types, (ty) => t(`establishmentType.${ty}`)),
    statuses: labelled(options.statuses, (s) => t(`schoolStatus.${s}`)),
  };
  const header = (column: DirectorySort, label: string, numeric = false) => (
    <SortableHeader
      label={label}
      column={column}
      sort={query.sort}
      direction={query.direction}
      href={directoryHref(query, 1, nextSort(query, column))}
      numeric={numeric}
    />
  );
  const tags = (field: "kinds" | "phases" | "types" | "statuses", label: (v: string) => string) =>
    (query[field] as string[]).map((v) => ({ label: label(v), href: directoryWithout(query, field, v) }));
  const selected = [
    { heading: t("directory.search"), tags: query.q ? [{ label: query.q, href: directoryWithout(query, "q", query.q) }] : [] },
    { heading: t("directory.filter.kind"), tags: tags("kinds", (v) => t(`orgKind.${v}` as MessageKey)) },
    { heading: t("directory.filter.phase"), tags: tags("phases", (v) => t(`phase.${v}` as MessageKey)) },
    { heading: t("directory.filter.type"), tags: tags("types", (v) => t(`establishmentType.${v}` as MessageKey)) },
    { heading: t("directory.filter.status"), tags: tags("statuses", (v) => t(`schoolStatus.${v}` as MessageKey)) },
  ];
  const sortHidden: Record<string, string> = query.sort !== "name" || query.direction !== "ascending" ? { sort: query.sort, direction: query.direction } : {};
  return (
    <>
      <h1 className="govuk-heading-l">{t("directory.title")}</h1>
      <p className="govuk-body">{t("directory.lead", { authority: authorityName })}</p>
      <FilterLayout
        label={t("directory.filters")}
        selected={selected}
        clearHref="/directory"
        hidden={sortHidden}
        results={
          <>
            <h2 className="govuk-heading-m" aria-live="polite">
              {t("directory.results", { total })}
            </h2>
            <ItemTable
              caption={t("directory.results", { total })}
              captionSize="hidden"
              rowHeader={false}
              columns={[
                {
                  header: header("name", t("directory.col.name")),
                  cell: (r) => (
                    <>
                      <Link className="govuk-link" to={`/directory/${r.id}`}>
                        {r.name}
                      </Link>
                      {r.urn ? (
                        <span className="govuk-hint govuk-!-margin-bottom-0 app-block">
                          {t("directory.col.urn")} {r.urn}
                          {r.establishmentType ? ` · ${t(`establishmentType.${r.establishmentType}` as MessageKey)}` : ""}
                        </span>
                      ) : null}
                    </>
                  ),
                },
                { header: header("kind", t("directory.col.kind")), cell: (r) => t(`orgKind.${r.kind}`) },
                { header: header("phase", t("directory.col.phase")), cell: (r) => (r.phase ? t(`phase.${r.phase}` as MessageKey) : "") },
                { header: header("roll", t("directory.col.roll"), true), cell: (r) => ({ cell: r.numberOnRoll ?? "", numeric: true }) },
                {
                  header: header("status", t("directory.col.status")),
                  cell: (r) =>
                    r.status === "closed" ? (
                      <strong className="govuk-tag govuk-tag--grey">{t("schoolStatus.closed")}</strong>
                    ) : r.status ? (
                      t("schoolStatus.open")
                    ) : (
                      ""
                    ),
                },
              ]}
              items={rows}
              empty={t("directory.noResults")}
            />
            <Pagination
              items={paginationItems(page, totalPages)}
              current={page}
              totalPages={totalPages}
              hrefFor={(n) => directoryHref(query, n)}
              label={t("directory.pagination")}
            />
          </>
        }
      >
        <SearchFilter label={t("directory.search")} defaultValue={query.q} />
        <CheckboxFilter name="kind" legend={t("directory.filter.kind")} checked={query.kinds} options={filterOptions.kinds} />
        <CheckboxFilter name="phase" legend={t("directory.filter.phase")} checked={query.phases} options={filterOptions.phases} />
        <CheckboxFilter name="type" legend={t("directory.filter.type")} checked={query.types} options={filterOptions.types} />
        <CheckboxFilter name="status" legend={t("directory.filter.status")} checked={query.statuses} options={filterOptions.statuses} />
      </FilterLayout>
    </>
  );
}
