import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { ErrorSummary } from "~/components/forms";
import { SummaryRow } from "~/components/summary-row";
import { cancelOrder } from "~/domain/purchasing/cancel-order.server";
import { findOrder } from "~/domain/purchasing/queries.server";
import { formatDate, formatPence } from "~/format";
import { invalid, parseForm, refused } from "~/forms.server";
import { t } from "~/i18n";
import { notFoundResponse, requireActing } from "./purchasing.server";

const CancelSchema = z.object({ intent: z.literal("cancel") });

export const meta: MetaFunction = () => [{ title: `${t("order.title")} – ${t("service.name")}` }];

/** The school that bought it, the provider delivering it and the authority's finance officers may see an order. */
function mayView(user: CurrentUser, authorityId: string, order: { schoolId: string; providerId: string }) {
  return (
    can(user.grants, "view:statement", { organisationId: order.schoolId, authorityId }) ||
    can(user.grants, "buy:offer", { organisationId: order.schoolId, authorityId }) ||
    can(user.grants, "deliver:order", { organisationId: order.providerId, authorityId }) ||
    can(user.grants, "view:sales", { authorityId })
  );
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const order = await findOrder(context.db, authorityId, params.orderId ?? "");
  if (!order) throw notFoundResponse();
  if (!mayView(user, authorityId, order)) throw new Response(t("order.error.notYours"), { status: 403 });
  const canCancel = !order.collectivePurchaseId && order.status !== "cancelled" && order.status !== "delivered" && can(user.grants, "buy:offer", { organisationId: order.schoolId, authorityId });
  return { order, canCancel };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  const parsed = await parseForm(request, CancelSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const order = await cancelOrder(context.db, { actor, authorityId, orderId: params.orderId ?? "" });
    return redirect(`/purchases/${order.id}?cancelled=1`, { status: 303 });
  } catch (error) {
    return refused(error, "form", parsed.values);
  }
}

export default function OrderPage() {
  const { order, canCancel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const justPlaced = params.get("placed") === "1" && order.status !== "cancelled";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        {params.get("cancelled") ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="cancelled-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="cancelled-title">
                {t("order.banner.success")}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{t("order.cancelled")}</p>
            </div>
          </div>
        ) : null}
        {justPlaced && !order.collectivePurchaseId ? (
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{t("order.placed.title")}</h1>
            <div className="govuk-panel__body">{order.invoiceNumber ? t("order.placed.invoice", { number: order.invoiceNumber }) : order.potRequest ? t("order.placed.potRequested") : t("order.placed.noInvoice")}</div>
          </div>
        ) : (
          <h1 className="govuk-heading-l">{t("order.title")}</h1>
        )}
        <dl className="govuk-summary-list">
          <SummaryRow label={t("purchase.offer")}>
            <Link className="govuk-link" to={`/catalogue/${order.offerId}`}>
              {order.title}
            </Link>
          </SummaryRow>
          <SummaryRow label={t("purchase.provider")}>{order.providerName}</SummaryRow>
          <SummaryRow label={t("purchase.school")}>{order.schoolName}</SummaryRow>
          <SummaryRow label={t("order.date")}>{formatDate(order.createdAt)}</SummaryRow>
          <SummaryRow label={t("order.status")}>
            <strong className="govuk-tag">{t(`orderStatus.${order.status}`)}</strong>
          </SummaryRow>
          <SummaryRow label={t("purchase.price")}>{formatPence(order.netPence)}</SummaryRow>
          {order.potContributionPence > 0 ? <SummaryRow label={t("order.pot")}>{formatPence(order.potContributionPence)}</SummaryRow> : null}
          <SummaryRow label={t("purchase.vat")}>{formatPence(order.vatPence)}</SummaryRow>
          <SummaryRow label={t("order.payable")}>{formatPence(order.payablePence)}</SummaryRow>
          <SummaryRow label={t("purchase.paymentRoute.label")}>{t(`paymentRoute.${order.paymentRoute}`)}</SummaryRow>
          <SummaryRow label={t("purchase.poNumber.label")}>{order.poNumber ?? t("purchase.none")}</SummaryRow>
          {order.invoiceId ? (
            <SummaryRow label={t("order.invoice")}>
              <Link className="govuk-link" to={`/invoices/${order.invoiceId}`}>
                {order.invoiceNumber}
              </Link>{" "}
              ({t(`invoiceStatus.${order.invoiceStatus!}`)})
            </SummaryRow>
          ) : null}
          {order.potRequest ? <SummaryRow label={t("order.potRequest")}>{t(`potRequest.${order.potRequest}`)}</SummaryRow> : null}
          {order.recharge ? (
            <SummaryRow label={t("order.recharge")}>
              {t("order.rechargeDetail", { reference: order.recharge.journalReference, costCentre: order.recharge.costCentre })}
            </SummaryRow>
          ) : null}
          {order.collectivePurchaseId ? (
            <SummaryRow label={t("order.collective")}>
              <Link className="govuk-link" to={`/collective-purchases/${order.collectivePurchaseId}`}>
                {t("order.collectiveLink")}
              </Link>
            </SummaryRow>
          ) : null}
        </dl>
        {canCancel ? (
          <>
            <h2 className="govuk-heading-m">{t("order.cancel.heading")}</h2>
            <p className="govuk-body">{t("purchase.check.cancellation", { days: order.cancellation.noticeDays })}</p>
            <Form method="post">
              <button type="submit" name="intent" value="cancel" className="govuk-button govuk-button--warning" data-module="govuk-button">
                {t("order.cancel.button")}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
