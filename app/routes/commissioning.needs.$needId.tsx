import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { tierLabel } from "~/components/offer-content";
import { ErrorSummary } from "~/components/forms";
import { isUuid } from "~/domain/ids";
import { loadNeed, needAnswers } from "~/domain/commissioning/commissioning.server";
import { commissionOffer } from "~/domain/commissioning/needs.server";
import { isOnSale } from "~/domain/quality/offer-workflow";
import { formatDate, formatPence } from "~/format";
import { invalid, parseForm } from "~/forms.server";
import { t, type MessageKey } from "~/i18n";
import { attempt, orErrorPage } from "~/refusals.server";

const CommissionSchema = z.object({ offerId: z.string().refine(isUuid, "Choose an offer") });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.need.title ?? ""} - ${t("service.name")}` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "commission:offer", { authorityId });
  const need = await orErrorPage(() => loadNeed(context.db, { authorityId, needId: params.needId! }));
  const now = new Date();
  const answers = (await needAnswers(context.db, { authorityId, needId: need.id })).map((a) => ({ ...a, onSale: isOnSale(a, now) }));
  return { need, answers };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "commission:offer", { authorityId });
  const form = await parseForm(request, CommissionSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const done = await attempt(() => commissionOffer(context.db, { actor: user, authorityId, needId: params.needId!, offerId: form.data.offerId }), form.values);
  if (!done.ok) return done.response;
  return redirect(`/commissioning/needs/${params.needId}`);
}

export default function Need() {
  const { need, answers } = useLoaderData<typeof loader>();
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
      <h1 className="govuk-heading-l">{need.title}</h1>
      <p className="govuk-body app-pre-wrap">{need.description}</p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("need.phases")}</dt>
          <dd className="govuk-summary-list__value">{need.phases.map((p) => t(`offerPhase.${p}`)).join(", ")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("needs.budget")}</dt>
          <dd className="govuk-summary-list__value">{need.budgetPence !== null ? formatPence(need.budgetPence) : ""}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("need.closesOn")}</dt>
          <dd className="govuk-summary-list__value">{formatDate(need.closesOn)}</dd>
        </div>
      </dl>
      <h2 className="govuk-heading-m">{t("need.answers")}</h2>
      {answers.length === 0 ? (
        <p className="govuk-body">{t("need.noAnswers")}</p>
      ) : (
        <div className="app-scroll-x" tabIndex={0} role="region" aria-label={t("need.answers")}>
          <table className="govuk-table app-table--compact">
            <caption className="govuk-table__caption govuk-visually-hidden">{t("need.answers")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <td className="govuk-table__header" />
                {answers.map((a) => (
                  <th scope="col" className="govuk-table__header" key={a.offerId}>
                    {a.title}
                    {need.commissionedOfferId === a.offerId ? <strong className="govuk-tag govuk-tag--purple app-badge">{t("commissioning.commissioned")}</strong> : null}
                    {!a.onSale ? <strong className="govuk-tag govuk-tag--grey app-badge">{t("providerOffers.notOnSale")}</strong> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map(([key, cell]) => (
                <tr className="govuk-table__row" key={key}>
                  <th scope="row" className="govuk-table__header">{t(key)}</th>
                  {answers.map((a) => (
                    <td className="govuk-table__cell" key={a.offerId}>
                      {cell(a)}
                    </td>
                  ))}
                </tr>
              ))}
              {need.status === "open" ? (
                <tr className="govuk-table__row">
                  <td className="govuk-table__cell" />
                  {answers.map((a) => (
                    <td className="govuk-table__cell" key={a.offerId}>
                      {a.onSale ? (
                        <Form method="post">
                          <input type="hidden" name="offerId" value={a.offerId} />
                          <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
                            {t("need.commission")}
                            <span className="govuk-visually-hidden">: {a.title}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
