import { Link } from "~/components/link";
import { t } from "~/i18n";

export type PaginationItem = { kind: "page"; number: number; current: boolean } | { kind: "ellipsis" };

/** GOV.UK pagination: the first and last pages, the current one and its neighbours, ellipses between. */
export function paginationItems(current: number, totalPages: number): PaginationItem[] {
  const shown = new Set([1, totalPages, current - 1, current, current + 1].filter((n) => n >= 1 && n <= totalPages));
  const pages = [...shown].sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  pages.forEach((n, i) => {
    if (i > 0 && n - pages[i - 1] > 1) items.push({ kind: "ellipsis" });
    items.push({ kind: "page", number: n, current: n === current });
  });
  return items;
}

/** An address with a query (empty values left out) and a page number (page 1 left out). */
export function hrefWithQuery(path: string, query: Record<string, string | undefined>, page?: number) {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  if (page && page > 1) params.set("page", String(page));
  return params.size ? `${path}?${params}` : path;
}

const ARROW_PATHS = {
  prev: "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z",
  next: "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z",
};

/** GOV.UK's arrow beside the previous and next links. */
function Arrow({ direction }: { direction: keyof typeof ARROW_PATHS }) {
  return (
    <svg
      className={`govuk-pagination__icon govuk-pagination__icon--${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d={ARROW_PATHS[direction]} />
    </svg>
  );
}

/** The GOV.UK pagination component, with plain links so it works without JavaScript. */
export function Pagination({
  items,
  current,
  totalPages,
  hrefFor,
  label,
}: {
  items: PaginationItem[];
  current: number;
  totalPages: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(current - 1)} rel="prev">
            <Arrow direction="prev" />
            <span className="govuk-pagination__link-title">
              {t("catalogue.pagination.previous")}
              <span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {items.map((item, i) =>
          item.kind === "ellipsis" ? (
            <li className="govuk-pagination__item govuk-pagination__item--ellipses" key={`e${i}`}>
              ⋯
            </li>
          ) : (
            <li className={`govuk-pagination__item${item.current ? " govuk-pagination__item--current" : ""}`} key={item.number}>
              <Link
                className="govuk-link govuk-pagination__link"
                to={hrefFor(item.number)}
                aria-label={t("catalogue.pagination.page", { page: item.number })}
                aria-current={item.current ? "page" : undefined}
              >
                {item.number}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < totalPages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              {t("catalogue.pagination.next")}
              <span className="govuk-visually-hidden"> page</span>
            </span>
            <Arrow direction="next" />
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
