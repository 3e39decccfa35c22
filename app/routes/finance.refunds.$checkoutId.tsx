import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/user.server";
import { ConfirmStep } from "~/components/confirm";
import { answeredField, ErrorSummary, PoundsInput, TextInput } from "~/components/forms";
import { refundPreview, requestRefund } from "~/domain/payments/refund.server";
import { donePath } from "~/done";
import { formatPence } from "~/format";
import { money, text } from "~/forms/fields";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { notFoundPage, refusalOnForm, orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";
import { formKey, requireActing } from "./purchasing.server";

const RefundSchema = z.object({
  intent: z.literal("refund"),
  amount: money({ label: t("refunds.amount.label"), invalid: t("refunds.amount.invalid") }),
  reason: text({ label: t("refunds.reason.label"), max: 200, required: t("refunds.reason.required"), tooLong: t("refunds.reason.tooLong") }),
  idempotencyKey: z.string().uuid(),
});

export const meta: MetaFunction = ({ data }) => pageTitle(t("refunds.title"), data);

async function load(request: Request, context: LoaderFunctionArgs["context"], checkoutId: string) {
  const acting = await requireActing(request, context);
  requirePermission(acting.user, "record:payment", { authorityId: acting.authorityId });
  const preview = await orErrorPage(() => refundPreview(context.db, { actor: acting.actor, authorityId: acting.authorityId, checkoutId }));
  if (!preview) throw notFoundPage();
  return { ...acting, preview };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { preview } = await load(request, context, params.checkoutId ?? "");
  return { preview, idempotencyKey: formKey(), stripeEnabled: context.env.STRIPE };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId, preview } = await load(request, context, params.checkoutId ?? "");
  const parsed = await parseForm(request, RefundSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    await requestRefund(context.db, {
      actor,
      authorityId,
      checkoutId: preview.id,
      amountPence: parsed.data.amount,
      reason: parsed.data.reason,
      idempotencyKey: parsed.data.idempotencyKey,
      stripeEnabled: context.env.STRIPE,
    });
  } catch (error) {
    return refusalOnForm(error, parsed.values, { field: "amount", allOnForm: true });
  }
  return redirect(donePath("/finance/reconciliation", "refundRequested"), { status: 303 });
}

export default function RefundPayment() {
  const { preview, idempotencyKey, stripeEnabled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = (result?.values ?? {}) as Record<string, string>;
  const field = answeredField(result?.errors, values);
  if (!stripeEnabled || preview.leftPence <= 0) {
    return (
      <>
        <h1 className="govuk-heading-l">{t("refunds.title")}</h1>
        <p className="govuk-body">{stripeEnabled ? t("refunds.error.nothingLeft") : t("payments.unavailable")}</p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <ConfirmStep
        title={t("refunds.title")}
        lines={[t("refunds.intro", { amount: formatPence(preview.amountPence), number: preview.invoiceNumber })]}
        intent="refund"
        yes={t("refunds.confirm")}
        backTo="/finance/reconciliation"
        hidden={{ idempotencyKey: values.idempotencyKey ?? idempotencyKey }}
      >
        <PoundsInput
          {...field("amount", (preview.leftPence / 100).toFixed(2))}
          label={t("refunds.amount.label")}
          hint={t("refunds.amount.hint", { left: formatPence(preview.leftPence) })}
          width="10"
        />
        <TextInput {...field("reason")} label={t("refunds.reason.label")} width="30" />
      </ConfirmStep>
    </>
  );
}
