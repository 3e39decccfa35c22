import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { donePath } from "~/done";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requirePermission } from "~/auth/user.server";
import { answeredField, DateInput, ErrorSummary, PoundsInput, TextInput, SubmitButton } from "~/components/forms";
import { InvoiceLines } from "~/components/invoice-lines";
import { SummaryRow } from "~/components/summary-row";
import { TwoThirdsPage } from "~/components/form-page";
import { findInvoice } from "~/domain/purchasing/queries.server";
import { recordPayment } from "~/domain/purchasing/record-payment.server";
import { formatDate, formatPence } from "~/format";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { date, money, text, withDateInputs } from "~/forms/fields";
import { notFoundPage, attemptForm } from "~/refusals.server";
import { t } from "~/i18n";
import { formKey, requireActing } from "./purchasing.server";
import { pageTitle } from "~/page-title";

const PaymentSchema = withDateInputs(
  ["receivedOn"],
  z.object({
    amount: money({ label: t("payment.amount.label"), invalid: t("payment.amount.invalid") }),
    bankReference: text({ label: t("payment.reference.label"), max: 60, required: t("payment.reference.required"), tooLong: t("payment.reference.tooLong") }),
    receivedOn: date({ label: t("payment.receivedOn.label"), required: t("payment.receivedOn.invalid") }).refine(
      (v) => v <= londonToday(new Date()),
      t("payment.receivedOn.future"),
    ),
    idempotencyKey: z.string().uuid(),
  }),
);

export const meta: MetaFunction = ({ data }) => pageTitle(t("payment.title"), data);

async function load(request: Request, context: LoaderFunctionArgs["context"], invoiceId: string) {
  const acting = await requireActing(request, context);
  requirePermission(acting.user, "record:payment", { authorityId: acting.authorityId });
  const invoice = await findInvoice(context.db, acting.authorityId, invoiceId);
  if (!invoice) throw notFoundPage();
  return { ...acting, invoice };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { invoice } = await load(request, context, params.invoiceId ?? "");
  return { invoice, idempotencyKey: formKey(), today: londonToday(new Date()) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId, invoice } = await load(request, context, params.invoiceId ?? "");
  const done = await attemptForm(
    request,
    PaymentSchema,
    (payment) =>
      recordPayment(context.db, {
        actor,
        authorityId,
        invoiceId: invoice.invoice.id,
        amountPence: payment.amount,
        bankReference: payment.bankReference,
        receivedOn: payment.receivedOn,
        idempotencyKey: payment.idempotencyKey,
      }),
    { field: "amount", allOnForm: true },
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/invoices/${invoice.invoice.id}`, "paymentRecorded"), { status: 303 });
}

export default function RecordPayment() {
  const { invoice: view, idempotencyKey, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = (result?.values ?? {}) as Record<string, string>;
  const field = answeredField(result?.errors, values);
  const { invoice } = view;
  return (
    <TwoThirdsPage>
      <Link to={`/invoices/${invoice.id}`} className="govuk-back-link">
        {t("payment.back")}
      </Link>
      <ErrorSummary errors={result?.errors} />
      <span className="govuk-caption-l">{t("invoice.title", { number: invoice.number })}</span>
      <h1 className="govuk-heading-l">{t("payment.title")}</h1>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("invoice.to")}>{view.schoolName}</SummaryRow>
        <SummaryRow label={t("invoice.total")}>{formatPence(invoice.grossPence)}</SummaryRow>
        <SummaryRow label={t("invoice.due")}>{formatDate(invoice.dueOn)}</SummaryRow>
        <SummaryRow label={t("order.status")}>{t(`invoiceStatus.${invoice.status}`)}</SummaryRow>
        {view.payments.length > 0 ? <SummaryRow label={t("payments.paidSoFar")}>{formatPence(view.balance.paidPence)}</SummaryRow> : null}
        {view.payments.length > 0 ? (
          <SummaryRow label={t("payment.recordedBy")}>{view.payments.map((p) => p.recordedByName ?? t("payments.byStripe")).join(", ")}</SummaryRow>
        ) : null}
        <SummaryRow label={t("payments.amountDue")}>{formatPence(view.balance.duePence)}</SummaryRow>
      </dl>
      <InvoiceLines lines={view.lines} />
      {invoice.status === "issued" ? (
        <Form method="post" noValidate>
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
          <PoundsInput
            {...field("amount", (view.balance.duePence / 100).toFixed(2))}
            label={t("payment.amount.label")}
            hint={t("payment.amount.hint")}
            width="10"
          />
          <TextInput {...field("bankReference")} label={t("payment.reference.label")} width="20" />
          <DateInput
            name="receivedOn"
            legend={t("payment.receivedOn.label")}
            hint={t("payment.receivedOn.hint")}
            errors={result?.errors}
            values={result ? values : { receivedOn: today }}
          />
          <SubmitButton>{t("payment.submit")}</SubmitButton>
        </Form>
      ) : (
        <p className="govuk-body">{t("payment.nothingToRecord")}</p>
      )}
    </TwoThirdsPage>
  );
}
