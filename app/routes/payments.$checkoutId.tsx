import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useRefreshWhile } from "~/components/refresh-while";
import { TwoThirdsPage } from "~/components/form-page";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { REFRESH, requireCheckout } from "./payments.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("payments.preparing.title"), data);
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** The outbox is making the Checkout Session: wait for it, then go to Stripe. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const checkout = await requireCheckout(request, context, params.checkoutId ?? "");
  if (checkout.status === "open" && checkout.url) return redirect(checkout.url, { status: 303 });
  if (checkout.status !== "preparing") return redirect(`/payments/${checkout.id}/success`, { status: 303 });
  return data({ checkout }, { headers: REFRESH });
}

export default function PreparingPayment() {
  const { checkout } = useLoaderData<typeof loader>();
  useRefreshWhile(true);
  return (
    <TwoThirdsPage title={t("payments.preparing.title")}>
      <p className="govuk-body" role="status">
        {t("payments.preparing.body")}
      </p>
      <Link className="govuk-button" to={`/payments/${checkout.id}`} reloadDocument>
        {t("payments.preparing.continue")}
      </Link>
    </TwoThirdsPage>
  );
}
