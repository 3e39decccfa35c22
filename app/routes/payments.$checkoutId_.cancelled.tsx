import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { requireCheckout } from "./payments.server";
import { ParagraphLink } from "~/components/paragraph-link";
import { TwoThirdsPage } from "~/components/form-page";

export const meta: MetaFunction = ({ data }) => pageTitle(t("payments.cancelled.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return { checkout: await requireCheckout(request, context, params.checkoutId ?? "") };
}

export default function PaymentCancelled() {
  const { checkout } = useLoaderData<typeof loader>();
  return (
    <TwoThirdsPage title={t("payments.cancelled.title")} lead={t("payments.cancelled.body", { number: checkout.invoiceNumber })}>
      <ParagraphLink to={`/invoices/${checkout.invoiceId}`}>{t("payments.backToInvoice")}</ParagraphLink>
    </TwoThirdsPage>
  );
}
