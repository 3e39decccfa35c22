import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { requireCheckout } from "./payments.server";
import { ParagraphLink } from "~/components/paragraph-link";

export const meta: MetaFunction = ({ data }) => pageTitle(t("payments.cancelled.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return { checkout: await requireCheckout(request, context, params.checkoutId ?? "") };
}

export default function PaymentCancelled() {
  const { checkout } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("payments.cancelled.title")}</h1>
        <p className="govuk-body">{t("payments.cancelled.body", { number: checkout.invoiceNumber })}</p>
        <ParagraphLink to={`/invoices/${checkout.invoiceId}`}>{t("payments.backToInvoice")}</ParagraphLink>
      </div>
    </div>
  );
}
