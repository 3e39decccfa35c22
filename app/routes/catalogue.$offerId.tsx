import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { can } from "~/auth/permissions";
import { ButtonLink } from "~/components/button-link";
import { SummaryRow } from "~/components/summary-row";
import { ErrorSummary } from "~/components/forms";
import { PriceTierTable } from "~/components/price-tiers";
import { ProviderBadges } from "~/components/provider-badges";
import { ShortlistButton, ShortlistForm } from "~/components/shortlist-button";
import { Table } from "~/components/table";
import { BUYER_TYPES } from "~/db.server";
import { findOfferOnSale, whyNotOnSale } from "~/domain/catalogue/find-offer-on-sale.server";
import { leadsOf } from "~/domain/subject-leads/subject-leads.server";
import { ratingsOfOffer } from "~/domain/delivery/queries.server";
import { OfferRating } from "~/components/offer-rating";
import { formatDate } from "~/format";
import { currentLocale, t } from "~/i18n";
import { langOf, OfferLanguageNote } from "~/components/offer-language";
import { offerInLanguage } from "~/domain/catalogue/rules";
import { requireBuyer, shortlistAction } from "./catalogue.shortlist.server";
import { pageTitle } from "~/page-title";
import { notFoundPage } from "~/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? offerInLanguage(data.offer.revision, currentLocale()).title : t("catalogue.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireBuyer(request, context);
  const offer = await findOfferOnSale(context.db, { authorityId, userId: user.id, offerId: params.offerId ?? "" });
  if (!offer) {
    const why = await whyNotOnSale(context.db, { authorityId, offerId: params.offerId ?? "" });
    if (!why) throw notFoundPage();
    // 410: the offer was here and is not now; the page says why, in words (never "page not found").
    const message = t(`offer.notOnSale.${why.reason}`, { title: why.title ?? t("offer.notOnSale.untitled"), date: why.since ? formatDate(why.since) : "" });
    throw new Response(message, { status: 410, statusText: "Gone" });
  }
  const acting = user.acting!;
  const vat = offer.revision.vatTreatment;
  const leads = await leadsOf(context.db, authorityId, offer.revision.subjectAreas);
  return {
    offer,
    leads: leads.map((l) => ({ subjectArea: l.subjectArea, name: l.name })),
    vat: vat ? BUYER_TYPES.filter((buyer) => vat[buyer]).map((buyer) => ({ buyer, treatment: vat[buyer] })) : [],
    canBuy: can(user.grants, "buy:offer", acting),
    canOpenCollective: can(user.grants, "open:collective-purchase", acting),
    rating: await ratingsOfOffer(context.db, { authorityId, offerId: offer.id }),
  };
}

export const action = ({ request, context }: ActionFunctionArgs) => shortlistAction(request, context);

