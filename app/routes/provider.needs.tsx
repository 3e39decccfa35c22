import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { requireUser } from "~/auth/user.server";
import { ErrorSummary, Select, TextArea } from "~/components/forms";
import { schema } from "~/db.server";
import { isUuid } from "~/domain/ids";
import { providerOffers } from "~/domain/catalogue/offers.server";
import { authorityNeeds, londonToday } from "~/domain/commissioning/commissioning.server";
import { respondToNeed } from "~/domain/commissioning/needs.server";
import { isOnSale } from "~/domain/quality/offer-workflow";
import { formatDate, formatPence } from "~/format";
import { invalid, optionalText, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { attempt, requireActingProvider } from "~/refusals.server";

const AnswerSchema = z.object({
  needId: z.string().refine(isUuid, "Choose a call for offers"),
  offerId: z.string({ message: "Choose one of your offers" }).refine(isUuid, "Choose one of your offers"),
  note: optionalText(2000),
});

export const meta: MetaFunction = () => [{ title: `${t("needs.title")} - ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const scope = requireActingProvider(user);
  const now = new Date();
  const today = londonToday(now);
  const needs = (await authorityNeeds(context.db, { authorityId: scope.authorityId, statuses: ["open"] })).filter((n) => n.closesOn >= today);
  const offers = (await providerOffers(context.db, scope)).filter((o) => isOnSale(o, now));
  const answered = needs.length
    ? await context.db
        .select({ needId: schema.needResponses.needId, offerId: schema.needResponses.offerId })
        .from(schema.needResponses)
        .innerJoin(schema.offers, eq(schema.offers.id, schema.needResponses.offerId))
        .where(and(inArray(schema.needResponses.needId, needs.map((n) => n.id)), eq(schema.offers.providerId, scope.providerId)))
    : [];
  // The live title is what the commissioner sees; the latest revision's title is close enough for the provider's own list.
  const titles = new Map(offers.map((o) => [o.offerId, o.title]));
  return {
    needs: needs.map((n) => ({ ...n, answeredWith: answered.filter((a) => a.needId === n.id).map((a) => titles.get(a.offerId) ?? "") })),
    offers: offers.map((o) => ({ value: o.offerId, label: o.title })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const scope = requireActingProvider(user);
  const form = await parseForm(request, AnswerSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const done = await attempt(() => respondToNeed(context.db, { actor: user, ...scope, needId: form.data.needId, offerId: form.data.offerId, note: form.data.note ?? null }), form.values);
  if (!done.ok) return done.response;
  return redirect("/provider/needs");
}

export default function ProviderNeeds() {
  const { needs, offers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("needs.title")}</h1>
      {needs.length === 0 ? <p className="govuk-body">{t("needs.none")}</p> : null}
      {needs.map((need) => (
        <section key={need.id} className="govuk-!-margin-bottom-6" aria-labelledby={`need-${need.id}`}>
          <h2 className="govuk-heading-m" id={`need-${need.id}`}>
            {need.title}
          </h2>
          <p className="govuk-body-s">
            {t(`subjectArea.${need.subjectArea}`)} · {need.phases.map((p) => t(`offerPhase.${p}`)).join(", ")} · {t("needs.closes", { date: formatDate(need.closesOn) })}
            {need.budgetPence !== null ? ` · ${t("needs.budget")}: ${formatPence(need.budgetPence)}` : ""}
          </p>
          <p className="govuk-body app-pre-wrap">{need.description}</p>
          {need.answeredWith.length ? <p className="govuk-body">{t("needs.answered", { titles: need.answeredWith.join(", ") })}</p> : null}
        </section>
      ))}
      {needs.length === 0 ? null : offers.length === 0 ? (
        <p className="govuk-body">{t("needs.noOffers")}</p>
      ) : (
        <Form method="post">
          <h2 className="govuk-heading-m">{t("needs.answerWith")}</h2>
          <Select name="needId" label={t("needs.title")} errors={errors} options={needs.map((n) => ({ value: n.id, label: n.title }))} defaultValue={typeof result?.values?.needId === "string" ? result.values.needId : null} />
          <Select name="offerId" label={t("providerOffers.title")} errors={errors} options={offers} defaultValue={typeof result?.values?.offerId === "string" ? result.values.offerId : null} />
          <TextArea name="note" label={t("needs.note")} errors={errors} rows={3} defaultValue={typeof result?.values?.note === "string" ? result.values.note : null} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("needs.answer")}
          </button>
        </Form>
      )}
    </>
  );
}
