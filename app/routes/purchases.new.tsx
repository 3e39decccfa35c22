import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { donePath } from "~/done";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { answeredField, Choices, TextInput, WholeNumberInput, SubmitButton } from "~/components/forms";
import { SubmitPair } from "~/components/submit-pair";
import { SummaryRow } from "~/components/summary-row";
import { unevaluatedOrdersOf } from "~/domain/delivery/queries.server";
import { loadPurchaseContext, placeOrder, quoteOrder } from "~/domain/purchasing/place-order.server";
import { invoiceIdOfOrder } from "~/domain/payments/start-checkout.server";
import { formatPence } from "~/format";
import { invalid, parseForm } from "~/forms.server";
import { attempt, orErrorPage, forbidden } from "~/refusals.server";
import { t } from "~/i18n";
import { buyerFields, formKey, organisationsWhere, requireActing } from "./purchasing.server";
import { PurchaseHeading } from "~/components/purchase-heading";
import { pageTitle } from "~/page-title";
import { OfferTitle } from "~/components/offer-title";
import { TwoThirdsPage } from "~/components/form-page";

const Answers = z.object({
  offerId: z.string().max(100),
  schoolId: z.string().max(100),
  ...buyerFields,
});
const PurchaseSchema = z.discriminatedUnion("intent", [
  Answers.extend({ intent: z.literal("check") }),
  Answers.extend({ intent: z.literal("change") }),
  Answers.extend({ intent: z.literal("confirm"), idempotencyKey: z.string().uuid() }),
]);

export const meta: MetaFunction = ({ data }) => pageTitle(t("purchase.new.title"), data);

