import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/user.server";
import { ErrorSummary, TextInput } from "~/components/forms";
import { SummaryRow } from "~/components/summary-row";
import { findInvoice } from "~/domain/purchasing/queries.server";
import { recordPayment } from "~/domain/purchasing/record-payment.server";
import { formatDate, formatPence, parsePounds } from "~/format";
import { invalid, parseForm, refused } from "~/forms.server";
import { t } from "~/i18n";
import { formKey, notFoundResponse, requireActing } from "./purchasing.server";

const PaymentSchema = z.object({
  amount: z
    .string()
    .trim()
    .max(20, t("payment.amount.invalid"))
    .transform((v, ctx) => {
      const pence = parsePounds(v);
      if (pence === null || pence <= 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("payment.amount.invalid") });
        return z.NEVER;
      }
      return pence;
    }),
  bankReference: z.string().trim().min(1, t("payment.reference.required")).max(60, t("payment.reference.tooLong")),
  receivedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, t("payment.receivedOn.invalid"))
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), t("payment.receivedOn.invalid"))
    .refine((v) => Date.parse(`${v}T00:00:00Z`) <= Date.now(), t("payment.receivedOn.future")),
  idempotencyKey: z.string().uuid(),
});

export const meta: MetaFunction = () => [{ title: `${t("payment.title")} – ${t("service.name")}` }];

async function load(request: Request, context: LoaderFunctionArgs["context"], invoiceId: string) {
  const acting = await requireActing(request, context);
  requirePermission(acting.user, "record:payment", { authorityId: acting.authorityId });
  const invoice = await findInvoice(context.db, acting.authorityId, invoiceId);
  if (!invoice) throw notFoundResponse();
  return { ...acting, invoice };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { invoice } = await load(request, context, params.invoiceId ?? "");
  return { invoice, idempotencyKey: formKey(), today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId, invoice } = await load(request, context, params.invoiceId ?? "");
  const parsed = await parseForm(request, PaymentSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    await recordPayment(context.db, { actor, authorityId, invoiceId: invoice.invoice.id, amountPence: parsed.data.amount, bankReference: parsed.data.bankReference, receivedOn: parsed.data.receivedOn, idempotencyKey: parsed.data.idempotencyKey });
  } catch (error) {
    return refused(error, "amount", parsed.values);
  }
  return redirect(`/invoices/${invoice.invoice.id}`, { status: 303 });
}

export default function RecordPayment() {
  const { invoice: view, idempotencyKey, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = (result?.values ?? {}) as Record<string, string>;
  const { invoice } = view;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
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
        </dl>
        {invoice.status === "issued" ? (
          <Form method="post" noValidate>
            <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
            <TextInput name="amount" label={t("payment.amount.label")} hint={t("payment.amount.hint")} prefix="£" width="10" inputMode="decimal" errors={result?.errors} defaultValue={values.amount ?? (invoice.grossPence / 100).toFixed(2)} />
            <TextInput name="bankReference" label={t("payment.reference.label")} width="20" errors={result?.errors} defaultValue={values.bankReference} />
            <TextInput name="receivedOn" label={t("payment.receivedOn.label")} hint={t("payment.receivedOn.hint")} type="date" width="10" errors={result?.errors} defaultValue={values.receivedOn ?? today} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("payment.submit")}
            </button>
          </Form>
        ) : (
          <p className="govuk-body">{t("payment.nothingToRecord")}</p>
        )}
      </div>
    </div>
  );
}
