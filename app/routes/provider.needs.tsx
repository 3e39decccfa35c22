import { donePath } from "~/done";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/user.server";
import { ErrorSummary, Select, TextArea, SubmitButton } from "~/components/forms";
import { isUuid } from "~/domain/ids";
import { providerOffers } from "~/domain/catalogue/offers.server";
import { authorityNeeds, londonToday } from "~/domain/commissioning/commissioning.server";
import { providerAnswers, respondToNeed } from "~/domain/commissioning/needs.server";
import { isOnSale } from "~/domain/catalogue/on-sale";
import { formatDate, formatPence } from "~/format";
import { optionalText } from "~/forms/fields";
import { currentLocale, t } from "~/i18n";
import { langOf } from "~/components/offer-language";
import { NEED_TEXTS, textsInLanguage } from "~/domain/catalogue/rules";
import { attemptForm, requireActingProvider } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const AnswerSchema = z.object({
  needId: z.string().refine(isUuid, t("refusal.input.chooseCall")),
  offerId: z.string({ message: t("refusal.input.chooseYourOffer") }).refine(isUuid, t("refusal.input.chooseYourOffer")),
  note: optionalText({ label: t("refusal.label.note"), max: 2000, multiline: true }),
});

export const meta: MetaFunction = ({ data }) => pageTitle(t("needs.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const scope = requireActingProvider(user);
  const now = new Date();
  const today = londonToday(now);
  const needs = (await authorityNeeds(context.db, { authorityId: scope.authorityId, statuses: ["open"] })).filter((n) => n.closesOn >= today);
  const offers = (await providerOffers(context.db, scope)).filter((o) => isOnSale(o, now));
  const answered = await providerAnswers(context.db, { providerId: scope.providerId, needIds: needs.map((n) => n.id) });
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
  const done = await attemptForm(request, AnswerSchema, ({ needId, offerId, note }) =>
    respondToNeed(context.db, { actor: user, ...scope, needId, offerId, note: note ?? null }),
  );
  if (!done.ok) return done.response;
  return redirect(donePath("/provider/needs", "needAnswered"));
}

export default function ProviderNeeds() {
  const { needs, offers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const locale = currentLocale();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("needs.title")}</h1>
      {needs.length === 0 ? <p className="govuk-body">{t("needs.none")}</p> : null}
      {needs.map((need) => {
        const words = textsInLanguage(need, NEED_TEXTS, locale);
        return (
          <section key={need.id} className="govuk-!-margin-bottom-6" aria-labelledby={`need-${need.id}`}>
            <h2 className="govuk-heading-m" id={`need-${need.id}`} lang={langOf(words, "title", locale)}>
              {words.title}
            </h2>
            {words.none ? <p className="govuk-body-s">{t("language.need.notInWelsh")}</p> : null}
            <p className="govuk-body-s">
              {t(`subjectArea.${need.subjectArea}`)} · {need.phases.map((p) => t(`offerPhase.${p}`)).join(", ")} ·{" "}
              {t("needs.closes", { date: formatDate(need.closesOn) })}
              {need.budgetPence !== null ? ` · ${t("needs.budget")}: ${formatPence(need.budgetPence)}` : ""}
            </p>
            <p className="govuk-body app-pre-wrap" lang={langOf(words, "description", locale)}>
              {words.description}
            </p>
            {need.answeredWith.length ? <p className="govuk-body">{t("needs.answered", { titles: need.answeredWith.join(", ") })}</p> : null}
          </section>
        );
      })}
      {needs.length === 0 ? null : offers.length === 0 ? (
        <p className="govuk-body">{t("needs.noOffers")}</p>
      ) : (
        <Form method="post">
          <h2 className="govuk-heading-m">{t("needs.answerWith")}</h2>
          <Select
            name="needId"
            label={t("needs.title")}
            errors={errors}
            options={needs.map((n) => ({ value: n.id, label: n.title }))}
            defaultValue={typeof result?.values?.needId === "string" ? result.values.needId : null}
          />
          <Select
            name="offerId"
            label={t("providerOffers.title")}
            errors={errors}
            options={offers}
            defaultValue={typeof result?.values?.offerId === "string" ? result.values.offerId : null}
          />
          <TextArea
            name="note"
            label={t("needs.note")}
            errors={errors}
            rows={3}
            defaultValue={typeof result?.values?.note === "string" ? result.values.note : null}
          />
          <SubmitButton>{t("needs.answer")}</SubmitButton>
        </Form>
      )}
    </>
  );
}
