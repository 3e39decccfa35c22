import { Table } from "./table";
import { parse, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Choices, ErrorSummary, FieldError, Select, TextArea, TextInput, WholeNumberInput, type FieldErrors } from "~/components/forms";
import { SubmitPair } from "./submit-pair";
import type { checkOffer } from "~/domain/catalogue/offer-check";
import { TIER_ROWS, tierField, VAT_FIELDS } from "~/domain/catalogue/offer-fields";
import { conformErrorsOf, fieldErrorsOf } from "~/forms/field-errors";
import { currentLocale, loadMessages, t, type MessageKey } from "~/i18n";

export type OfferFormOptions = {
  subjectAreas: readonly string[];
  phases: readonly string[];
  deliveryFormats: readonly string[];
  pricingModels: readonly string[];
  vatTreatments: readonly string[];
  evidenceStrengths: readonly string[];
  terms: readonly string[];
};

type Values = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));

function TierCell({ name, label, value, errors }: { name: string; label: string; value: string; errors?: FieldErrors | null }) {
  const error = errors?.[name]?.[0];
  return (
    <>
      <label className="govuk-visually-hidden" htmlFor={name}>
        {label}
      </label>
      <input
        className={`govuk-input govuk-input--width-5${error ? " govuk-input--error" : ""}`}
        id={name}
        name={name}
        type="text"
        inputMode="decimal"
        defaultValue={value}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      <FieldError name={name} errors={errors} />
    </>
  );
}

/**
 * One of an offer's lists as small radios, or checkboxes when several may be chosen: its legend is the
 * field's name, each item is labelled by its message under `labels`, and `fallback` is chosen when nothing is.
 */
function OfferChoices({
  name,
  items,
  labels,
  several = false,
  hint,
  errors,
  values,
  fallback,
}: {
  name: "subjectAreas" | "phases" | "deliveryFormat" | "capacityUnit" | "pricingModel" | "evidenceStrength" | "terms";
  items: readonly string[];
  labels: string;
  several?: boolean;
  hint?: string;
  errors: FieldErrors;
  values: Values;
  fallback?: string;
}) {
  return (
    <Choices
      name={name}
      type={several ? "checkbox" : "radio"}
      small
      legend={t(`offerField.${name}`)}
      hint={hint}
      errors={errors}
      options={options(items, labels)}
      defaultValue={several ? values[name] : one(values[name]) || fallback}
    />
  );
}

/**
 * Every field of an offer revision. Without JavaScript the server checks it and the page comes back with
 * `serverErrors`; with JavaScript the same schema checks each field as it is left, and the whole form
 * before it is sent, so most mistakes are shown without a round trip. Either way the messages appear
 * by their fields and in the error summary.
 */
