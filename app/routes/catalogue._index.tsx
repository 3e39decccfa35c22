import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/components/link";
import { SubmitWithLink } from "~/components/submit-with-link";
import { ErrorSummary, PoundsInput, Select, TextInput, SubmitButton } from "~/components/forms";
import { labelled } from "~/components/filter-layout";
import { Pagination, paginationItems } from "~/components/pagination";
import { ProviderBadges } from "~/components/provider-badges";
import { priceRangeText } from "~/components/price-tiers";
import { ShortlistButton, ShortlistForm } from "~/components/shortlist-button";
import { DELIVERY_FORMATS, OFFER_PHASES, PROVIDER_KINDS, SUBJECT_AREAS, TERMS } from "~/db.server";
import { DEFAULT_PAGE_SIZE, MIN_RATINGS, parseCatalogueQuery, SORTS } from "~/domain/catalogue/catalogue-query";
import { ratingLabel } from "~/domain/delivery/rules";
import { searchCatalogue, type CatalogueResult } from "~/domain/catalogue/search-catalogue.server";
import { formatDate } from "~/format";
import { currentLocale, t, type Locale } from "~/i18n";
import { textsInLanguage } from "~/domain/catalogue/rules";
import { requireBuyer, shortlistAction } from "./catalogue.shortlist.server";
import { pageTitle } from "~/page-title";
import { noHydration } from "~/hydration";

// The catalogue is read, filtered and paged through GET forms and links: it goes out as HTML alone.
export const handle = noHydration;

