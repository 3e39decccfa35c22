import { ParagraphLink } from "~/components/paragraph-link";
import { Table } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/forms";
import { PriceTierList } from "~/components/price-tiers";
import { ProviderBadges } from "~/components/provider-badges";
import { ShortlistButton, ShortlistForm } from "~/components/shortlist-button";
import { loadShortlist } from "~/domain/catalogue/load-shortlist.server";
import { SHORTLIST_LIMIT } from "~/domain/catalogue/shortlist";
import { ratingLabel } from "~/domain/delivery/rules";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { requireBuyer, shortlistAction } from "./catalogue.shortlist.server";
import { pageTitle } from "~/page-title";
import { OfferTitle, offerTitleIn } from "~/components/offer-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("compare.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireBuyer(request, context);
  return { offers: await loadShortlist(context.db, { authorityId, userId: user.id }) };
}

export const action = ({ request, context }: ActionFunctionArgs) => shortlistAction(request, context);

const joined = <T extends string>(values: T[] | null, label: (v: T) => string) => (values?.length ? values.map(label).join(", ") : t("offer.notStated"));

export default function Compare() {
  const { offers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  type Entry = (typeof offers)[number];
  const rows: { label: string; render: (o: Entry) => ReactNode }[] = [
    {
      label: t("compare.provider"),
      render: (o) => (
        <>
          {o.providerName} {o.providerKind ? <ProviderBadges kind={o.providerKind} verified={o.providerVerified} /> : null}
        </>
      ),
    },
    {
      label: t("compare.priceTiers"),
      render: (o) => (o.priceTiers?.length ? <PriceTierList tiers={o.priceTiers} pricingModel={o.pricingModel} /> : t("offer.notStated")),
    },
    { label: t("compare.format"), render: (o) => (o.deliveryFormat ? t(`deliveryFormat.${o.deliveryFormat}`) : t("offer.notStated")) },
    { label: t("compare.phases"), render: (o) => joined(o.phases, (v) => t(`offerPhase.${v}`)) },
    { label: t("compare.subjects"), render: (o) => joined(o.subjectAreas, (v) => t(`subjectArea.${v}`)) },
    { label: t("compare.terms"), render: (o) => joined(o.terms, (v) => t(`term.${v}`)) },
    { label: t("compare.outcomes"), render: (o) => <span className="app-pre-wrap">{o.outcomes || t("offer.notStated")}</span> },
    { label: t("compare.evidence"), render: (o) => (o.evidenceStrength ? t(`evidenceStrength.${o.evidenceStrength}`) : t("offer.notStated")) },
    {
      label: t("rating.compare"),
      render: (o) =>
        o.ratingEvaluations > 0
          ? `${t("rating.average", { average: ratingLabel({ evaluations: o.ratingEvaluations, scoreSum: o.ratingScoreSum })! })} ${t("rating.count", { count: o.ratingEvaluations })}`
          : t("rating.none"),
    },
    { label: t("compare.qaDate"), render: (o) => (o.approvedAt ? formatDate(o.approvedAt) : t("offer.notStated")) },
  ];

  return (
    <>
      <ErrorSummary errors={actionData && !actionData.ok ? actionData.errors : null} />
      <h1 className="govuk-heading-xl">{t("compare.title")}</h1>
      {offers.length === 0 ? (
        <>
          <p className="govuk-body">{t("compare.empty")}</p>
          <ParagraphLink to="/catalogue">{t("compare.find")}</ParagraphLink>
        </>
      ) : (
        <>
          <p className="govuk-body">{t("compare.lead", { limit: SHORTLIST_LIMIT })}</p>
          <div className="app-compare-table">
            <Table
              compact
              caption={t("compare.caption")}
              captionSize="m"
              columns={[
                {
                  header: (
                    <td className="govuk-table__header">
                      <span className="govuk-visually-hidden">{t("compare.feature")}</span>
                    </td>
                  ),
                },
                ...offers.map((o) => ({
                  label: o.onSale ? (
                    <Link className="govuk-link" to={`/catalogue/${o.id}`}>
                      <OfferTitle title={o.title ?? ""} titleCy={o.titleCy} />
                    </Link>
                  ) : (
                    <>
                      {o.title ? <OfferTitle title={o.title} titleCy={o.titleCy} /> : t("compare.unavailable")}{" "}
                      <strong className="govuk-tag govuk-tag--grey">{t("compare.unavailable")}</strong>
                    </>
                  ),
                })),
              ]}
              rows={[
                // An offer that went off sale keeps its column, so the buyer sees why, but has nothing to compare.
                ...rows.map((row, i) => ({
                  key: row.label,
                  cells: [row.label, ...offers.map((o) => (o.onSale ? row.render(o) : i === 0 ? t("compare.unavailableHint") : null))],
                })),
                {
                  key: "actions",
                  cells: [
                    t("compare.actions"),
                    ...offers.map((o) => {
                      const words = o.title ? offerTitleIn(o.title, o.titleCy) : { title: t("compare.unavailable"), lang: undefined };
                      return <ShortlistButton offerId={o.id} title={words.title} titleLang={words.lang} shortlisted key={o.id} />;
                    }),
                  ],
                },
              ]}
            />
          </div>
          <ShortlistForm />
        </>
      )}
    </>
  );
}
