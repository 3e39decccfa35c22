import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatPence } from "~/format";
import { ParagraphLink } from "~/components/paragraph-link";
import { useRefreshWhile } from "~/components/refresh-while";
import { TwoThirdsPage } from "~/components/form-page";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { REFRESH, requireCheckout } from "./payments.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("payments.success.title"), data);
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** Back from Stripe: what happened and what happens next. The payment is recorded by the webhook, not here. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const checkout = await requireCheckout(request, context, params.checkoutId ?? "");
  const waiting = checkout.status === "open" || checkout.status === "preparing";
  return data({ checkout }, waiting ? { headers: REFRESH } : undefined);
}

export default function PaymentOutcome() {
  const { checkout } = useLoaderData<typeof loader>();
  useRefreshWhile(checkout.status === "open" || checkout.status === "preparing");
  const params = { amount: formatPence(checkout.amountPence), number: checkout.invoiceNumber, reason: checkout.failureReason ?? "" };
  const sentence =
    checkout.status === "paid"
      ? t("payments.success.paid", params)
      : checkout.status === "processing"
        ? t("payments.success.processing", params)
        : checkout.status === "failed"
          ? t("payments.success.failed", params)
          : checkout.status === "expired"
            ? t("payments.success.expired")
            : t("payments.success.waiting", params);
  const done = checkout.status === "paid" || checkout.status === "processing";
  return (
    <TwoThirdsPage>
      {done ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("payments.success.title")}</h1>
        </div>
      ) : (
        <h1 className="govuk-heading-l">
          {t(checkout.status === "failed" || checkout.status === "expired" ? "payments.cancelled.title" : "payments.preparing.title")}
        </h1>
      )}
      <p className="govuk-body" role="status" data-testid="payment-outcome">
        {sentence}
      </p>
      <ParagraphLink to={`/invoices/${checkout.invoiceId}`}>{t("payments.backToInvoice")}</ParagraphLink>
    </TwoThirdsPage>
  );
}
