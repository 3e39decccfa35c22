import { Form } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import { type FieldErrors, type Option, Select } from "./forms";
import { SubmitWithLink } from "./submit-with-link";

type FilterQueryState = { query: Partial<Record<string, string>>; errors?: FieldErrors | null; anyLabel: string };

const FilterQueryContext = createContext<FilterQueryState>({ query: {}, anyLabel: "" });

/**
 * A report's filter: a GET form with its fields in one fieldset, a button that applies them and a link
 * that clears them. The FilterSelects inside it read the query and errors given here.
 */
export function ReportFilter({
  className,
  text,
  query,
  errors,
  clearTo,
  children,
}: {
  className: string;
  text: { legend: string; any: string; submit: string; clear: string };
  query: FilterQueryState["query"];
  errors?: FieldErrors | null;
  clearTo: string;
  children: ReactNode;
}) {
  return (
    <Form method="get" className={className}>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{text.legend}</legend>
        <FilterQueryContext.Provider value={{ query, errors, anyLabel: text.any }}>{children}</FilterQueryContext.Provider>
      </fieldset>
      <SubmitWithLink submit={text.submit} kind="secondary" to={clearTo} link={text.clear} />
    </Form>
  );
}

/** A drop-down of a ReportFilter: "any" first, which leaves the filter off, then the options; the query's choice is selected. */
export function FilterSelect({ name, label, options }: { name: string; label: string; options: Option[] }) {
  const { query, errors, anyLabel } = useContext(FilterQueryContext);
  return <Select name={name} label={label} errors={errors} defaultValue={query[name] ?? ""} options={[{ value: "", label: anyLabel }, ...options]} />;
}