export const meta: MetaFunction = ({ data }) => pageTitle(t("catalogue.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireBuyer(request, context);
  const { query, errors } = parseCatalogueQuery(new URL(request.url).searchParams);
  const page = await searchCatalogue(context.db, { authorityId, userId: user.id, query });
  // The choices travel with the data, so that the page's code in the browser needs nothing from the server's modules.
  const choices = {
    sort: SORTS,
    minRating: MIN_RATINGS,
    subject: SUBJECT_AREAS,
    phase: OFFER_PHASES,
    format: DELIVERY_FORMATS,
    provider: PROVIDER_KINDS,
    term: TERMS,
  };
  // A filter it cannot read is explained by its field, with the offers of the filters it can: 400, as on every filtered page.
  return data(
    {
      authorityName: user.acting!.authorityName,
      query,
      errors,
      choices,
      customPageSize: query.perPage !== DEFAULT_PAGE_SIZE,
      total: page.total,
      totalPages: page.totalPages,
      results: page.results.map((offer) => resultCard(offer, currentLocale())),
    },
    { status: Object.keys(errors).length > 0 ? 400 : 200 },
  );
}

/**
 * What the page shows of one offer, and nothing more, already in the reader's words: the page's
 * data travels twice (in the HTML and again for the browser's code), so it carries no whole rows.
 */
function resultCard(offer: CatalogueResult, locale: Locale) {
  const words = textsInLanguage(offer, ["title", "summary"], locale);
  const rating =
    offer.ratingEvaluations > 0
      ? `${t("rating.average", { average: ratingLabel({ evaluations: offer.ratingEvaluations, scoreSum: offer.ratingScoreSum })! })} ${t("rating.count", { count: offer.ratingEvaluations })}`
      : t("catalogue.results.notRated");
  return {
    id: offer.id,
    title: words.title,
    summary: words.summary,
    // The language of the words, only where it is not the page's (for their `lang`).
    ...(words.lang.title !== locale && { titleLang: words.lang.title }),
    ...(words.lang.summary !== locale && { summaryLang: words.lang.summary }),
    ...(words.none && { notInLanguage: true }),
    provider: offer.providerName,
    providerKind: offer.providerKind,
    providerVerified: offer.providerVerified,
    format: offer.deliveryFormat && t(`deliveryFormat.${offer.deliveryFormat}`),
    rating,
    price: priceRangeText(offer.priceTiers, offer.pricingModel) ?? t("catalogue.results.priceOnRequest"),
    approved: offer.approvedAt && formatDate(offer.approvedAt, locale),
    shortlisted: offer.shortlisted,
  };
}

export const action = ({ request, context }: ActionFunctionArgs) => shortlistAction(request, context);

export default function Catalogue() {
  const { authorityName, query, errors, choices, customPageSize, total, totalPages, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const hrefFor = (page: number) => {
    const params = new URLSearchParams(location.search);
    params.delete("index");
    if (page === 1) params.delete("page");
    else params.set("page", String(page));
    const search = params.toString();
    return search ? `/catalogue?${search}` : "/catalogue";
  };
  // One choice of each: a select keeps the panel short above the results on a phone. The search
  // itself takes several values of a filter (an address with them still works); the select shows the first.
  const facets = [
    { name: "subject", options: labelled(choices.subject, (v) => t(`subjectArea.${v}`)), chosen: query.subjects },
    { name: "phase", options: labelled(choices.phase, (v) => t(`offerPhase.${v}`)), chosen: query.phases },
    { name: "format", options: labelled(choices.format, (v) => t(`deliveryFormat.${v}`)), chosen: query.formats },
    { name: "provider", options: labelled(choices.provider, (v) => t(`providerKind.${v}`)), chosen: query.providerKinds },
    { name: "term", options: labelled(choices.term, (v) => t(`term.${v}`)), chosen: query.terms },
  ] as const;
  const allErrors = { ...errors, ...(actionData && !actionData.ok ? actionData.errors : {}) };

  return (
    <>
      <ErrorSummary errors={allErrors} />
      <h1 className="govuk-heading-xl">{t("catalogue.title")}</h1>
      <p className="govuk-body-l">{t("catalogue.lead", { authority: authorityName })}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Form method="get" action="/catalogue" role="search" aria-label={t("catalogue.filters.title")}>
            <TextInput name="q" label={t("catalogue.search.label")} hint={t("catalogue.search.hint")} defaultValue={query.q} type="search" spellCheck={false} />
            <SubmitButton>{t("catalogue.search.button")}</SubmitButton>
            <h2 className="govuk-heading-m">{t("catalogue.filters.title")}</h2>
            <Select name="sort" label={t("catalogue.sort.label")} options={labelled(choices.sort, (s) => t(`catalogue.sort.${s}`))} defaultValue={query.sort} />
            <Select
              name="minRating"
              label={t("rating.filter")}
              options={[{ value: "", label: t("rating.filter.any") }, ...labelled(choices.minRating, (v) => t("rating.filter.min", { min: v }))]}
              defaultValue={query.minRatingHundredths === null ? "" : String(query.minRatingHundredths / 100)}
            />
            {facets.map((facet) => (
              <Select
                key={facet.name}
                name={facet.name}
                label={t(`catalogue.filters.${facet.name}`)}
                options={[{ value: "", label: t(`catalogue.filters.${facet.name}.any`) }, ...facet.options]}
                defaultValue={facet.chosen[0] ?? ""}
              />
            ))}
            <PoundsInput
              name="maxPrice"
              label={t("catalogue.filters.maxPrice")}
              hint={t("catalogue.filters.maxPrice.hint")}
              errors={errors}
              defaultValue={
                errors.maxPrice ? new URLSearchParams(location.search).get("maxPrice") : query.maxPricePence === null ? "" : String(query.maxPricePence / 100)
              }
              spellCheck={false}
            />
            {customPageSize ? <input type="hidden" name="perPage" value={query.perPage} /> : null}
            <SubmitWithLink submit={t("catalogue.filters.apply")} kind="secondary" to="/catalogue" link={t("catalogue.filters.clear")} />
          </Form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-heading-m" role="status" id="results-count">
            {t("catalogue.results.count", { count: total })}
            {query.q ? <span className="govuk-caption-m">{t("catalogue.results.matching", { q: query.q })}</span> : null}
          </p>
          {total === 0 ? <p className="govuk-body">{t("catalogue.results.none")}</p> : null}
          {total > 0 && results.length === 0 ? (
            <p className="govuk-body">
              {t("catalogue.results.pastEnd")}{" "}
              <Link className="govuk-link" to={hrefFor(1)}>
                {t("catalogue.results.firstPage")}
              </Link>
            </p>
          ) : null}
          <ul className="govuk-list app-results" aria-labelledby="results-count">
            {results.map((offer) => (
              <li key={offer.id}>
                <h2 className="govuk-heading-s">
                  <Link className="govuk-link" to={`/catalogue/${offer.id}`} lang={offer.titleLang}>
                    {offer.title}
                  </Link>
                </h2>
                <p className="govuk-body" lang={offer.summaryLang}>
                  {offer.summary}
                </p>
                {offer.notInLanguage ? <p className="govuk-body-s">{t("language.offer.notInWelsh")}</p> : null}
                <dl>
                  <dt>{t("catalogue.results.provider")}</dt>
                  <dd>
                    {`${offer.provider} `}
                    {offer.providerKind ? <ProviderBadges kind={offer.providerKind} verified={offer.providerVerified} /> : null}
                  </dd>
                  {offer.format ? (
                    <>
                      <dt>{t("catalogue.results.format")}</dt>
                      <dd>{offer.format}</dd>
                    </>
                  ) : null}
                  <dt>{t("catalogue.results.rating")}</dt>
                  <dd>{offer.rating}</dd>
                  <dt>{t("catalogue.results.price")}</dt>
                  <dd>{offer.price}</dd>
                  {offer.approved ? (
                    <>
                      <dt>{t("catalogue.results.qualityAssured")}</dt>
                      <dd>{offer.approved}</dd>
                    </>
                  ) : null}
                </dl>
                <ShortlistButton offerId={offer.id} title={offer.title} titleLang={offer.titleLang} shortlisted={offer.shortlisted} />
              </li>
            ))}
          </ul>
          <ShortlistForm />
          <Pagination
            items={paginationItems(query.page, totalPages)}
            current={query.page}
            totalPages={totalPages}
            hrefFor={hrefFor}
            label={t("catalogue.pagination.label")}
          />
        </div>
      </div>
    </>
  );
}
