import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { answeredField, ErrorSummary, PoundsInput, SubmitButton } from "~/components/forms";
import { SummaryRow } from "~/components/summary-row";
import { TwoThirdsPage } from "~/components/form-page";
import { onlinePaymentOf, startCheckout } from "~/domain/payments/start-checkout.server";
import { donePath } from "~/done";
import { formatPence } from "~/format";
import { money } from "~/forms/fields";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { forbidden, notFoundPage, refusalOnForm } from "~/refusals.server";
import { pageTitle } from "~/page-title";
import { formKey, requireActing } from "./purchasing.server";

const PaySchema = z.object({
  amount: money({ label: t("payments.pay.amount.label"), invalid: t("payments.pay.amount.invalid") }),
  checkoutId: z.string().uuid(),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("payments.pay.title", { number: data?.invoice.number ?? "" }), data);

async function load(request: Request, context: LoaderFunctionArgs["context"], invoiceId: string) {
  const acting = await requireActing(request, context);
  const online = await onlinePaymentOf(context.db, { authorityId: acting.authorityId, invoiceId, stripeEnabled: context.env.STRIPE });
  if (!online) throw notFoundPage();
  if (!can(acting.user.grants, "buy:offer", { organisationId: online.invoice.schoolId, authorityId: acting.authorityId }))
    throw forbidden(t("payments.error.notPayer"));
  return { ...acting, online };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { online } = await load(request, context, params.invoiceId ?? "");
  const { invoice, ...rest } = online;
  return { invoice: { id: invoice.id, number: invoice.number, status: invoice.status }, ...rest, checkoutId: formKey() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId, online } = await load(request, context, params.invoiceId ?? "");
  const parsed = await parseForm(request, PaySchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const { checkout } = await startCheckout(context.db, {
      actor,
      authorityId,
      invoiceId: online.invoice.id,
      amountPence: parsed.data.amount,
      checkoutId: parsed.data.checkoutId,
      stripeEnabled: context.env.STRIPE,
    });
    return redirect(donePath(`/payments/${checkout.id}`, "checkoutStarted"), { status: 303 });
  } catch (error) {
    return refusalOnForm(error, parsed.values, { field: "amount", allOnForm: true });
  }
}

export default function PayInvoice() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = (result?.values ?? {}) as Record<string, string>;
  const field = answeredField(result?.errors, values);
  return (
    <TwoThirdsPage>
      <Link to={`/invoices/${data.invoice.id}`} className="govuk-back-link">
        {t("payments.pay.back")}
      </Link>
      <ErrorSummary errors={result?.errors} />
      <h1 className="govuk-heading-l">{t("payments.pay.title", { number: data.invoice.number })}</h1>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("payments.pay.due")}>{formatPence(data.duePence)}</SummaryRow>
        {data.onItsWayPence > 0 ? <SummaryRow label={t("payments.pay.onItsWay")}>{formatPence(data.onItsWayPence)}</SummaryRow> : null}
      </dl>
      {!data.stripeEnabled ? (
        <p className="govuk-body">{t("payments.unavailable")}</p>
      ) : !data.routeAllows ? (
        <p className="govuk-body">{t("payments.error.routeNotOnline")}</p>
      ) : !data.open ? (
        <p className="govuk-body">{t("payments.error.amount.nothing_due")}</p>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="checkoutId" value={values.checkoutId ?? data.checkoutId} />
          <PoundsInput
            {...field("amount", (data.payablePence / 100).toFixed(2))}
            label={t("payments.pay.amount.label")}
            hint={t("payments.pay.amount.hint")}
            width="10"
          />
          <p className="govuk-body">{t("payments.pay.methods")}</p>
          <SubmitButton>{t("payments.pay.submit")}</SubmitButton>
        </Form>
      )}
    </TwoThirdsPage>
  );
}
