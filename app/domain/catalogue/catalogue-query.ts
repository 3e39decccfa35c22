// The catalogue's query string: parsed leniently, because it is typed, bookmarked and shared.
// Unknown filter values are ignored; only a maximum price that is not an amount is reported.
import { z } from "zod";
import { DELIVERY_FORMATS, OFFER_PHASES, PROVIDER_KINDS, SUBJECT_AREAS, TERMS } from "~/db.server";
import type { FieldErrors } from "~/components/forms";
import { optionalMoney, whole } from "~/forms/fields";
import type { FormValues } from "~/forms.server";
import { currentLocale, LOCALES, t, type Locale } from "~/i18n";
import { remember } from "~/remember";

export const SORTS = ["relevance", "price-asc", "price-desc", "newest", "rating"] as const;
/** The lowest average rating a search can ask for, as people choose it ("3" means 3 or more out of 4). */
export const MIN_RATINGS = ["2", "2.5", "3", "3.5"] as const;
export type Sort = (typeof SORTS)[number];

export const QUERY_MAX_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;
/** £1,000,000: far above any offer, and well inside PostgreSQL's integer. */
export const MAX_PRICE_PENCE = 100_000_000;

/**
 * Search text as PostgreSQL may safely receive it: no control characters (a NUL byte
 * cannot be stored in text), whitespace collapsed, at most 200 characters (counted by
 * code point, so an emoji is never cut in half).
 */
export function cleanSearchText(input: string): string {
  const cleaned = input
    .replace(/[\p{Cc}\p{Cs}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(cleaned).slice(0, QUERY_MAX_LENGTH).join("").trim();
}

const listOf = <T extends string>(allowed: readonly T[]) =>
  z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
    .transform((values) => [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))])
    .catch([]);

const positiveInt = (fallback: number, max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), whole({ label: "", invalid: "", min: 1, max })).catch(fallback);

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The schema in the reader's language: made once for each language, as making it costs more than reading a search. */
const catalogueQuerySchema = () => schemas.get(currentLocale()) ?? remember(schemas, LOCALES.length, currentLocale(), makeCatalogueQuerySchema());

function makeCatalogueQuerySchema() {
  const priceMessage = t("refusal.catalogue.maxPrice");
  return z.object({
    q: z.preprocess(single, z.string()).catch("").transform(cleanSearchText),
    subject: listOf(SUBJECT_AREAS),
    phase: listOf(OFFER_PHASES),
    format: listOf(DELIVERY_FORMATS),
    provider: listOf(PROVIDER_KINDS),
    term: listOf(TERMS),
    minRating: z.preprocess(single, z.enum(MIN_RATINGS).optional()).catch(undefined),
    maxPrice: z.preprocess(
      single,
      optionalMoney({ label: t("refusal.label.maxPrice"), invalid: priceMessage, required: priceMessage, minPence: 0, maxPence: MAX_PRICE_PENCE }),
    ),
    sort: z.preprocess(single, z.enum(SORTS).optional()).catch(undefined),
    page: positiveInt(1, MAX_PAGE),
    perPage: positiveInt(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  });
}

const schemas = new Map<Locale, ReturnType<typeof makeCatalogueQuerySchema>>();

export type CatalogueQuery = {
  q: string;
  subjects: (typeof SUBJECT_AREAS)[number][];
  phases: (typeof OFFER_PHASES)[number][];
  formats: (typeof DELIVERY_FORMATS)[number][];
  providerKinds: (typeof PROVIDER_KINDS)[number][];
  terms: (typeof TERMS)[number][];
  maxPricePence: number | null;
  /** Only offers rated at least this average, in hundredths of a point (300 is 3 out of 4); null for any. */
  minRatingHundredths: number | null;
  sort: Sort;
  page: number;
  perPage: number;
};

export function searchParamsToValues(params: URLSearchParams): FormValues {
  const values: FormValues = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    values[key] = all.length > 1 ? all : all[0];
  }
  return values;
}

/** The query the catalogue runs, and any message to show next to a field. Never throws. */
export function parseCatalogueQuery(params: URLSearchParams): { query: CatalogueQuery; errors: FieldErrors } {
  const values = searchParamsToValues(params);
  const schema = catalogueQuerySchema();
  let result = schema.safeParse(values);
  let errors: FieldErrors = {};
  if (!result.success) {
    errors = result.error.flatten().fieldErrors;
    // Only the maximum price can fail; without it the rest always parses.
    result = schema.safeParse({ ...values, maxPrice: undefined });
  }
  const data = result.success ? result.data : schema.parse({});
  const sort: Sort = data.sort === "relevance" || data.sort === undefined ? (data.q ? "relevance" : "newest") : data.sort;
  return {
    query: {
      q: data.q,
      subjects: data.subject,
      phases: data.phase,
      formats: data.format,
      providerKinds: data.provider,
      terms: data.term,
      maxPricePence: data.maxPrice,
      minRatingHundredths: data.minRating ? Math.round(Number(data.minRating) * 100) : null,
      sort,
      page: data.page,
      perPage: data.perPage,
    },
    errors,
  };
}
