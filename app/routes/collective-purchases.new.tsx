import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Choices, TextArea, TextInput } from "~/components/forms";
import { PriceTierTable } from "~/components/price-tiers";
import { SHARE_METHODS } from "#db/schema/purchasing-vocabulary";
import { AppError } from "~/domain/errors";
import { loadOfferForSale } from "~/domain/purchasing/load.server";
import { openCollectivePurchase } from "~/domain/purchasing/open-collective-purchase.server";
import { parsePounds } from "~/format";
import { invalid, optionalText, parseForm, refused } from "~/forms.server";
import { t } from "~/i18n";
import { consortiaToOpenFor, loaderRefusal, requireActing } from "./purchasing.server";
import { PurchaseHeading } from "~/components/purchase-heading";

const whole = (message: string, min: number, max: number) => z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message);
const optionalPounds = (message: string) =>
  optionalText(20).transform((v, ctx) => {
    if (v === undefined) return null;
    const pence = parsePounds(v);
    if (pence === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return pence;
  });

const OpenSchema = z
  .object({
    offerId: z.string().max(100),
    consortiumId: z.string({ required_error: t("collective.consortium.required") }).max(100),
    closesOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, t("collective.closesOn.invalid"))
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), t("collective.closesOn.invalid")),
    minSchools: whole(t("collective.minSchools.invalid"), 1, 500),
    maxSchools: optionalText(10).pipe(z.coerce.number({ invalid_type_error: t("collective.maxSchools.invalid") }).int(t("collective.maxSchools.invalid")).min(1, t("collective.maxSchools.invalid")).max(500, t("collective.maxSchools.invalid")).optional()),
    delegatesPerSchool: whole(t("collective.delegates.invalid"), 1, 100),
    potPercent: optionalText(10).pipe(z.coerce.number({ invalid_type_error: t("collective.potPercent.invalid") }).min(0, t("collective.potPercent.invalid")).max(100, t("collective.potPercent.invalid")).optional()),
    potPerSchool: optionalPounds(t("collective.potPerSchool.invalid")),
    potCap: optionalPounds(t("collective.potCap.invalid")),
    shareMethod: z.enum(SHARE_METHODS, { errorMap: () => ({ message: t("collective.shareMethod.required") }) }),
    message: optionalText(1000),
  })
  .refine((v) => v.maxSchools === undefined || v.maxSchools >= v.minSchools, { message: t("collective.maxSchools.belowMin"), path: ["maxSchools"] });

export const meta: MetaFunction = () => [{ title: `${t("collective.new.title")} – ${t("service.name")}` }];

async function prepare(request: Request, context: LoaderFunctionArgs["context"], offerId: string) {
  const acting = await requireActing(request, context);
  const consortia = await consortiaToOpenFor(context, acting.user, acting.authorityId);
  if (consortia.length === 0) throw new Response(t("collective.error.notALead"), { status: 403 });
  const offer = await loadOfferForSale(context.db, { authorityId: acting.authorityId, offerId, now: new Date() }).catch(loaderRefusal);
  return { ...acting, consortia, offer };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { consortia, offer } = await prepare(request, context, new URL(request.url).searchParams.get("offerId") ?? "");
  return { consortia, offer: { id: offer.offerId, title: offer.title, providerName: offer.providerName, priceTiers: offer.priceTiers, pricingModel: offer.pricingModel } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, OpenSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const form = parsed.data;
  const { actor, authorityId, offer } = await prepare(request, context, form.offerId);
  try {
    const purchase = await openCollectivePurchase(context.db, {
      actor,
      authorityId,
      consortiumId: form.consortiumId,
      offerId: offer.offerId,
      closesAt: new Date(`${form.closesOn}T23:59:59Z`),
      minSchools: form.minSchools,
      maxSchools: form.maxSchools ?? null,
      delegatesPerSchool: form.delegatesPerSchool,
      potPercentBps: form.potPercent === undefined ? null : Math.round(form.potPercent * 100),
      potPerSchoolPence: form.potPerSchool,
      potCapPence: form.potCap,
      shareMethod: form.shareMethod,
      message: form.message ?? "",
      appUrl: context.env.APP_URL,
    });
    return redirect(`/collective-purchases/${purchase.id}`, { status: 303 });
  } catch (error) {
    const field = error instanceof AppError ? ({ CLOSES_IN_PAST: "closesOn", MIN_SCHOOLS_TOO_HIGH: "minSchools" } as Record<string, string>)[error.code] : undefined;
    return refused(error, field ?? "form", parsed.values);
  }
}

export default function OpenCollectivePurchase() {
  const { consortia, offer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = (result?.values ?? {}) as Record<string, string>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PurchaseHeading offer={offer} title={t("collective.new.title")} errors={errors} />
        <PriceTierTable tiers={offer.priceTiers} pricingModel={offer.pricingModel} caption={t("collective.tiers")} />
        <Form method="post" noValidate>
          <input type="hidden" name="offerId" value={offer.id} />
          <Choices name="consortiumId" legend={t("collective.consortium.label")} errors={errors} options={consortia.map((c) => ({ value: c.id, label: c.name }))} defaultValue={values.consortiumId ?? consortia[0]?.id} />
          <TextInput name="closesOn" type="date" label={t("collective.closesOn.label")} hint={t("collective.closesOn.hint")} errors={errors} defaultValue={values.closesOn} />
          <TextInput name="minSchools" label={t("collective.minSchools.label")} hint={t("collective.minSchools.hint")} inputMode="numeric" width="3" errors={errors} defaultValue={values.minSchools ?? "5"} />
          <TextInput name="maxSchools" label={t("collective.maxSchools.label")} hint={t("collective.maxSchools.hint")} inputMode="numeric" width="3" errors={errors} defaultValue={values.maxSchools} />
          <TextInput name="delegatesPerSchool" label={t("collective.delegates.label")} hint={t("collective.delegates.hint")} inputMode="numeric" width="3" errors={errors} defaultValue={values.delegatesPerSchool ?? "1"} />
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("collective.funding.legend")}</legend>
            <div className="govuk-hint">{t("collective.funding.hint")}</div>
            <TextInput name="potPercent" label={t("collective.potPercent.label")} inputMode="decimal" width="3" errors={errors} defaultValue={values.potPercent} />
            <TextInput name="potPerSchool" label={t("collective.potPerSchool.label")} prefix="£" inputMode="decimal" width="5" errors={errors} defaultValue={values.potPerSchool} />
            <TextInput name="potCap" label={t("collective.potCap.label")} prefix="£" inputMode="decimal" width="5" errors={errors} defaultValue={values.potCap} />
          </fieldset>
          <Choices
            name="shareMethod"
            legend={t("collective.shareMethod.label")}
            errors={errors}
            options={[
              { value: "equal", label: t("shareMethod.equal") },
              { value: "per_pupil", label: t("shareMethod.per_pupil") },
              { value: "per_delegate", label: t("shareMethod.per_delegate") },
            ]}
            defaultValue={values.shareMethod ?? "equal"}
          />
          <TextArea name="message" label={t("collective.message.label")} hint={t("collective.message.hint")} errors={errors} defaultValue={values.message} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("collective.new.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
