import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { donePath } from "~/done";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Choices, DateInput, PoundsInput, TextArea, TextInput, WholeNumberInput, useFormAnswer, SubmitButton } from "~/components/forms";
import { PriceTierTable } from "~/components/price-tiers";
import { SHARE_METHODS } from "#db/schema/purchasing-vocabulary";
import { loadOfferForSale } from "~/domain/purchasing/load.server";
import { openCollectivePurchase } from "~/domain/purchasing/open-collective-purchase.server";
import { invalid, manyOf, parseForm } from "~/forms.server";
import { attempt, orErrorPage, forbidden } from "~/refusals.server";
import { closesAtEndOf } from "~/domain/purchasing/rules";
import { date, optionalDecimal, optionalMoney, optionalText, optionalWhole, whole, withDateInputs } from "~/forms/fields";
import { addDays } from "date-fns";
import { formatDateInputExample } from "~/format";
import { t } from "~/i18n";
import { consortiaToOpenFor, requireActing } from "./purchasing.server";
import { PurchaseHeading } from "~/components/purchase-heading";
import { TwoThirdsPage } from "~/components/form-page";
import { pageTitle } from "~/page-title";

const count = (label: string, message: string, min: number, max: number) => ({ label, invalid: message, tooSmall: message, tooLarge: message, min, max });

const OpenSchema = withDateInputs(
  ["closesOn"],
  z
    .object({
      offerId: z.string().max(100),
      consortiumId: z.string({ required_error: t("collective.consortium.required") }).max(100),
      closesOn: date({ label: t("refusal.label.closingDate"), required: t("collective.closesOn.required") }),
      minSchools: whole(count(t("refusal.label.minSchools"), t("collective.minSchools.invalid"), 1, 500)),
      maxSchools: optionalWhole(count(t("refusal.label.maxSchools"), t("collective.maxSchools.invalid"), 1, 500)),
      delegatesPerSchool: whole(count(t("refusal.label.delegatesPerSchool"), t("collective.delegates.invalid"), 1, 100)),
      potPercent: optionalDecimal({ ...count(t("refusal.label.percentage"), t("collective.potPercent.invalid"), 0, 100), places: 2 }),
      potPerSchool: optionalMoney({ label: t("refusal.label.amountPerSchool"), invalid: t("collective.potPerSchool.invalid") }),
      potCap: optionalMoney({ label: t("refusal.label.mostFromPot"), invalid: t("collective.potCap.invalid") }),
      shareMethod: z.enum(SHARE_METHODS, { errorMap: () => ({ message: t("collective.shareMethod.required") }) }),
      capAtSolo: manyOf(z.literal("yes")).transform((v) => v.length > 0),
      message: optionalText({ label: t("refusal.label.message"), max: 1000, multiline: true }),
    })
    .refine((v) => v.maxSchools === undefined || v.maxSchools >= v.minSchools, { message: t("collective.maxSchools.belowMin"), path: ["maxSchools"] }),
);

export const meta: MetaFunction = ({ data }) => pageTitle(t("collective.new.title"), data);

async function prepare(request: Request, context: LoaderFunctionArgs["context"], offerId: string) {
  const acting = await requireActing(request, context);
  const consortia = await consortiaToOpenFor(context, acting.user, acting.authorityId);
  if (consortia.length === 0) throw forbidden(t("collective.error.notALead"));
  const offer = await orErrorPage(() => loadOfferForSale(context.db, { authorityId: acting.authorityId, offerId, now: new Date() }));
  return { ...acting, consortia, offer };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { consortia, offer } = await prepare(request, context, new URL(request.url).searchParams.get("offerId") ?? "");
  return {
    consortia,
    offer: {
      id: offer.offerId,
      title: offer.title,
      titleCy: offer.titleCy,
      providerName: offer.providerName,
      priceTiers: offer.priceTiers,
      pricingModel: offer.pricingModel,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, OpenSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const form = parsed.data;
  const { actor, authorityId, offer } = await prepare(request, context, form.offerId);
  const done = await attempt(
    () =>
      openCollectivePurchase(context.db, {
        actor,
        authorityId,
        consortiumId: form.consortiumId,
        offerId: offer.offerId,
        closesAt: closesAtEndOf(form.closesOn),
        minSchools: form.minSchools,
        maxSchools: form.maxSchools ?? null,
        delegatesPerSchool: form.delegatesPerSchool,
        potPercentBps: form.potPercent === undefined ? null : Math.round(form.potPercent * 100),
        potPerSchoolPence: form.potPerSchool,
        potCapPence: form.potCap,
        shareMethod: form.shareMethod,
        capAtSolo: form.capAtSolo,
        message: form.message ?? "",
        appUrl: context.env.APP_URL,
      }),
    parsed.values,
    { field: (error) => (({ CLOSES_IN_PAST: "closesOn", MIN_SCHOOLS_TOO_HIGH: "minSchools" }) as Record<string, string>)[error.code], allOnForm: true },
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/collective-purchases/${done.value.id}`, "collectiveOpened"), { status: 303 });
}

export default function OpenCollectivePurchase() {
  const { consortia, offer } = useLoaderData<typeof loader>();
  const { errors, values, field } = useFormAnswer();
  return (
    <TwoThirdsPage>
      <PurchaseHeading offer={offer} title={t("collective.new.title")} errors={errors} />
      <PriceTierTable tiers={offer.priceTiers} pricingModel={offer.pricingModel} caption={t("collective.tiers")} />
      <Form method="post" noValidate>
        <input type="hidden" name="offerId" value={offer.id} />
        <Choices
          {...field("consortiumId", consortia[0]?.id)}
          legend={t("collective.consortium.label")}
          options={consortia.map((c) => ({ value: c.id, label: c.name }))}
        />
        <DateInput
          name="closesOn"
          legend={t("collective.closesOn.label")}
          hint={t("collective.closesOn.hint", { example: formatDateInputExample(addDays(new Date(), 21)) })}
          errors={errors}
          values={values}
        />
        <WholeNumberInput {...field("minSchools", "5")} label={t("collective.minSchools.label")} hint={t("collective.minSchools.hint")} />
        <WholeNumberInput {...field("maxSchools")} label={t("collective.maxSchools.label")} hint={t("collective.maxSchools.hint")} />
        <WholeNumberInput {...field("delegatesPerSchool", "1")} label={t("collective.delegates.label")} hint={t("collective.delegates.hint")} />
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("collective.funding.legend")}</legend>
          <div className="govuk-hint">{t("collective.funding.hint")}</div>
          <TextInput {...field("potPercent")} label={t("collective.potPercent.label")} inputMode="decimal" width="3" />
          <PoundsInput {...field("potPerSchool")} label={t("collective.potPerSchool.label")} />
          <PoundsInput {...field("potCap")} label={t("collective.potCap.label")} />
        </fieldset>
        <Choices
          {...field("shareMethod", "equal")}
          legend={t("collective.shareMethod.label")}
          options={[
            { value: "equal", label: t("shareMethod.equal") },
            { value: "per_pupil", label: t("shareMethod.per_pupil") },
            { value: "per_delegate", label: t("shareMethod.per_delegate") },
          ]}
        />
        <Choices
          {...field("capAtSolo")}
          type="checkbox"
          legend={t("shareCap.legend")}
          hint={t("shareCap.hint")}
          options={[{ value: "yes", label: t("shareCap.label") }]}
        />
        <TextArea {...field("message")} label={t("collective.message.label")} hint={t("collective.message.hint")} />
        <SubmitButton>{t("collective.new.submit")}</SubmitButton>
      </Form>
    </TwoThirdsPage>
  );
}
