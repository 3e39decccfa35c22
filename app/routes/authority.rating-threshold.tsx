import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormPage } from "~/components/form-page";
import { TextInput, WholeNumberInput, useFormAnswer } from "~/components/forms";
import { donePath } from "~/done";
import { loadRatingSettings, saveRatingSettings } from "~/domain/delivery/save-rating-settings.server";
import { optionalDecimal, whole } from "~/forms/fields";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm } from "~/refusals.server";
import { actingPageLoader, requireActing } from "./purchasing.server";

const RatingLineSchema = z.object({
  threshold: optionalDecimal({
    label: t("fieldLabel.threshold"),
    invalid: t("ratingLine.error.threshold"),
    tooSmall: t("ratingLine.error.threshold"),
    tooLarge: t("ratingLine.error.threshold"),
    min: 1,
    max: 4,
    places: 2,
  }).refine((v) => v !== undefined, t("ratingLine.error.threshold")),
  minEvaluations: whole({
    label: t("fieldLabel.minEvaluations"),
    invalid: t("ratingLine.error.minEvaluations"),
    tooSmall: t("ratingLine.error.minEvaluations"),
    tooLarge: t("ratingLine.error.minEvaluations"),
    min: 1,
    max: 100,
  }),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("ratingLine.title"), data);

export const loader = actingPageLoader(loadRatingSettings);

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  const done = await attemptForm(request, RatingLineSchema, ({ threshold, minEvaluations }) =>
    saveRatingSettings(context.db, { actor, authorityId, thresholdHundredths: Math.round(threshold! * 100), minEvaluations }),
  );
  if (!done.ok) return done.response;
  return redirect(donePath("/authority/rating-threshold", "ratingLineSaved"), { status: 303 });
}

export default function RatingThreshold() {
  const settings = useLoaderData<typeof loader>();
  const { errors, field } = useFormAnswer();
  return (
    <FormPage title={t("ratingLine.title")} lead={t("ratingLine.lead")} submit={t("ratingLine.submit")} errors={errors}>
      <TextInput
        {...field("threshold", (settings.thresholdHundredths / 100).toFixed(2))}
        label={t("ratingLine.threshold")}
        hint={t("ratingLine.thresholdHint")}
        width="4"
        inputMode="decimal"
      />
      <WholeNumberInput {...field("minEvaluations", String(settings.minEvaluations))} label={t("ratingLine.minEvaluations")} width="4" />
    </FormPage>
  );
}
