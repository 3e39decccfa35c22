import { useActionData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { loadGovukFrontend } from "~/govuk-frontend";
import { t } from "~/i18n";

/** Field errors as zod's flatten() gives them: field name -> messages. */
export type FieldErrors = Partial<Record<string, string[] | undefined>>;

/** What the action answered a form that did not go through: its errors by field, and what was typed, to fill the form in again. */
export function useFormAnswer() {
  const answer = useActionData<{ errors?: FieldErrors; values?: Record<string, unknown> }>();
  const errors = answer?.errors;
  const values = (answer?.values ?? {}) as Record<string, string>;
  return { errors, values, field: answeredField(errors, values) };
}

/**
 * A field's name with the form's errors and what was typed in it before (or `initial`), to spread into
 * the field: `<TextInput {...field("title")} label={…} />`.
 */
export function answeredField(errors: FieldErrors | null | undefined, values: Record<string, string | undefined>) {
  return (name: string, initial?: string) => ({ name, errors, defaultValue: values[name] ?? initial });
}

/**
 * GOV.UK's error summary. Each time a submission comes back with errors it takes focus (and so scrolls
 * into view), and its links move focus to their field, as GOV.UK Frontend's ErrorSummary does. It is
 * started here rather than by the root's initAll(): a summary appears after the page has loaded, and
 * appears again, on the same element, after the next failed submission (each new `errors`, or each new
 * `focusOn` when it is given).
 */
export function ErrorSummary({ errors, focusOn }: { errors?: FieldErrors | null; focusOn?: unknown }) {
  const entries = Object.entries(errors ?? {}).filter(([, messages]) => messages && messages.length > 0);
  const ref = useRef<HTMLDivElement>(null);
  const shown = entries.length > 0;
  // A form that checks fields as they are left gives new errors often: it says which change is a submission.
  const submission = focusOn === undefined ? errors : focusOn;
  useEffect(() => {
    const element = ref.current;
    if (!shown || !element) return;
    if (element.hasAttribute("data-govuk-error-summary-init")) {
      element.focus();
      return;
    }
    void loadGovukFrontend().then(({ ErrorSummary: GovukErrorSummary }) => {
      if (!element.isConnected || element.hasAttribute("data-govuk-error-summary-init")) return;
      new GovukErrorSummary(element);
    });
  }, [submission, shown]);
  if (!shown) return null;
  return (
    <div ref={ref} className="govuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="govuk-error-summary__title">{t("errorSummary.title")}</h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {entries.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${field === "form" ? "main-content" : field}`}>{messages![0]}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors | null;
  defaultValue?: string | number | null;
  type?: string;
  autoComplete?: string;
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30";
  spellCheck?: boolean;
  inputMode?: "numeric" | "decimal" | "email" | "text";
  prefix?: string;
  labelIsHeading?: boolean;
  /** The language of what is typed here, when it is not the page's: a Welsh field on an English page. */
  lang?: string;
};

const describedBy = (name: string, hint: unknown, error: unknown) =>
  [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

/** What a labelled textarea or select carries: its class (marked when in error), id, name and what describes it. */
function controlProps(className: string, name: string, hint: unknown, errors?: FieldErrors | null) {
  const error = errors?.[name]?.[0];
  return { className: `${className}${error ? ` ${className}--error` : ""}`, id: name, name, "aria-describedby": describedBy(name, hint, error) };
}

export function FieldError({ name, errors }: { name: string; errors?: FieldErrors | null }) {
  const message = errors?.[name]?.[0];
  if (!message) return null;
  return (
    <p id={`${name}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("language.errorPrefix")}:</span> {message}
    </p>
  );
}

/** GOV.UK's form group, marked when its field has an error. */
function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>{children}</div>;
}

/** A field's hint and its error message, in the ids its control is described by. */
function HintAndError({ name, hint, errors }: { name: string; hint?: ReactNode; errors?: FieldErrors | null }) {
  return (
    <>
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError name={name} errors={errors} />
    </>
  );
}

/** What a form group needs to show a field's hint and error around its controls. */
type GroupProps = { name: string; hint?: ReactNode; errors?: FieldErrors | null; children: ReactNode };

/** A form group with one labelled control: the label, hint and error above the control. */
function LabelledField({ name, label, hint, errors, children }: GroupProps & { label: ReactNode }) {
  return (
    <FormGroup error={errors?.[name]?.[0]}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} errors={errors} />
      {children}
    </FormGroup>
  );
}

/** A form group whose controls are grouped in a fieldset under a small legend, with its hint and error. */
function FieldsetField({ name, legend, hint, errors, role, children }: GroupProps & { legend: ReactNode; role?: "group" }) {
  const error = errors?.[name]?.[0];
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError name={name} hint={hint} errors={errors} />
        {children}
      </fieldset>
    </FormGroup>
  );
}

export function TextInput({
  name,
  label,
  hint,
  errors,
  defaultValue,
  type = "text",
  autoComplete,
  width,
  spellCheck,
  inputMode,
  prefix,
  labelIsHeading,
  lang,
}: FieldProps) {
  const error = errors?.[name]?.[0];
  const labelEl = (
    <label className={`govuk-label${labelIsHeading ? " govuk-label--l" : ""}`} htmlFor={name}>
      {label}
    </label>
  );
  const input = (
    <input
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
      id={name}
      name={name}
      type={type}
      defaultValue={defaultValue ?? undefined}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      inputMode={inputMode}
      lang={lang}
      aria-describedby={describedBy(name, hint, error)}
    />
  );
  return (
    <FormGroup error={error}>
      {labelIsHeading ? <h1 className="govuk-label-wrapper">{labelEl}</h1> : labelEl}
      <HintAndError name={name} hint={hint} errors={errors} />
      {prefix ? (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}

/**
 * A GOV.UK submit button. With `intent` it is posted as the form's intent, for an action that tells
 * its forms apart by it; `preventDoubleClick` stops a second click sending the form twice.
 */
export function SubmitButton({
  intent,
  kind,
  className,
  preventDoubleClick,
  children,
}: {
  intent?: string;
  kind?: "secondary" | "warning";
  /** More classes, such as a margin. */
  className?: string;
  preventDoubleClick?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      name={intent !== undefined ? "intent" : undefined}
      value={intent}
      className={`govuk-button${kind ? ` govuk-button--${kind}` : ""}${className ? ` ${className}` : ""}`}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick ? "true" : undefined}
    >
      {children}
    </button>
  );
}

/** An email address: "username" where it is the person's own, so a password manager fills it in; "off" where it is someone else's. */
export function EmailInput({ autoComplete, errors, defaultValue }: { autoComplete: "username" | "off"; errors?: FieldErrors | null; defaultValue?: string }) {
  return (
    <TextInput name="email" label={t("email.label")} type="email" autoComplete={autoComplete} spellCheck={false} errors={errors} defaultValue={defaultValue} />
  );
}

/** A whole number (schools, delegates, days): a short field that brings up a number pad. */
export function WholeNumberInput({ width = "3", ...field }: Omit<FieldProps, "inputMode" | "prefix" | "type">) {
  return <TextInput {...field} width={width} inputMode="numeric" />;
}

/** An amount in pounds: a £ before the field, and a keypad with a decimal point. */
export function PoundsInput({ width = "5", ...field }: Omit<FieldProps, "inputMode" | "prefix" | "type">) {
  return <TextInput {...field} width={width} prefix="£" inputMode="decimal" />;
}

export function TextArea({ name, label, hint, errors, defaultValue, rows = 5, lang }: FieldProps & { rows?: number }) {
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      <textarea {...controlProps("govuk-textarea", name, hint, errors)} rows={rows} lang={lang} defaultValue={defaultValue ?? undefined} />
    </LabelledField>
  );
}

export type Option = { value: string; label: ReactNode; hint?: ReactNode };

/** Radios or checkboxes in a fieldset; the first input carries the field's id for the error summary link. */
export function Choices({
  name,
  legend,
  hint,
  errors,
  options,
  type = "radio",
  defaultValue,
  small,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors | null;
  options: Option[];
  type?: "radio" | "checkbox";
  defaultValue?: string | string[] | null;
  small?: boolean;
}) {
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  const kind = type === "radio" ? "radios" : "checkboxes";
  return (
    <FieldsetField name={name} legend={legend} hint={hint} errors={errors}>
      <div className={`govuk-${kind}${small ? ` govuk-${kind}--small` : ""}`} data-module={`govuk-${kind}`}>
        {options.map((option, i) => {
          const id = i === 0 ? name : `${name}-${i + 1}`;
          return (
            <div className={`govuk-${kind}__item`} key={option.value}>
              <input
                className={`govuk-${kind}__input`}
                id={id}
                name={name}
                type={type}
                value={option.value}
                defaultChecked={selected.has(option.value)}
                aria-describedby={option.hint ? `${id}-item-hint` : undefined}
              />
              <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                  {option.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </FieldsetField>
  );
}

export function Select({
  name,
  label,
  hint,
  errors,
  options,
  defaultValue,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors | null;
  options: Option[];
  defaultValue?: string | null;
}) {
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      <select {...controlProps("govuk-select", name, hint, errors)} defaultValue={defaultValue ?? undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/**
 * GOV.UK's date input: day, month and year in a fieldset. The day field carries the date's own id, so
 * the error summary's link to the date lands in it; the three values post as {name}Day, {name}Month, {name}Year.
 */
export function DateInput({
  name,
  legend,
  hint,
  errors,
  values,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors | null;
  values?: Record<string, unknown> | null;
}) {
  const error = errors?.[name]?.[0];
  // A date given whole fills the three fields: "2026-04-01" (a filter in the address, a default) or
  // "31/2/2026" (parts put together that did not make a date, shown back as typed).
  const whole = values?.[name];
  const iso = typeof whole === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(whole) : null;
  const typed = typeof whole === "string" && !iso ? whole.split("/") : [];
  const fromWhole = iso
    ? { Day: String(Number(iso[3])), Month: String(Number(iso[2])), Year: iso[1] }
    : typed.length === 3
      ? { Day: typed[0], Month: typed[1], Year: typed[2] }
      : null;
  const value = (part: "Day" | "Month" | "Year") => {
    const v = values?.[`${name}${part}`];
    return typeof v === "string" ? v : fromWhole?.[part];
  };
  const parts = [
    { part: "Day", id: name, label: t("field.date.day"), width: "2" },
    { part: "Month", id: `${name}Month`, label: t("field.date.month"), width: "2" },
    { part: "Year", id: `${name}Year`, label: t("field.date.year"), width: "4" },
  ] as const;
  return (
    <FieldsetField name={name} legend={legend} hint={hint} errors={errors} role="group">
      <div className="govuk-date-input">
        {parts.map(({ part, id, label, width }) => (
          <div className="govuk-date-input__item" key={part}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={id}>
                {label}
              </label>
              <input
                className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                id={id}
                name={`${name}${part}`}
                type="text"
                inputMode="numeric"
                defaultValue={value(part)}
              />
            </div>
          </div>
        ))}
      </div>
    </FieldsetField>
  );
}

/** GOV.UK's file upload for a CSV file, named "file", with its hint and its error. */
export function CsvFileUpload({
  label,
  hint,
  errors,
  labelClass = "govuk-label",
}: {
  label: ReactNode;
  hint: ReactNode;
  errors?: FieldErrors | null;
  labelClass?: string;
}) {
  const error = errors?.file?.[0];
  return (
    <FormGroup error={error}>
      <label className={labelClass} htmlFor="file">
        {label}
      </label>
      <div id="file-hint" className="govuk-hint">
        {hint}
      </div>
      <FieldError name="file" errors={errors} />
      <input
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id="file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        aria-describedby={`file-hint${error ? " file-error" : ""}`}
      />
    </FormGroup>
  );
}
