import { InvoiceLink } from "~/components/orders-table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { ButtonLink } from "~/components/button-link";
import { ErrorSummary } from "~/components/forms";
import { SummaryRow } from "~/components/summary-row";
import { ConfirmStep } from "~/components/confirm";
import { donePath } from "~/done";
import { cancelOrder } from "~/domain/purchasing/cancel-order.server";
import { cancellationEffect } from "~/domain/purchasing/rules";
import { findOrder, mayOpenCollectivePurchaseOf } from "~/domain/purchasing/queries.server";
import { actsForSchool, mayViewInvoice, mayViewOrder, offerPageFor } from "~/domain/purchasing/access";
import { formatDate, formatPence } from "~/format";
import { attemptForm, notFoundPage, forbidden } from "~/refusals.server";
import { t } from "~/i18n";
import { requireActing } from "./purchasing.server";
import { pageTitle } from "~/page-title";
import { OfferTitle } from "~/components/offer-title";
import { TwoThirdsPage } from "~/components/form-page";

const CancelSchema = z.object({ intent: z.literal("cancel") });

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.forSchool === false ? t("order.titleOther") : t("order.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const order = await findOrder(context.db, authorityId, params.orderId ?? "");
  if (!order) throw notFoundPage();
  if (!mayViewOrder(user.grants, authorityId, order)) throw forbidden(t("order.error.notYours"));
  const canCancel =
    !order.collectivePurchaseId &&
    order.status !== "cancelled" &&
    order.status !== "delivered" &&
    can(user.grants, "buy:offer", { organisationId: order.schoolId, authorityId });
  const confirming = canCancel && new URL(request.url).searchParams.get("confirm") === "cancel";
  // The pages this order links to, where the viewer may open them: the provider, say, is not shown the school's invoice.
  // The school's own people read it as their purchase; its provider and the authority's officers as an order.
  const forSchool = actsForSchool(user.grants, authorityId, order.schoolId);
  const links = {
    offer: offerPageFor(user, { id: order.offerId, providerId: order.providerId }),
    invoice: order.invoiceId !== null && mayViewInvoice(user.grants, authorityId, order.schoolId),
    collectivePurchase:
      order.collectivePurchaseId !== null &&
      (await mayOpenCollectivePurchaseOf(context.db, user.grants, { authorityId, collectivePurchaseId: order.collectivePurchaseId, schoolId: order.schoolId })),
  };
  return { order, canCancel, forSchool, links, effect: confirming ? cancellationEffect([order]) : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  const done = await attemptForm(request, CancelSchema, () => cancelOrder(context.db, { actor, authorityId, orderId: params.orderId ?? "" }), {
    allOnForm: true,
  });
  if (!done.ok) return done.response;
  return redirect(donePath(`/purchases/${done.value.id}`, "orderCancelled"), { status: 303 });
}

export default function OrderPage() {
  const { order, canCancel, forSchool, links, effect } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const justPlaced = params.get("placed") === "1" && order.status !== "cancelled";
  if (effect) {
    const lines = [
      order.invoiceNumber
        ? t("confirm.order.invoice", { number: order.invoiceNumber, amount: formatPence(effect.creditedPence) })
        : effect.creditedPence > 0
          ? t("confirm.order.recharge", { amount: formatPence(effect.creditedPence) })
          : null,
      effect.potRefundPence > 0 ? t("confirm.order.pot", { amount: formatPence(effect.potRefundPence) }) : null,
      effect.paidByBankPence > 0 ? t("confirm.order.paid", { amount: formatPence(effect.paidByBankPence) }) : null,
    ].filter((line): line is string => line !== null);
    return (
      <>
        <ErrorSummary errors={result?.errors} />
        <ConfirmStep title={t("confirm.order.title")} lines={lines} intent="cancel" yes={t("confirm.order.yes")} backTo={`/purchases/${order.id}`} />
      </>
    );
  }
  return (
    <TwoThirdsPage errors={result?.errors}>
      {justPlaced && !order.collectivePurchaseId ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("order.placed.title")}</h1>
          <div className="govuk-panel__body">
            {order.invoiceNumber
              ? t("order.placed.invoice", { number: order.invoiceNumber })
              : order.potRequest
                ? t("order.placed.potRequested")
                : t("order.placed.noInvoice")}
          </div>
        </div>
      ) : (
        <h1 className="govuk-heading-l">{forSchool ? t("order.title") : t("order.titleOther")}</h1>
      )}
      <dl className="govuk-summary-list">
        <SummaryRow label={t("purchase.offer")}>
          {links.offer ? (
            <Link className="govuk-link" to={links.offer}>
              <OfferTitle title={order.title} titleCy={order.titleCy} />
            </Link>
          ) : (
            <OfferTitle title={order.title} titleCy={order.titleCy} />
          )}
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
        <SummaryRow label={order.status === "cancelled" ? t("order.wasCharged") : forSchool ? t("order.payable") : t("order.schoolPays")}>
          {formatPence(order.payablePence)}
        </SummaryRow>
        <SummaryRow label={t("order.dueNow")}>
          <strong>{formatPence(order.balance.duePence)}</strong>
        </SummaryRow>
        {order.balance.owedBackPence > 0 ? <SummaryRow label={t("order.owedBack")}>{formatPence(order.balance.owedBackPence)}</SummaryRow> : null}
        <SummaryRow label={t("orders.route")}>{t(`paymentRoute.${order.paymentRoute}`)}</SummaryRow>
        <SummaryRow label={t("order.poNumber")}>{order.poNumber ?? t("purchase.none")}</SummaryRow>
        {order.invoiceId ? (
          <SummaryRow label={t("order.invoice")}>
            <InvoiceLink invoiceId={order.invoiceId} invoiceNumber={order.invoiceNumber} open={links.invoice} /> ({t(`invoiceStatus.${order.invoiceStatus!}`)})
          </SummaryRow>
        ) : null}
        {order.potRequest ? <SummaryRow label={t("order.potRequest")}>{t(`potRequest.${order.potRequest}`)}</SummaryRow> : null}
        {order.recharge ? (
          <SummaryRow label={t("order.recharge")}>
            {t("order.rechargeDetail", { reference: order.recharge.journalReference, costCentre: order.recharge.costCentre })}
          </SummaryRow>
        ) : null}
        {order.collectivePurchaseId && links.collectivePurchase ? (
          <SummaryRow label={t("order.collective")}>
            <Link className="govuk-link" to={`/collective-purchases/${order.collectivePurchaseId}`}>
              {t("order.collectiveLink")}
            </Link>
          </SummaryRow>
        ) : null}
      </dl>
      {order.status !== "cancelled" ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/purchases/${order.id}/delivery`}>
            {t("delivery.link")}
          </Link>
          {order.status === "delivered" ? (
            <>
              {" · "}
              <Link className="govuk-link" to={`/purchases/${order.id}/evaluation`}>
                {t("delivery.evaluationLink")}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {canCancel ? (
        <>
          <h2 className="govuk-heading-m">{t("order.cancel.heading")}</h2>
          <p className="govuk-body">{t("purchase.check.cancellation", { days: order.cancellation.noticeDays })}</p>
          <ButtonLink to={`/purchases/${order.id}?confirm=cancel`} kind="warning">
            {t("confirm.order.open")}
          </ButtonLink>
        </>
      ) : null}
    </TwoThirdsPage>
  );
}
