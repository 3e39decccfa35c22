import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { Choices, ErrorSummary, TextInput } from "~/components/forms";
import { PriceTierTable } from "~/components/price-tiers";
import { SummaryRow } from "~/components/summary-row";
import { answerCollectivePurchase } from "~/domain/purchasing/answer-collective-purchase.server";
import { cancelCollectivePurchase } from "~/domain/purchasing/cancel-collective-purchase.server";
import { closeCollectivePurchase } from "~/domain/purchasing/close-collective-purchase.server";
import { paymentRoutesFor } from "~/domain/purchasing/pricing";
import { currentConsortiaOf, findCollectivePurchase, ordersOfCollectivePurchase } from "~/domain/purchasing/queries.server";
import { nextTierHint, tierFor } from "~/domain/purchasing/rules";
import { formatDate, formatPence } from "~/format";
import { invalid, parseForm, refused } from "~/forms.server";
import { t } from "~/i18n";
import { accountIdOf, buyerFields, notFoundResponse, organisationsWhere, requireActing } from "./purchasing.server";
import { schema } from "~/db.server";
import { eq, inArray } from "drizzle-orm";
import { isUuid } from "~/domain/ids";

const school = z.string().max(100);
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("join"),
    schoolId: school,
    ...buyerFields,
  }),
  z.object({ intent: z.literal("decline"), schoolId: school }),
  z.object({ intent: z.literal("withdraw"), schoolId: school }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("cancel"), reason: z.string().trim().min(1, t("collective.cancel.reasonRequired")).max(500, t("collective.cancel.reasonTooLong")) }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.purchase.title ?? t("collective.title")} – ${t("service.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const found = await findCollectivePurchase(context.db, authorityId, params.purchaseId ?? "");
  if (!found) throw notFoundResponse();
  const { purchase } = found;
  const isLead = can(user.grants, "open:collective-purchase", { organisationId: purchase.consortiumId, authorityId });
  const answerable = organisationsWhere(user, "school", "join:collective-purchase");
  const memberships = await currentConsortiaOf(context.db, answerable.map((s) => s.id));
  const mySchoolIds = new Set(memberships.filter((m) => m.consortiumId === purchase.consortiumId).map((m) => m.schoolId));
  const mySchools = answerable.filter((s) => mySchoolIds.has(s.id));
  const isFinance = can(user.grants, "view:sales", { authorityId });
  if (!isLead && mySchools.length === 0 && !isFinance) throw new Response(t("collective.error.notMember"), { status: 403 });

  const schoolRows = mySchools.length
    ? await context.db.select({ id: schema.schools.organisationId, laMaintained: schema.schools.laMaintained, costCentre: schema.schools.costCentre }).from(schema.schools).where(inArray(schema.schools.organisationId, mySchools.map((s) => s.id)))
    : [];
  const [provider] = await context.db
    .select({ kind: schema.providers.providerKind, name: schema.organisations.name })
    .from(schema.offers)
    .innerJoin(schema.providers, eq(schema.providers.organisationId, schema.offers.providerId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.offers.providerId))
    .where(eq(schema.offers.id, purchase.offerId));
  const orders = purchase.status === "confirmed" ? await ordersOfCollectivePurchase(context.db, authorityId, purchase.id) : [];
  const potAccountId = isLead ? (await accountIdOf(context, authorityId, "consortium_pot", [purchase.consortiumId])).get(purchase.consortiumId) ?? null : null;
  const [pot] = potAccountId ? await context.db.select({ balance: schema.ledgerAccounts.balancePence }).from(schema.ledgerAccounts).where(eq(schema.ledgerAccounts.id, potAccountId)) : [];
  const tier = tierFor(found.priceTiers, found.joined);
  return {
    purchase: { ...purchase, title: found.title, consortiumName: found.consortiumName, priceTiers: found.priceTiers, pricingModel: found.pricingModel },
    providerName: provider.name,
    joined: found.joined,
    tier,
    next: nextTierHint(found.priceTiers, found.joined),
    answers: isLead || isFinance ? found.answers : found.answers.filter((a) => mySchoolIds.has(a.schoolId)),
    mySchools: mySchools.map((s) => {
      const row = schoolRows.find((r) => r.id === s.id)!;
      return { ...s, answer: found.answers.find((a) => a.schoolId === s.id) ?? null, routes: paymentRoutesFor({ laMaintained: row.laMaintained, costCentre: row.costCentre, providerKind: provider.kind }) };
    }),
    orders: isLead || isFinance ? orders : orders.filter((o) => mySchoolIds.has(o.schoolId)),
    isLead,
    pot: potAccountId ? { accountId: potAccountId, availablePence: Math.max(0, -(pot?.balance ?? 0)) } : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  const collectivePurchaseId = params.purchaseId ?? "";
  if (!isUuid(collectivePurchaseId)) throw notFoundResponse();
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const form = parsed.data;
  const appUrl = context.env.APP_URL;
  try {
    if (form.intent === "join") {
      await answerCollectivePurchase(context.db, { actor, authorityId, collectivePurchaseId, schoolId: form.schoolId, answer: "join", delegates: form.delegates, poNumber: form.poNumber ?? null, paymentRoute: form.paymentRoute });
    } else if (form.intent === "decline" || form.intent === "withdraw") {
      await answerCollectivePurchase(context.db, { actor, authorityId, collectivePurchaseId, schoolId: form.schoolId, answer: form.intent });
    } else if (form.intent === "close") {
      await closeCollectivePurchase(context.db, { actor, authorityId, collectivePurchaseId, appUrl });
    } else {
      await cancelCollectivePurchase(context.db, { actor, authorityId, collectivePurchaseId, reason: form.reason, appUrl });
    }
  } catch (error) {
    return refused(error, form.intent === "cancel" ? "reason" : "form", parsed.values);
  }
  return redirect(`/collective-purchases/${collectivePurchaseId}`, { status: 303 });
}

const STATUS_TAG = { open: "govuk-tag--blue", confirmed: "govuk-tag--green", cancelled: "govuk-tag--red" } as const;

export default function CollectivePurchasePage() {
  const { purchase, providerName, joined, tier, next, answers, mySchools, orders, isLead, pot } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const open = purchase.status === "open";
  const funding = [
    purchase.potPercentBps !== null ? t("collective.funding.percent", { percent: purchase.potPercentBps / 100 }) : null,
    purchase.potPerSchoolPence !== null ? t("collective.funding.perSchool", { amount: formatPence(purchase.potPerSchoolPence) }) : null,
    purchase.potCapPence !== null ? t("collective.funding.cap", { amount: formatPence(purchase.potCapPence) }) : null,
  ].filter(Boolean);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{purchase.consortiumName}</span>
      <h1 className="govuk-heading-l">{purchase.title}</h1>
      <p className="govuk-body">
        <strong className={`govuk-tag ${STATUS_TAG[purchase.status]}`}>{t(`collectiveStatus.${purchase.status}`)}</strong>
      </p>
      {purchase.message ? <div className="govuk-inset-text app-pre-wrap">{purchase.message}</div> : null}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {open ? (
            <div className="govuk-inset-text" aria-live="polite">
              <p className="govuk-heading-m">{t("collective.live.joined", { count: joined, min: purchase.minSchools })}</p>
              <p className="govuk-body">{tier ? t("collective.live.tier", { price: formatPence(tier.unitPricePence), unit: t(`pricingUnit.${purchase.pricingModel ?? "per_school"}`) }) : t("collective.live.noTier")}</p>
              {next ? <p className="govuk-body">{t(next.schoolsNeeded === 1 ? "collective.live.nextOne" : "collective.live.next", { count: next.schoolsNeeded, price: formatPence(next.unitPricePence) })}</p> : null}
            </div>
          ) : null}
          <dl className="govuk-summary-list">
            <SummaryRow label={t("purchase.provider")}>{providerName}</SummaryRow>
            <SummaryRow label={open ? t("collective.closes") : t("collective.closed")}>{formatDate(open ? purchase.closesAt : (purchase.closedAt ?? purchase.closesAt))}</SummaryRow>
            <SummaryRow label={t("collective.schoolsNeeded")}>{purchase.maxSchools ? t("collective.range", { min: purchase.minSchools, max: purchase.maxSchools }) : t("collective.atLeast", { min: purchase.minSchools })}</SummaryRow>
            <SummaryRow label={t("collective.delegates.label")}>{purchase.delegatesPerSchool}</SummaryRow>
            <SummaryRow label={t("collective.funding.legend")}>{funding.length ? funding.join("; ") : t("collective.funding.none")}</SummaryRow>
            <SummaryRow label={t("collective.shareMethod.label")}>{t(`shareMethod.${purchase.shareMethod}`)}</SummaryRow>
            {purchase.status === "confirmed" ? (
              <>
                <SummaryRow label={t("collective.finalPrice")}>{formatPence(purchase.finalUnitPricePence ?? 0)}</SummaryRow>
                <SummaryRow label={t("collective.total")}>{formatPence(purchase.totalPence ?? 0)}</SummaryRow>
                <SummaryRow label={t("collective.potPaid")}>{formatPence(purchase.potContributionPence ?? 0)}</SummaryRow>
              </>
            ) : null}
            {purchase.cancelledReason ? <SummaryRow label={t("collective.cancelledBecause")}>{purchase.cancelledReason}</SummaryRow> : null}
            {pot ? (
              <SummaryRow label={t("collective.potAvailable")}>
                {formatPence(pot.availablePence)}{" "}
                <Link className="govuk-link" to={`/accounts/${pot.accountId}`}>
                  {t("collective.potStatement")}
                </Link>
              </SummaryRow>
            ) : null}
          </dl>
        </div>
        <div className="govuk-grid-column-one-third">
          <PriceTierTable tiers={purchase.priceTiers} pricingModel={purchase.pricingModel} caption={t("collective.tiers")} />
        </div>
      </div>

      {mySchools.map((s) => (
        <section key={s.id} aria-labelledby={`school-${s.id}`}>
          <h2 className="govuk-heading-m" id={`school-${s.id}`}>
            {s.name}
          </h2>
          <p className="govuk-body">{s.answer ? t(`pledgeStatus.${s.answer.status}`) : t("pledgeStatus.none")}</p>
          {open && s.answer?.status !== "joined" ? (
            <Form method="post" noValidate>
              <input type="hidden" name="schoolId" value={s.id} />
              <TextInput name="delegates" label={t("purchase.delegates.label")} inputMode="numeric" width="3" errors={errors} defaultValue={String(purchase.delegatesPerSchool)} />
              <TextInput name="poNumber" label={t("purchase.poNumber.label")} width="10" errors={errors} />
              <Choices name="paymentRoute" legend={t("purchase.paymentRoute.label")} errors={errors} options={s.routes.map((r) => ({ value: r, label: t(`paymentRoute.${r}`) }))} defaultValue={s.routes[0]} small />
              <div className="govuk-button-group">
                <button type="submit" name="intent" value="join" className="govuk-button" data-module="govuk-button">
                  {t("collective.join", { school: s.name })}
                </button>
                {s.answer?.status !== "declined" ? (
                  <button type="submit" name="intent" value="decline" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                    {t("collective.decline")}
                  </button>
                ) : null}
              </div>
            </Form>
          ) : null}
          {open && s.answer?.status === "joined" ? (
            <Form method="post">
              <input type="hidden" name="schoolId" value={s.id} />
              <button type="submit" name="intent" value="withdraw" className="govuk-button govuk-button--warning" data-module="govuk-button">
                {t("collective.withdraw", { school: s.name })}
              </button>
            </Form>
          ) : null}
        </section>
      ))}

      {orders.length > 0 ? (
        <table className="govuk-table app-table--compact">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("collective.orders")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("purchase.school")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("invoice.net")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("order.pot")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("purchase.vat")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("order.payable")}</th>
              <th scope="col" className="govuk-table__header">{t("order.invoice")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {orders.map((o) => (
              <tr className="govuk-table__row" key={o.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/purchases/${o.id}`}>
                    {o.schoolName}
                  </Link>
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(o.netPence)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(o.potContributionPence)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(o.vatPence)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(o.payablePence)}</td>
                <td className="govuk-table__cell">
                  {o.invoiceId ? (
                    <Link className="govuk-link" to={`/invoices/${o.invoiceId}`}>
                      {o.invoiceNumber}
                    </Link>
                  ) : (
                    t(`paymentRoute.${o.paymentRoute}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {isLead ? (
        <>
          <table className="govuk-table app-table--compact">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("collective.answers")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("purchase.school")}</th>
                <th scope="col" className="govuk-table__header">{t("order.status")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("purchase.delegates.label")}</th>
                <th scope="col" className="govuk-table__header">{t("purchase.poNumber.label")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {answers.map((a) => (
                <tr className="govuk-table__row" key={a.schoolId}>
                  <td className="govuk-table__cell">{a.schoolName}</td>
                  <td className="govuk-table__cell">{t(`pledgeShort.${a.status}`)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{a.status === "joined" ? a.delegates : ""}</td>
                  <td className="govuk-table__cell">{a.poNumber ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {open ? (
            <Form method="post">
              <h2 className="govuk-heading-m">{t("collective.close.heading")}</h2>
              <p className="govuk-body">{t("collective.close.hint", { min: purchase.minSchools })}</p>
              <button type="submit" name="intent" value="close" className="govuk-button" data-module="govuk-button">
                {t("collective.close.button")}
              </button>
            </Form>
          ) : null}
          {purchase.status !== "cancelled" ? (
            <Form method="post" noValidate>
              <h2 className="govuk-heading-m">{t("collective.cancel.heading")}</h2>
              <TextInput name="reason" label={t("collective.cancel.reason")} errors={errors} />
              <button type="submit" name="intent" value="cancel" className="govuk-button govuk-button--warning" data-module="govuk-button">
                {t("collective.cancel.button")}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
    </>
  );
}
