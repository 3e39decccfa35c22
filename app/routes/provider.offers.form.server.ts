// The action shared by the new-offer and edit-offer pages.
import { donePath } from "~/done";
import { redirect, type AppLoadContext } from "@remix-run/node";
import { requireUser } from "~/auth/user.server";
import { DELIVERY_FORMATS, EVIDENCE_STRENGTHS, OFFER_PHASES, PRICING_MODELS, SUBJECT_AREAS, TERMS, VAT_TREATMENTS } from "~/db.server";
import { offerFormSchema } from "~/domain/catalogue/offer-schema";
import { saveOffer } from "~/domain/catalogue/save-offer.server";
import { invalid, parseForm } from "~/forms.server";
import { attempt, requireActingProvider } from "~/refusals.server";

export const offerFormChoices = {
  subjectAreas: SUBJECT_AREAS,
  phases: OFFER_PHASES,
  deliveryFormats: DELIVERY_FORMATS,
  pricingModels: PRICING_MODELS,
  vatTreatments: VAT_TREATMENTS,
  evidenceStrengths: EVIDENCE_STRENGTHS,
  terms: TERMS,
};

export async function offerFormAction(request: Request, context: AppLoadContext, offerId?: string) {
  const user = await requireUser(request, context);
  const { authorityId, providerId } = requireActingProvider(user);
  const form = await parseForm(request, offerFormSchema());
  if (!form.ok) return invalid(form.errors, form.values);
  const saved = await attempt(
    () =>
      saveOffer(context.db, { actor: user, authorityId, providerId, offerId, fields: form.data.fields, intent: form.data.intent, appUrl: context.env.APP_URL }),
    form.values,
  );
  if (!saved.ok) return saved.response;
  return redirect(donePath(`/provider/offers/${saved.value.offerId}`, form.data.intent === "submit" ? "offerSubmitted" : "offerSaved"));
}