async function prepare(request: Request, context: LoaderFunctionArgs["context"], offerId: string, schoolId: string | null) {
  const { user, authorityId, actor } = await requireActing(request, context);
  const schools = organisationsWhere(user, "school", "buy:offer");
  if (schools.length === 0) throw forbidden(t("purchase.error.notABuyer"));
  const chosen = schoolId === null ? schools[0] : schools.find((s) => s.id === schoolId);
  if (!chosen) throw forbidden(t("purchase.error.notABuyer"));
  const { school, offer } = await orErrorPage(() => loadPurchaseContext(context.db, { actor, authorityId, schoolId: chosen.id, offerId }));
  return { user, authorityId, actor, schools, school, offer };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { schools, school, offer, authorityId } = await prepare(request, context, url.searchParams.get("offerId") ?? "", url.searchParams.get("schoolId"));
  const { quote, routes } = quoteOrder(offer, school, 1, { online: context.env.STRIPE });
  // Buying the same offer again: the school is asked first about the earlier purchase it has not evaluated.
  const [unevaluated] = await unevaluatedOrdersOf(context.db, { authorityId, schoolId: school.id, offerId: offer.offerId });
  return {
    unevaluatedOrderId: unevaluated?.id ?? null,
    offer: {
      id: offer.offerId,
      title: offer.title,
      titleCy: offer.titleCy,
      providerName: offer.providerName,
      pricingModel: offer.pricingModel,
      cancellationNoticeDays: offer.cancellationNoticeDays,
    },
    school: { id: school.id, name: school.name, pupils: school.numberOnRoll },
    schools,
    routes,
    unitPricePence: quote?.unitPricePence ?? null,
    stripeEnabled: context.env.STRIPE,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, PurchaseSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const answers = parsed.data;
  const { actor, authorityId, school, offer } = await prepare(request, context, answers.offerId, answers.schoolId);
  const { quote, routes, treatment } = quoteOrder(offer, school, answers.delegates, { online: context.env.STRIPE });
  if (!routes.includes(answers.paymentRoute)) return invalid({ paymentRoute: [t("purchase.paymentRoute.notOpen")] }, parsed.values);
  if (!quote) return invalid({ form: [t("purchase.error.noSinglePrice")] }, parsed.values, 409);
  if (answers.intent === "change") return data({ ok: true as const, step: "options" as const, values: parsed.values });
  if (answers.intent === "check") {
    return data({ ok: true as const, step: "check" as const, values: parsed.values, quote, treatment, idempotencyKey: formKey(), schoolName: school.name });
  }
  const done = await attempt(
    () =>
      placeOrder(context.db, {
        actor,
        authorityId,
        schoolId: school.id,
        offerId: offer.offerId,
        delegates: answers.delegates,
        poNumber: answers.poNumber ?? null,
        paymentRoute: answers.paymentRoute,
        idempotencyKey: answers.idempotencyKey,
        appUrl: context.env.APP_URL,
        stripeEnabled: context.env.STRIPE,
      }),
    parsed.values,
    { allOnForm: true },
  );
  if (!done.ok) return done.response;
  // Paying by card: straight on to paying the order's invoice.
  const invoiceId = done.value.order.paymentRoute === "card" ? await invoiceIdOfOrder(context.db, { authorityId, orderId: done.value.order.id }) : null;
  if (invoiceId) return redirect(`/invoices/${invoiceId}/pay`, { status: 303 });
  return redirect(`${donePath(`/purchases/${done.value.order.id}`, "orderPlaced")}&placed=1`, { status: 303 });
}

export default function NewPurchase() {
  const { offer, school, schools, routes, unitPricePence, stripeEnabled, unevaluatedOrderId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : null;
  const values = (result?.values ?? {}) as Record<string, string>;
  const field = answeredField(errors, values);
  const hidden = (name: string, value: string | number) => <input type="hidden" name={name} value={value} />;

  if (result?.ok && result.step === "check") {
    const { quote } = result;
    return (
      <TwoThirdsPage caption={result.schoolName} title={t("purchase.check.title")}>
        <dl className="govuk-summary-list">
          <SummaryRow label={t("purchase.offer")}>
            <OfferTitle title={offer.title} titleCy={offer.titleCy} />
          </SummaryRow>
          <SummaryRow label={t("purchase.provider")}>{offer.providerName}</SummaryRow>
          {offer.pricingModel === "per_delegate" ? <SummaryRow label={t("purchase.delegates.label")}>{values.delegates}</SummaryRow> : null}
          <SummaryRow label={t("purchase.price")}>{`${quote.quantity} × ${formatPence(quote.unitPricePence)} = ${formatPence(quote.netPence)}`}</SummaryRow>
          <SummaryRow label={t("purchase.vat")}>{formatPence(quote.vatPence)}</SummaryRow>
          <SummaryRow label={t("purchase.total")}>
            <strong>{formatPence(quote.grossPence)}</strong>
          </SummaryRow>
          <SummaryRow label={t("purchase.poNumber.label")}>{values.poNumber || t("purchase.none")}</SummaryRow>
          <SummaryRow label={t("purchase.paymentRoute.label")}>{t(`paymentRoute.${values.paymentRoute as "invoice"}`)}</SummaryRow>
        </dl>
        <p className="govuk-body">{t("purchase.check.cancellation", { days: offer.cancellationNoticeDays })}</p>
        <Form method="post" noValidate>
          {Object.entries(values)
            .filter(([k]) => !["intent", "idempotencyKey"].includes(k))
            .map(([k, v]) => hidden(k, v))}
          {hidden("idempotencyKey", result.idempotencyKey)}
          <SubmitPair intent="confirm" submit={t("purchase.check.confirm")} otherIntent="change" other={t("purchase.check.change")} />
        </Form>
      </TwoThirdsPage>
    );
  }

  return (
    <TwoThirdsPage>
      <PurchaseHeading offer={offer} title={t("purchase.new.title")} errors={errors} />
      {unevaluatedOrderId ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">{t("purchase.unevaluated")}</p>
          <Link className="govuk-link" to={`/purchases/${unevaluatedOrderId}/evaluation`}>
            {t("purchase.unevaluatedLink")}
          </Link>
        </div>
      ) : null}
      <p className="govuk-body">
        {unitPricePence === null
          ? t("purchase.error.noSinglePrice")
          : t("purchase.new.price", { price: formatPence(unitPricePence), unit: t(`pricingUnit.${offer.pricingModel}`) })}
      </p>
      <Form method="post" noValidate>
        {hidden("offerId", offer.id)}
        {schools.length > 1 ? (
          <Choices {...field("schoolId", school.id)} legend={t("purchase.school.label")} options={schools.map((s) => ({ value: s.id, label: s.name }))} />
        ) : (
          hidden("schoolId", school.id)
        )}
        {offer.pricingModel === "per_delegate" ? (
          <WholeNumberInput {...field("delegates", "1")} label={t("purchase.delegates.label")} hint={t("purchase.delegates.hint")} />
        ) : (
          hidden("delegates", 1)
        )}
        {offer.pricingModel === "per_pupil" ? <p className="govuk-body">{t("purchase.pupils", { pupils: school.pupils })}</p> : null}
        <TextInput {...field("poNumber")} label={t("purchase.poNumber.label")} hint={t("purchase.poNumber.hint")} width="10" />
        <Choices
          {...field("paymentRoute")}
          legend={t("purchase.paymentRoute.label")}
          hint={stripeEnabled ? undefined : t("payments.unavailable")}
          options={routes.map((r) => ({ value: r, label: t(`paymentRoute.${r}`), hint: t(`paymentRoute.${r}.hint`) }))}
        />
        <SubmitButton intent="check">{t("purchase.continue")}</SubmitButton>
      </Form>
    </TwoThirdsPage>
  );
}
