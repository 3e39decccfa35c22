import { SummaryRow } from "~/components/summary-row";
import { Table } from "~/components/table";
import { donePath } from "~/done";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { tierLabel } from "~/components/offer-content";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { isUuid } from "~/domain/ids";
import { loadNeed, needAnswers } from "~/domain/commissioning/commissioning.server";
import { commissionOffer } from "~/domain/commissioning/needs.server";
import { isOnSale } from "~/domain/catalogue/on-sale";
import { formatDate, formatPence } from "~/format";
import { currentLocale, t, type MessageKey } from "~/i18n";
import { langOf } from "~/components/offer-language";
import { NEED_TEXTS, textsInLanguage } from "~/domain/catalogue/rules";
import { attemptForm, orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const CommissionSchema = z.object({ offerId: z.string().refine(isUuid, t("refusal.input.chooseOffer")) });

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? textsInLanguage(data.need, NEED_TEXTS, currentLocale()).title : "", data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityPermission(request, context, "commission:offer");
  const need = await orErrorPage(() => loadNeed(context.db, { authorityId, needId: params.needId! }));
  const now = new Date();
  const answers = (await needAnswers(context.db, { authorityId, needId: need.id })).map((a) => ({ ...a, onSale: isOnSale(a, now) }));
  return { need, answers };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "commission:offer");
  const done = await attemptForm(request, CommissionSchema, (data) =>
    commissionOffer(context.db, { actor: user, authorityId, needId: params.needId!, offerId: data.offerId, appUrl: context.env.APP_URL }),
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/commissioning/needs/${params.needId}`, "offerCommissioned"));
}

export default function Need() {
  const { need, answers } = useLoaderData<typeof loader>();
  const locale = currentLocale();
  const words = textsInLanguage(need, NEED_TEXTS, locale);
  const result = useActionData<typeof action>();
  const rows: [MessageKey, (a: (typeof answers)[number]) => React.ReactNode][] = [
    ["qa.provider", (a) => a.providerName],
    ["offerField.summary", (a) => a.summary],
    ["offerField.deliveryFormat", (a) => (a.deliveryFormat ? t(`deliveryFormat.${a.deliveryFormat}`) : "")],
    ["offerField.phases", (a) => a.phases.map((p) => t(`offerPhase.${p}`)).join(", ")],
    ["offerField.pricingModel", (a) => (a.pricingModel ? t(`pricingModel.${a.pricingModel}`) : "")],
    [
      "need.prices",
      (a) => (
        <ul className="govuk-list govuk-body-s">
          {a.priceTiers.map((tier) => (
            <li key={tier.minSchools}>{tierLabel(tier)}</li>
          ))}
        </ul>
      ),
    ],
    ["offerField.outcomes", (a) => <span className="app-pre-wrap">{a.outcomes}</span>],
    ["offerField.evidenceStrength", (a) => (a.evidenceStrength ? t(`evidenceStrength.${a.evidenceStrength}`) : "")],
    ["need.qaDate", (a) => (a.approvedAt ? formatDate(a.approvedAt) : "")],
    ["need.note", (a) => a.note ?? ""],
  ];
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <span className="govuk-caption-l">
        {t(`subjectArea.${need.subjectArea}`)} · {t(`need.status.${need.status}`)}
      </span>
      <h1 className="govuk-heading-l" lang={langOf(words, "title", locale)}>
        {words.title}
      </h1>
      {words.none ? <p className="govuk-inset-text">{t("language.need.notInWelsh")}</p> : null}
      <p className="govuk-body app-pre-wrap" lang={langOf(words, "description", locale)}>
        {words.description}
      </p>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("need.phases")}>{need.phases.map((p) => t(`offerPhase.${p}`)).join(", ")}</SummaryRow>
        <SummaryRow label={t("needs.budget")}>{need.budgetPence !== null ? formatPence(need.budgetPence) : ""}</SummaryRow>
        <SummaryRow label={t("need.closesOn")}>{formatDate(need.closesOn)}</SummaryRow>
      </dl>
      <h2 className="govuk-heading-m">{t("need.answers")}</h2>
      {answers.length === 0 ? (
        <p className="govuk-body">{t("need.noAnswers")}</p>
      ) : (
        <Table
          compact
          caption={t("need.answers")}
          captionSize="hidden"
          columns={[
            { header: <td className="govuk-table__header" /> },
            ...answers.map((a) => ({
              label: (
                <>
                  {a.title}
                  {need.commissionedOfferId === a.offerId ? (
                    <strong className="govuk-tag govuk-tag--purple app-badge">{t("commissioning.commissioned")}</strong>
                  ) : null}
                  {!a.onSale ? <strong className="govuk-tag govuk-tag--grey app-badge">{t("providerOffers.notOnSale")}</strong> : null}
                </>
              ),
            })),
          ]}
          rows={[
            ...rows.map(([key, cell]) => ({ key, cells: [t(key), ...answers.map((a) => cell(a))] })),
            ...(need.status === "open"
              ? [
                  {
                    key: "commission",
                    cells: [
                      { cell: null, header: false },
                      ...answers.map((a) =>
                        a.onSale ? (
                          <Form method="post" key={a.offerId}>
                            <input type="hidden" name="offerId" value={a.offerId} />
                            <SubmitButton className="govuk-!-margin-bottom-0">
                              {t("need.commission")}
                              <span className="govuk-visually-hidden">: {a.title}</span>
                            </SubmitButton>
                          </Form>
                        ) : null,
                      ),
                    ],
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
