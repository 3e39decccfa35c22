import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { t } from "~/i18n";
import { Choices, SubmitButton } from "./forms";

export type SelectedFilterGroup = { heading: string; tags: { label: string; href: string }[] };

/**
 * The MOJ filter pattern: a panel beside the results with the chosen filters as tags (each a link
 * that removes it) and the filter options in a GET form, so it works without JavaScript and every
 * filtered list has its own address.
 */
export function FilterLayout({
  label,
  selected,
  clearHref,
  children,
  results,
  hidden = {},
}: {
  label: string;
  selected: SelectedFilterGroup[];
  clearHref: string;
  children: ReactNode;
  results: ReactNode;
  hidden?: Record<string, string>;
}) {
  const chosen = selected.filter((g) => g.tags.length > 0);
  return (
    <div className="govuk-grid-row app-filter-layout">
      <div className="govuk-grid-column-one-quarter">
        <div className="app-filter">
          <h2 className="govuk-heading-m app-filter__header">{t("filter.heading")}</h2>
          {chosen.length > 0 ? (
            <div className="app-filter__selected">
              <div className="app-filter__selected-heading">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{t("filter.selected")}</h3>
                <p className="govuk-body-s">
                  <Link className="govuk-link" to={clearHref}>
                    {t("filter.clear")}
                  </Link>
                </p>
              </div>
              {chosen.map((group) => (
                <div key={group.heading}>
                  <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{group.heading}</h4>
                  <ul className="app-filter-tags">
                    {group.tags.map((tag) => (
                      <li key={tag.href}>
                        <Link className="app-filter__tag" to={tag.href}>
                          <span className="govuk-visually-hidden">{t("filter.remove")} </span>
                          {tag.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          ) : null}
          <Form method="get" role="search" aria-label={label} className="app-filter__options">
            {Object.entries(hidden).map(([name, value]) => (
              <input type="hidden" name={name} value={value} key={name} />
            ))}
            <SubmitButton>{t("filter.apply")}</SubmitButton>
            {children}
          </Form>
        </div>
      </div>
      <div className="govuk-grid-column-three-quarters">{results}</div>
    </div>
  );
}

/** Options for a filter: each value with its label. */
export function labelled<T extends string>(values: readonly T[], label: (v: T) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}

/** A fieldset of small checkboxes, one filter of the panel. */
export function CheckboxFilter({
  name,
  legend,
  options,
  checked,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  checked: readonly string[];
}) {
  return <Choices name={name} legend={legend} options={options} type="checkbox" small defaultValue={[...checked]} />;
}

/** The search box at the top of the panel. */
export function SearchFilter({ label, hint, defaultValue }: { label: string; hint?: string; defaultValue: string }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor="q">
        {label}
      </label>
      {hint ? (
        <div id="q-hint" className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <input
        className="govuk-input"
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        spellCheck={false}
        aria-describedby={hint ? "q-hint" : undefined}
      />
    </div>
  );
}