/** Free text as the provider wrote it: paragraphs split on blank lines. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  if (paragraphs.length === 0) return <p className="govuk-body">{t("offer.notStated")}</p>;
  return (
    <>
      {paragraphs.map((p, i) => (
        <p className="govuk-body app-pre-wrap" key={i}>
          {p.trim()}
        </p>
      ))}
    </>
  );
}

export default function OfferPage() {
  const { offer, leads, vat, canBuy, canOpenCollective, rating } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const r = offer.revision;
  const locale = currentLocale();
  const words = offerInLanguage(r, locale);
  const capacity =
    r.minCapacity !== null && r.maxCapacity !== null
      ? t("offer.capacity.range", { min: r.minCapacity, max: r.maxCapacity, unit: t(`catalogue.capacityUnit.${r.capacityUnit}`) })
      : r.minCapacity !== null
        ? t("offer.capacity.min", { min: r.minCapacity, unit: t(`catalogue.capacityUnit.${r.capacityUnit}`) })
        : r.maxCapacity !== null
          ? t("offer.capacity.max", { max: r.maxCapacity, unit: t(`catalogue.capacityUnit.${r.capacityUnit}`) })
          : t("offer.notStated");
  const list = <T extends string>(values: T[], label: (v: T) => string) => (values.length ? values.map(label).join(", ") : t("offer.notStated"));

  return (
    <>
      <Link to="/catalogue" className="govuk-back-link">
        {t("offer.back")}
      </Link>
      <ErrorSummary errors={actionData && !actionData.ok ? actionData.errors : null} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{offer.provider.name}</span>
          <h1 className="govuk-heading-xl" lang={langOf(words, "title", locale)}>
            {words.title}
          </h1>
          <OfferLanguageNote words={words} />
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--green app-badge">{t("offer.qualityAssured")}</strong>
            {offer.approvedAt ? t("offer.qualityAssuredOn", { date: formatDate(offer.approvedAt) }) : null}
          </p>
          {offer.commissionedAt ? (
            <p className="govuk-body">
              <strong className="govuk-tag govuk-tag--purple">{t("offer.commissioned")}</strong>
            </p>
          ) : null}
          <p className="govuk-body-l" lang={langOf(words, "summary", locale)}>
            {words.summary}
          </p>
          {r.conditions ? (
            <div className="govuk-inset-text">
              <h2 className="govuk-heading-s">{t("offer.conditions")}</h2>
              <p className="govuk-body app-pre-wrap">{r.conditions}</p>
            </div>
          ) : null}

          <div className="govuk-button-group">
            {canBuy ? <ButtonLink to={`/purchases/new?offerId=${offer.id}`}>{t("offer.buy")}</ButtonLink> : null}
            {canOpenCollective ? (
              <ButtonLink to={`/collective-purchases/new?offerId=${offer.id}`} kind="secondary">
                {t("offer.collective")}
              </ButtonLink>
            ) : null}
            <ShortlistButton offerId={offer.id} title={words.title} titleLang={langOf(words, "title", locale)} shortlisted={offer.shortlisted} />
          </div>
          <ShortlistForm />

          <h2 className="govuk-heading-l">{t("offer.about")}</h2>
          <div lang={langOf(words, "description", locale)}>
            <Paragraphs text={words.description} />
          </div>
          <dl className="govuk-summary-list">
            <SummaryRow label={t("offer.subjectAreas")}>{list(r.subjectAreas, (v) => t(`subjectArea.${v}`))}</SummaryRow>
            {leads.length ? (
              <SummaryRow label={t("subjectLeads.leadCommissioner")}>
                {leads.map((l) => t("subjectLeads.leadOf", { name: l.name, subject: t(`subjectArea.${l.subjectArea}`) })).join("; ")}
              </SummaryRow>
            ) : null}
            <SummaryRow label={t("offer.phases")}>{list(r.phases, (v) => t(`offerPhase.${v}`))}</SummaryRow>
          </dl>

          <h2 className="govuk-heading-l">{t("offer.outcomes")}</h2>
          <Paragraphs text={r.outcomes} />

          <h2 className="govuk-heading-l">{t("rating.heading")}</h2>
          <OfferRating rating={rating} />

          <h2 className="govuk-heading-l">{t("offer.evidence")}</h2>
          {r.evidenceStrength ? (
            <p className="govuk-body">
              {t("offer.evidenceStrength")}: <strong className="govuk-tag govuk-tag--blue">{t(`evidenceStrength.${r.evidenceStrength}`)}</strong>
            </p>
          ) : null}
          <Paragraphs text={r.evidence} />

          <h2 className="govuk-heading-l">{t("offer.delivery")}</h2>
          <dl className="govuk-summary-list">
            <SummaryRow label={t("offer.deliveryFormat")}>{r.deliveryFormat ? t(`deliveryFormat.${r.deliveryFormat}`) : t("offer.notStated")}</SummaryRow>
            <SummaryRow label={t("offer.terms")}>{list(r.terms, (v) => t(`term.${v}`))}</SummaryRow>
            <SummaryRow label={t("offer.deliveryTerms")}>{r.deliveryTerms || t("offer.notStated")}</SummaryRow>
            <SummaryRow label={t("offer.duration")}>{r.duration || t("offer.notStated")}</SummaryRow>
            <SummaryRow label={t("offer.capacity")}>{capacity}</SummaryRow>
          </dl>

          <h2 className="govuk-heading-l">{t("offer.price")}</h2>
          <dl className="govuk-summary-list">
            <SummaryRow label={t("offer.pricingModel")}>{r.pricingModel ? t(`pricingModel.${r.pricingModel}`) : t("offer.notStated")}</SummaryRow>
          </dl>
          {r.priceTiers.length ? <PriceTierTable tiers={r.priceTiers} pricingModel={r.pricingModel} caption={t("offer.tiers.caption")} /> : null}

          <h2 className="govuk-heading-m">{t("offer.vat")}</h2>
          {vat.length ? (
            <Table
              caption={t("offer.vat.caption")}
              columns={[{ label: t("offer.vat.buyer") }, { label: t("offer.vat.treatment") }]}
              rows={vat.map(({ buyer, treatment }) => ({ key: buyer, cells: [t(`buyerType.${buyer}`), t(`vat.${treatment}`)] }))}
            />
          ) : (
            <p className="govuk-body">{t("offer.vat.notStated")}</p>
          )}

          <h2 className="govuk-heading-l">{t("offer.cancellation")}</h2>
          <p className="govuk-body">{t("offer.cancellation.notice", { days: r.cancellationNoticeDays })}</p>
          {r.cancellationTerms ? <Paragraphs text={r.cancellationTerms} /> : null}
        </div>
        <div className="govuk-grid-column-one-third">
          <aside className="app-aside" aria-labelledby="provider-heading">
            <h2 className="govuk-heading-m" id="provider-heading">
              {t("offer.provider")}
            </h2>
            <p className="govuk-body">{offer.provider.name}</p>
            {offer.provider.kind ? (
              <p className="govuk-body">
                <ProviderBadges kind={offer.provider.kind} verified={offer.provider.verified} />
              </p>
            ) : null}
          </aside>
        </div>
      </div>
    </>
  );
}
