// What the sales page and its CSV share: who may see the sales, and the filter in the address.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/auth/user.server";
import type { FieldErrors } from "~/components/forms";
import { isUuid } from "~/domain/ids";
import type { SalesFilter } from "~/domain/purchasing/sales.server";
import { withDateParams } from "~/forms/fields";
import { parseValues } from "~/forms.server";
import { t } from "~/i18n";
import { ORDER_STATUSES, PAYMENT_ROUTES } from "#db/schema/purchasing-vocabulary";
import { requireActing } from "./purchasing.server";
import { optionalDay } from "./statement.server";

const blankAsMissing = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const choice = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankAsMissing, schema.optional());
const id = choice(z.string().refine(isUuid, t("sales.filter.invalidChoice")));

const SalesQuerySchema = z
  .object({
    from: optionalDay,
    to: optionalDay,
    consortium: id,
    provider: id,
    status: choice(z.enum(ORDER_STATUSES, { errorMap: () => ({ message: t("sales.filter.invalidChoice") }) })),
    route: choice(z.enum(PAYMENT_ROUTES, { errorMap: () => ({ message: t("sales.filter.invalidChoice") }) })),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: t("statement.filter.order"), path: ["to"] });

export const SALES_FILTER_FIELDS = ["from", "to", "consortium", "provider", "status", "route"] as const;
export type SalesQuery = Partial<Record<(typeof SALES_FILTER_FIELDS)[number], string>>;

/**
 * The finance officer's authority and the filter the address asks for. A filter that does not
 * parse is reported by its fields and not applied.
 */
export async function loadSalesQuery(request: Request, context: AppLoadContext) {
  const { user, authorityId } = await requireActing(request, context);
  requirePermission(user, "view:sales", { authorityId });
  const url = new URL(request.url);
  const params = withDateParams(url.searchParams, ["from", "to"]);
  const query: SalesQuery = Object.fromEntries(SALES_FILTER_FIELDS.map((f) => [f, params.get(f)?.slice(0, 100) ?? ""]).filter(([, v]) => v));
  const pageText = url.searchParams.get("page") ?? "";
  const page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1;
  const parsed = parseValues(query, SalesQuerySchema);
  const filter: SalesFilter = parsed.ok
    ? {
        from: parsed.data.from,
        to: parsed.data.to,
        consortiumId: parsed.data.consortium,
        providerId: parsed.data.provider,
        status: parsed.data.status,
        paymentRoute: parsed.data.route,
      }
    : {};
  const errors: FieldErrors | null = parsed.ok ? null : parsed.errors;
  return { user, authorityId, query, filter, errors, page };
}
