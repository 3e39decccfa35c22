// What the payment pages share: the checkout, for the school that pays it or the authority's finance.
import type { AppLoadContext } from "@remix-run/node";
import { can } from "~/auth/permissions";
import { findCheckout } from "~/domain/payments/start-checkout.server";
import { t } from "~/i18n";
import { forbidden, notFoundPage } from "~/refusals.server";
import { requireActing } from "./purchasing.server";
import { REFRESH_SECONDS } from "~/components/refresh-while";

export async function requireCheckout(request: Request, context: AppLoadContext, checkoutId: string) {
  const { user, authorityId } = await requireActing(request, context);
  const found = await findCheckout(context.db, { authorityId, checkoutId });
  if (!found) throw notFoundPage();
  const mine = can(user.grants, "buy:offer", { organisationId: found.checkout.schoolId, authorityId }) || can(user.grants, "record:payment", { authorityId });
  if (!mine) throw forbidden(t("payments.error.notYours"));
  const { checkout } = found;
  return {
    id: checkout.id,
    status: checkout.status,
    url: checkout.url,
    amountPence: checkout.amountPence,
    failureReason: checkout.failureReason,
    invoiceId: checkout.invoiceId,
    invoiceNumber: found.invoiceNumber,
  };
}

/** While Stripe has not answered yet, the page asks again by itself (no JavaScript needed). */
export const REFRESH = { Refresh: String(REFRESH_SECONDS) };