export function OfferForm({
  values,
  errors: serverErrors,
  choices,
  onSale,
}: {
  values: Values;
  errors?: FieldErrors | null;
  choices: OfferFormOptions;
  onSale: boolean;
}) {
  const lastResult = useMemo(() => (serverErrors ? { status: "error" as const, error: conformErrorsOf(serverErrors) } : undefined), [serverErrors]);
  // The schema, and zod with it, arrives after the page has come to life; until then the server checks.
  const check = useRef<typeof checkOffer | null>(null);
  useEffect(() => {
    // Its messages may be any of the form's: the reader's whole catalogue comes with it.
    void Promise.all([import("~/domain/catalogue/offer-check"), loadMessages(currentLocale())]).then(([module]) => {
      check.current = module.checkOffer;
    });
  }, []);
  const [form] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => check.current?.(formData) ?? parse(formData, { resolve: () => ({ value: {} }) }),
  });
  // What conform has checked: the server's answer, then each field as it is left.
  const errors = fieldErrorsOf(form.allErrors);
  // The summary takes focus after a submission: the server's answer, or one stopped here.
  const [stopped, setStopped] = useState(0);
  const submission = useMemo(() => ({ serverErrors, stopped }), [serverErrors, stopped]);
  const tierParts = [
    ["min", t("offerForm.tierFrom")],
    ["max", t("offerForm.tierTo")],
    ["price", t("offerForm.tierPrice")],
  ] as const;
  const tierError = errors.priceTiers?.[0];
  return (
    <>
      <ErrorSummary errors={serverErrors || stopped ? errors : null} focusOn={submission} />
      {onSale ? <div className="govuk-inset-text">{t("offerForm.materialNote")}</div> : null}
      <p className="govuk-body">{t("offerForm.saveHint")}</p>
      <Form
        method="post"
        id={form.id}
        noValidate
        onSubmit={(event) => {
          form.onSubmit(event);
          // Conform checks a field it has left by sending this event with its own button (`__intent__`): not a submission.
          const checking = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("name") === "__intent__";
          if (event.defaultPrevented && !checking) setStopped((n) => n + 1);
        }}
      >
        <TextInput name="title" label={t("offerField.title")} hint={t("offerForm.titleHint")} errors={errors} defaultValue={one(values.title)} />
        <TextInput name="summary" label={t("offerField.summary")} hint={t("offerForm.summaryHint")} errors={errors} defaultValue={one(values.summary)} />
        <TextArea name="description" label={t("offerField.description")} errors={errors} defaultValue={one(values.description)} rows={8} />
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="welsh-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">{t("language.offer.welshHeading")}</h2>
          </legend>
          <div id="welsh-hint" className="govuk-hint">
            {t("language.offer.welshHint")}
          </div>
          <TextInput name="titleCy" label={t("offerField.titleCy")} errors={errors} defaultValue={one(values.titleCy)} lang="cy" />
          <TextInput name="summaryCy" label={t("offerField.summaryCy")} errors={errors} defaultValue={one(values.summaryCy)} lang="cy" />
          <TextArea name="descriptionCy" label={t("offerField.descriptionCy")} errors={errors} defaultValue={one(values.descriptionCy)} rows={8} lang="cy" />
        </fieldset>
        <OfferChoices name="subjectAreas" several items={choices.subjectAreas} labels="subjectArea" errors={errors} values={values} />
        <OfferChoices name="phases" several items={choices.phases} labels="offerPhase" errors={errors} values={values} />
        <OfferChoices name="deliveryFormat" items={choices.deliveryFormats} labels="deliveryFormat" errors={errors} values={values} />
        <TextInput name="duration" label={t("offerField.duration")} errors={errors} defaultValue={one(values.duration)} width="20" />
        <OfferChoices name="capacityUnit" items={["schools", "delegates"]} labels="capacityUnit" errors={errors} values={values} fallback="schools" />
        <WholeNumberInput name="minCapacity" label={t("offerField.minCapacity")} errors={errors} defaultValue={one(values.minCapacity)} width="4" />
        <WholeNumberInput name="maxCapacity" label={t("offerField.maxCapacity")} errors={errors} defaultValue={one(values.maxCapacity)} width="4" />
        <OfferChoices name="pricingModel" items={choices.pricingModels} labels="pricingModel" errors={errors} values={values} />

        <div className={`govuk-form-group${tierError ? " govuk-form-group--error" : ""}`} id="priceTiers" tabIndex={-1}>
          <fieldset className="govuk-fieldset" aria-describedby={`priceTiers-hint${tierError ? " priceTiers-error" : ""}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("offerField.priceTiers")}</legend>
            <div id="priceTiers-hint" className="govuk-hint">
              {t("offerForm.tiersHint")}
            </div>
            <FieldError name="priceTiers" errors={errors} />
            <Table
              compact
              columns={[{ header: <td className="govuk-table__header" /> }, ...tierParts.map(([, heading]) => ({ label: heading }))]}
              rows={Array.from({ length: TIER_ROWS }, (_, index) => {
                const tier = t("offerForm.tierRow", { row: index + 1 });
                return {
                  key: index,
                  cells: [
                    tier,
                    ...tierParts.map(([part, heading]) => (
                      <TierCell
                        name={tierField(index, part)}
                        label={`${tier}: ${heading}`}
                        value={one(values[tierField(index, part)])}
                        errors={errors}
                        key={part}
                      />
                    )),
                  ],
                };
              })}
            />
          </fieldset>
        </div>

        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("offerField.vatTreatment")}</legend>
          <div className="govuk-hint">{t("offerForm.vatHint")}</div>
          {(["la_maintained", "academy", "other"] as const).map((buyer) => (
            <Select
              key={buyer}
              name={VAT_FIELDS[buyer]}
              label={t(`buyerType.${buyer}`)}
              errors={errors}
              options={[{ value: "", label: t("offerForm.choose") }, ...options(choices.vatTreatments, "vat")]}
              defaultValue={one(values[VAT_FIELDS[buyer]])}
            />
          ))}
        </fieldset>

        <TextArea name="outcomes" label={t("offerField.outcomes")} errors={errors} defaultValue={one(values.outcomes)} />
        <TextArea name="evidence" label={t("offerField.evidence")} errors={errors} defaultValue={one(values.evidence)} />
        <OfferChoices
          name="evidenceStrength"
          items={choices.evidenceStrengths}
          labels="evidenceStrength"
          hint={t("offerForm.evidenceStrengthHint")}
          errors={errors}
          values={values}
        />
        <OfferChoices name="terms" several items={choices.terms} labels="term" errors={errors} values={values} />
        <TextArea name="deliveryTerms" label={t("offerField.deliveryTerms")} errors={errors} defaultValue={one(values.deliveryTerms)} rows={3} />
        <TextArea name="cancellationTerms" label={t("offerField.cancellationTerms")} errors={errors} defaultValue={one(values.cancellationTerms)} rows={3} />
        <WholeNumberInput
          name="cancellationNoticeDays"
          label={t("offerField.cancellationNoticeDays")}
          hint={t("offerForm.noticeHint")}
          errors={errors}
          defaultValue={one(values.cancellationNoticeDays) || "14"}
        />

        <SubmitPair intent="submit" submit={t("offerForm.submit")} otherIntent="save" other={t("offerForm.save")} />
      </Form>
    </>
  );
}
