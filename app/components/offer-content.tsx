import type { BuyerType, PriceTier, RevisionStatus } from "#db/schema/catalogue";
import type { MessageKey } from "~/i18n";
import { t } from "~/i18n";
import { formatPence } from "~/format";

const STATUS_COLOURS: Record<RevisionStatus, string> = {
  draft: "grey",
  submitted: "blue",
  in_review: "light-blue",
  approved: "green",
  changes_requested: "orange",
  rejected: "red",
  withdrawn: "grey",
};

export function RevisionStatusTag({ status }: { status: RevisionStatus }) {
  return <strong className={`govuk-tag govuk-tag--${STATUS_COLOURS[status]}`}>{t(`revisionStatus.${status}`)}</strong>;
}

/** "1 to 4 schools: £900.00 each" */
export function tierLabel(tier: PriceTier) {
  const range =
    tier.maxSchools === null
      ? `${tier.minSchools} or more`
      : tier.minSchools === tier.maxSchools
        ? `${tier.minSchools}`
        : `${tier.minSchools} to ${tier.maxSchools}`;
  return `${range} schools: ${formatPence(tier.unitPricePence)} each`;
}

export type OfferContent = {
  title: string;
  summary: string;
  description: string;
  subjectAreas: string[];
  phases: string[];
  deliveryFormat: string | null;
  duration: string;
  capacityUnit: string;
  minCapacity: number | null;
  maxCapacity: number | null;
  pricingModel: string | null;
  priceTiers: PriceTier[];
  vatTreatment: Record<BuyerType, string> | null;
  outcomes: string;
  evidence: string;
  evidenceStrength: string | null;
  terms: string[];
  deliveryTerms: string;
  cancellationTerms: string;
  cancellationNoticeDays: number;
};

const label = (prefix: string, value: string | null) => (value ? t(`${prefix}.${value}` as MessageKey) : "");

/** Every field of a revision as a GOV.UK summary list. */
export function OfferSummaryList({ offer }: { offer: OfferContent }) {
  const rows: [MessageKey, React.ReactNode][] = [
    ["offerField.title", offer.title],
    ["offerField.summary", offer.summary],
    [
      "offerField.description",
      <span key="description" className="app-pre-wrap">
        {offer.description}
      </span>,
    ],
    ["offerField.subjectAreas", offer.subjectAreas.map((s) => label("subjectArea", s)).join(", ")],
    ["offerField.phases", offer.phases.map((s) => label("offerPhase", s)).join(", ")],
    ["offerField.deliveryFormat", label("deliveryFormat", offer.deliveryFormat)],
    ["offerField.duration", offer.duration],
    [
      "offerField.capacity",
      offer.minCapacity !== null || offer.maxCapacity !== null
        ? `${offer.minCapacity ?? "?"} to ${offer.maxCapacity ?? "?"} ${label("capacityUnit", offer.capacityUnit).toLowerCase()}`
        : "",
    ],
    ["offerField.pricingModel", label("pricingModel", offer.pricingModel)],
    [
      "offerField.priceTiers",
      offer.priceTiers.length ? (
        <ul className="govuk-list">
          {offer.priceTiers.map((tier) => (
            <li key={tier.minSchools}>{tierLabel(tier)}</li>
          ))}
        </ul>
      ) : (
        ""
      ),
    ],
    [
      "offerField.vatTreatment",
      offer.vatTreatment ? (
        <ul className="govuk-list">
          {(["la_maintained", "academy", "other"] as const).map((b) => (
            <li key={b}>
              {t(`buyerType.${b}`)}: {label("vat", offer.vatTreatment![b])}
            </li>
          ))}
        </ul>
      ) : (
        ""
      ),
    ],
    [
      "offerField.outcomes",
      <span key="outcomes" className="app-pre-wrap">
        {offer.outcomes}
      </span>,
    ],
    [
      "offerField.evidence",
      <span key="evidence" className="app-pre-wrap">
        {offer.evidence}
      </span>,
    ],
    ["offerField.evidenceStrength", label("evidenceStrength", offer.evidenceStrength)],
    ["offerField.terms", offer.terms.map((s) => label("term", s)).join(", ")],
    ["offerField.deliveryTerms", offer.deliveryTerms],
    ["offerField.cancellationTerms", offer.cancellationTerms],
    ["offerField.cancellationNoticeDays", String(offer.cancellationNoticeDays)],
  ];
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{t(key)}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
