// What the traded income page and its CSV files share: who may see them, and the filter in the address.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/auth/user.server";
import type { FieldErrors } from "~/components/forms";
import { BUYER_TYPES, PAYMENT_ROUTES, SUBJECT_AREAS } from "~/db.server";
import { isUuid } from "~/domain/ids";
import { financialYearStart, parseFinancialYear } from "~/domain/reporting/rules";
import type { TradedIncomeFilter } from "~/domain/reporting/traded-income.server";
import { londonIsoDate } from "~/format";
import { parseValues } from "~/forms.server";
import { t } from "~/i18n";
import { requireActing } from "./purchasing.server";

const blankAsMissing = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const choice = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankAsMissing, schema.optional());
const invalidChoice = { errorMap: () => ({ message: t("reports.filter.invalidChoice") }) };

const TradedIncomeQuerySchema = z.object({
  year: choice(z.string().refine((v) => parseFinancialYear(v) !== null, t("reports.filter.invalidYear"))),
  consortium: choice(z.string().refine(isUuid, t("reports.filter.invalidChoice"))),
  provider: choice(z.string().refine(isUuid, t("reports.filter.invalidChoice"))),
  buyer: choice(z.enum(BUYER_TYPES, invalidChoice)),
  route: choice(z.enum(PAYMENT_ROUTES, invalidChoice)),
  subject: choice(z.enum(SUBJECT_AREAS, invalidChoice)),
});

export const TRADED_INCOME_FIELDS = ["year", "consortium", "provider", "buyer", "route", "subject"] as const;
export type TradedIncomeQuery = Partial<Record<(typeof TRADED_INCOME_FIELDS)[number], string>>;

export const currentFinancialYear = (now = new Date()) => financialYearStart(londonIsoDate(now));

/** The viewer's authority and the filter the address asks for; a filter that does not parse is reported by its fields and the current year shown unfiltered. */
export async function loadTradedIncomeQuery(request: Request, context: AppLoadContext) {
  const { user, authorityId } = await requireActing(request, context);
  requirePermission(user, "view:traded-income", { authorityId });
  const url = new URL(request.url);
  const query: TradedIncomeQuery = Object.fromEntries(TRADED_INCOME_FIELDS.map((f) => [f, url.searchParams.get(f)?.slice(0, 100) ?? ""]).filter(([, v]) => v));
  const parsed = parseValues(query, TradedIncomeQuerySchema);
  const year = parsed.ok && parsed.data.year ? parseFinancialYear(parsed.data.year)! : currentFinancialYear();
  const filter: TradedIncomeFilter = parsed.ok
    ? {
        financialYear: year,
        consortiumId: parsed.data.consortium,
        providerId: parsed.data.provider,
        buyerType: parsed.data.buyer,
        paymentRoute: parsed.data.route,
        subjectArea: parsed.data.subject,
      }
    : { financialYear: year };
  const errors: FieldErrors | null = parsed.ok ? null : parsed.errors;
  return { authorityId, query, filter, errors };
}
