import { InvoiceLink } from "~/components/orders-table";
import { ButtonLink } from "~/components/button-link";
import { ParagraphLink } from "~/components/paragraph-link";
import { ItemTable, Table } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { Choices, ErrorSummary, TextInput, WholeNumberInput, SubmitButton } from "~/components/forms";
import { SubmitPair } from "~/components/submit-pair";
import { PriceTierTable } from "~/components/price-tiers";
import { SummaryRow } from "~/components/summary-row";
import { answerCollectivePurchase } from "~/domain/purchasing/answer-collective-purchase.server";
import { cancelCollectivePurchase } from "~/domain/purchasing/cancel-collective-purchase.server";
import { closeCollectivePurchase, previewClose, type ClosePreview } from "~/domain/purchasing/close-collective-purchase.server";
import { decideCollectivePot } from "~/domain/purchasing/decide-collective-pot.server";
import { buyerType, cancellationEffect, estimateShare, nextTierHint, paymentRoutesFor, tierFor, vatTreatmentFor } from "~/domain/purchasing/rules";
import { ConfirmStep } from "~/components/confirm";
import { donePath, type Outcome } from "~/done";
import { potAvailable } from "~/domain/ledger/accounts.server";
import { described } from "~/domain/ledger/described";
import { currentConsortiaOf, findCollectivePurchase, ordersOfCollectivePurchase, providerOfOffer, schoolsForShares } from "~/domain/purchasing/queries.server";
import { formatDate, formatPence } from "~/format";
import { mayViewCollectivePurchase, withViewerAccess } from "~/domain/purchasing/access";
import { canViewStatement } from "~/domain/ledger/statement-access";
import { invalid, parseForm } from "~/forms.server";
import { refusalOnForm, notFoundPage, forbidden } from "~/refusals.server";
import { text } from "~/forms/fields";
import { currentLocale, t } from "~/i18n";
import { buyerFields, organisationsWhere, requireActing } from "./purchasing.server";
import { isUuid } from "~/domain/ids";
import { mayPayOnline } from "~/domain/payments/rules";
import { pageTitle } from "~/page-title";
import { OfferTitle } from "~/components/offer-title";

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
  z.object({ intent: z.literal("approve-pot") }),
  z.object({ intent: z.literal("refuse-pot") }),
  z.object({
    intent: z.literal("cancel"),
    reason: text({
      label: t("refusal.label.reason"),
      max: 500,
      multiline: true,
      required: t("collective.cancel.reasonRequired"),
      tooLong: t("collective.cancel.reasonTooLong"),
    }),
  }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle((currentLocale() === "cy" && data?.purchase.titleCy) || data?.purchase.title || t("collective.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const found = await findCollectivePurchase(context.db, authorityId, params.purchaseId ?? "");
  if (!found) throw notFoundPage();
  const { purchase } = found;
  const isLead = can(user.grants, "open:collective-purchase", { organisationId: purchase.consortiumId, authorityId });
  const answerable = organisationsWhere(user, "school", "join:collective-purchase");
  const memberships = await currentConsortiaOf(
    context.db,
    answerable.map((s) => s.id),
  );
  const mySchoolIds = new Set(memberships.filter((m) => m.consortiumId === purchase.consortiumId).map((m) => m.schoolId));
  const mySchools = answerable.filter((s) => mySchoolIds.has(s.id));
  const isFinance = can(user.grants, "view:sales", { authorityId });
  if (
    !mayViewCollectivePurchase(
      user.grants,
      authorityId,
      purchase.consortiumId,
      mySchools.map((s) => s.id),
    )
  )
    throw forbidden(t("collective.error.notMember"));

  const schoolRows = await schoolsForShares(
    context.db,
    authorityId,
    mySchools.map((s) => s.id),
  );
  const provider = await providerOfOffer(context.db, authorityId, purchase.offerId);
  if (!provider) throw notFoundPage();
  const pot = await potAvailable(context.db, authorityId, purchase.consortiumId);
  const potAvailableForEstimate = pot?.availablePence ?? 0;
  const orders =
    purchase.status === "confirmed" ? withViewerAccess(user.grants, authorityId, await ordersOfCollectivePurchase(context.db, authorityId, purchase.id)) : [];
  const tier = tierFor(found.priceTiers, found.joined);
  const canManagePot = can(user.grants, "manage:pot", { organisationId: purchase.consortiumId, authorityId });
  // The confirmation steps: a page state of their own, with the domain's figures of what will happen.
  const asked = new URL(request.url).searchParams.get("confirm");
  const confirm =
    isLead && asked === "close" && purchase.status === "open"
      ? { kind: "close" as const, preview: await previewClose(context.db, { authorityId, collectivePurchaseId: purchase.id }) }
      : isLead && asked === "cancel" && purchase.status !== "cancelled"
        ? { kind: "cancel" as const, effect: cancellationEffect(orders), joined: found.joined }
        : null;
  return {
    confirm,
    canManagePot,
    purchase: {
      ...purchase,
      title: found.title,
      titleCy: found.titleCy,
      consortiumName: found.consortiumName,
      priceTiers: found.priceTiers,
      pricingModel: found.pricingModel,
    },
    providerName: provider.name,
    joined: found.joined,
    tier,
    next: nextTierHint(found.priceTiers, found.joined),
    answers: isLead || isFinance ? found.answers : found.answers.filter((a) => mySchoolIds.has(a.schoolId)),
    notAnswered: isLead || isFinance ? found.notAnswered : [],
    mySchools: mySchools.map((s) => {
      const row = schoolRows.find((r) => r.id === s.id)!;
      const answer = found.answers.find((a) => a.schoolId === s.id) ?? null;
      const estimate =
        purchase.status === "open"
          ? estimateShare({
              tiers: found.priceTiers,
              model: found.pricingModel ?? "per_school",
              joined: found.answers.filter((a) => a.status === "joined").map((a) => ({ id: a.schoolId, pupils: a.pupils, delegates: a.delegates })),
              school: { id: s.id, pupils: row.pupils, delegates: answer?.status === "joined" ? answer.delegates : purchase.delegatesPerSchool },
              rule:
                purchase.potApproval === "refused"
                  ? {}
                  : {
                      percentBps: purchase.potPercentBps ?? undefined,
                      perSchoolPence: purchase.potPerSchoolPence ?? undefined,
                      capPence: purchase.potCapPence ?? undefined,
                    },
              method: purchase.shareMethod,
              capAtSolo: purchase.capAtSolo,
              potAvailablePence: potAvailableForEstimate,
              vatTreatment: vatTreatmentFor({ buyer: buyerType(row), providerKind: provider.kind, offerTreatment: found.vatTreatment }),
              nextSchoolsNeeded: nextTierHint(found.priceTiers, found.joined)?.schoolsNeeded ?? null,
            })
          : null;
      return { ...s, answer, estimate, routes: paymentRoutesFor({ laMaintained: row.laMaintained, costCentre: row.costCentre, providerKind: provider.kind }) };
    }),
    orders: isLead || isFinance ? orders : orders.filter((o) => mySchoolIds.has(o.schoolId)),
    // A school's share, once invoiced, may be paid online from the invoice where Stripe is set up.
    stripeEnabled: context.env.STRIPE,
    payOnline: Object.fromEntries(
      orders
        .filter((o) => context.env.STRIPE && mySchoolIds.has(o.schoolId) && o.invoiceId && o.invoiceStatus === "issued" && mayPayOnline(o))
        .map((o) => [o.schoolId, { invoiceId: o.invoiceId!, number: o.invoiceNumber! }]),
    ),
    isLead,
    pot: isLead ? pot : null,
    // A commissioner opens collective purchases for any consortium but does not read its pot's statement.
    potStatementOpen: canViewStatement(user.grants, { authorityId, kind: "consortium_pot", ownerId: purchase.consortiumId }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  const collectivePurchaseId = params.purchaseId ?? "";
  if (!isUuid(collectivePurchaseId)) throw notFoundPage();
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const form = parsed.data;
  const appUrl = context.env.APP_URL;
  const here = `/collective-purchases/${collectivePurchaseId}`;
  let outcome: Outcome;
  try {
    if (form.intent === "join") {
      outcome = "joined";
      await answerCollectivePurchase(context.db, {
        actor,
        authorityId,
        collectivePurchaseId,
        schoolId: form.schoolId,
        answer: "join",
        delegates: form.delegates,
        poNumber: form.poNumber ?? null,
        paymentRoute: form.paymentRoute,
      });
    } else if (form.intent === "decline" || form.intent === "withdraw") {
      outcome = form.intent === "decline" ? "declined" : "withdrawn";
      await answerCollectivePurchase(context.db, { actor, authorityId, collectivePurchaseId, schoolId: form.schoolId, answer: form.intent });
    } else if (form.intent === "close") {
      const closed = await closeCollectivePurchase(context.db, { actor, authorityId, collectivePurchaseId, appUrl });
      outcome = closed.status === "cancelled" ? "collectiveCancelled" : "collectiveConfirmed";
    } else if (form.intent === "approve-pot" || form.intent === "refuse-pot") {
      const approve = form.intent === "approve-pot";
      outcome = approve ? "potApproved" : "potRefused";
      await decideCollectivePot(context.db, { actor, authorityId, collectivePurchaseId, decision: approve ? "approve" : "refuse" });
    } else {
      outcome = "collectiveCancelled";
      await cancelCollectivePurchase(context.db, { actor, authorityId, collectivePurchaseId, reason: form.reason, appUrl });
    }
  } catch (error) {
    return refusalOnForm(error, parsed.values, { field: form.intent === "cancel" ? "reason" : "form", allOnForm: true });
  }
  return redirect(donePath(here, outcome), { status: 303 });
}

const STATUS_TAG = { open: "govuk-tag--blue", confirmed: "govuk-tag--green", cancelled: "govuk-tag--red" } as const;

export default function CollectivePurchasePage() {
  const {
    purchase,
    providerName,
    joined,
    tier,
    next,
    answers,
    notAnswered,
    mySchools,
    orders,
    isLead,
    pot,
    potStatementOpen,
    confirm,
    canManagePot,
    stripeEnabled,
    payOnline,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const open = purchase.status === "open";
  const here = `/collective-purchases/${purchase.id}`;
  if (confirm?.kind === "close") {
    const lines = closeLines(confirm.preview);
    return (
      <>
        <ErrorSummary errors={errors} />
        <ConfirmStep title={t("confirm.close.title")} lines={lines} intent="close" yes={t("confirm.close.yes")} backTo={here} />
      </>
    );
  }
  if (confirm?.kind === "cancel") {
    const lines = [
      purchase.status === "open"
        ? t("confirm.cancel.openOutcome", { count: confirm.joined })
        : t("confirm.cancel.confirmedOutcome", {
            count: confirm.effect.orders,
            total: formatPence(confirm.effect.creditedPence),
            pot: formatPence(confirm.effect.potRefundPence),
          }),
    ];
    return (
      <>
        <ErrorSummary errors={errors} />
        <ConfirmStep title={t("confirm.cancel.title")} lines={lines} intent="cancel" yes={t("confirm.cancel.yes")} backTo={here}>
          <TextInput
            name="reason"
            label={t("collective.cancel.reason")}
            errors={errors}
            defaultValue={typeof result?.values?.reason === "string" ? result.values.reason : undefined}
          />
        </ConfirmStep>
      </>
    );
  }
  const funding = [
    purchase.potPercentBps !== null ? t("collective.funding.percent", { percent: purchase.potPercentBps / 100 }) : null,
    purchase.potPerSchoolPence !== null ? t("collective.funding.perSchool", { amount: formatPence(purchase.potPerSchoolPence) }) : null,
    purchase.potCapPence !== null ? t("collective.funding.cap", { amount: formatPence(purchase.potCapPence) }) : null,
  ].filter(Boolean);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{purchase.consortiumName}</span>
      <h1 className="govuk-heading-l">
        <OfferTitle title={purchase.title} titleCy={purchase.titleCy} />
      </h1>
      <p className="govuk-body">
        <strong className={`govuk-tag ${STATUS_TAG[purchase.status]}`}>{t(`collectiveStatus.${purchase.status}`)}</strong>
      </p>
      {purchase.message ? <div className="govuk-inset-text app-pre-wrap">{purchase.message}</div> : null}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {open ? (
            <div className="govuk-inset-text" aria-live="polite">
              <p className="govuk-heading-m">{t("collective.live.joined", { count: joined, min: purchase.minSchools })}</p>
              <p className="govuk-body">
                {tier
                  ? t("collective.live.tier", { price: formatPence(tier.unitPricePence), unit: t(`pricingUnit.${purchase.pricingModel ?? "per_school"}`) })
                  : t("collective.live.noTier")}
              </p>
              {next ? <p className="govuk-body">{t("collective.live.next", { count: next.schoolsNeeded, price: formatPence(next.unitPricePence) })}</p> : null}
            </div>
          ) : null}
          <dl className="govuk-summary-list">
            <SummaryRow label={t("purchase.provider")}>{providerName}</SummaryRow>
            <SummaryRow label={open ? t("collective.closes") : t("collective.closed")}>
              {formatDate(open ? purchase.closesAt : (purchase.closedAt ?? purchase.closesAt))}
            </SummaryRow>
            <SummaryRow label={t("collective.schoolsNeeded")}>
              {purchase.maxSchools
                ? t("collective.range", { min: purchase.minSchools, max: purchase.maxSchools })
                : t("collective.atLeast", { min: purchase.minSchools })}
            </SummaryRow>
            <SummaryRow label={t("collective.delegates.label")}>{purchase.delegatesPerSchool}</SummaryRow>
            <SummaryRow label={t("collective.funding.legend")}>{funding.length ? funding.join("; ") : t("collective.funding.none")}</SummaryRow>
            <SummaryRow label={t("collective.shareMethod.label")}>
              {t(`shareMethod.${purchase.shareMethod}`)}
              {purchase.capAtSolo ? t("shareCap.summary") : ""}
            </SummaryRow>
            {purchase.status === "confirmed" ? (
              <>
                <SummaryRow label={t("collective.finalPrice")}>{formatPence(purchase.finalUnitPricePence ?? 0)}</SummaryRow>
                <SummaryRow label={t("collective.total")}>{formatPence(purchase.totalPence ?? 0)}</SummaryRow>
                <SummaryRow label={t("collective.potPaid")}>{formatPence(purchase.potContributionPence ?? 0)}</SummaryRow>
              </>
            ) : null}
            {purchase.potApproval ? <SummaryRow label={t("pot.approval.label")}>{t(`pot.approval.${purchase.potApproval}`)}</SummaryRow> : null}
            {purchase.cancelledReason ? (
              <SummaryRow label={t("collective.cancelledBecause")}>
                {described({ description: purchase.cancelledReason, descriptionMessage: purchase.cancelledReasonMessage })}
              </SummaryRow>
            ) : null}
            {pot ? (
              <SummaryRow label={t("collective.potAvailable")}>
                {formatPence(pot.availablePence)}{" "}
                {potStatementOpen ? (
                  <Link className="govuk-link" to={`/accounts/${pot.accountId}`}>
                    {t("collective.potStatement")}
                  </Link>
                ) : null}
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
          <p className="govuk-body">{s.answer ? t(`pledgeStatus.${s.answer.status}`) : t(open ? "pledgeStatus.none" : "pledgeStatus.noneClosed")}</p>
          {s.estimate?.now ? (
            <div className="govuk-inset-text">
              <p className="govuk-body">
                {t("estimate.now", {
                  count: s.estimate.now.schools,
                  price: formatPence(s.estimate.now.unitPricePence),
                  net: formatPence(s.estimate.now.netPence),
                  pot: formatPence(s.estimate.now.potPence),
                  vat: formatPence(s.estimate.now.vatPence),
                  pays: formatPence(s.estimate.now.payablePence),
                })}
              </p>
              {s.estimate.next && s.estimate.next.unitPricePence !== s.estimate.now.unitPricePence ? (
                <p className="govuk-body">
                  {t("estimate.next", {
                    count: s.estimate.next.schools,
                    price: formatPence(s.estimate.next.unitPricePence),
                    pays: formatPence(s.estimate.next.payablePence),
                  })}
                </p>
              ) : null}
              <p className="govuk-body-s">{t("estimate.caveat")}</p>
            </div>
          ) : null}
          {open && s.answer?.status !== "joined" ? (
            <Form method="post" noValidate>
              <input type="hidden" name="schoolId" value={s.id} />
              <WholeNumberInput name="delegates" label={t("purchase.delegates.label")} errors={errors} defaultValue={String(purchase.delegatesPerSchool)} />
              <TextInput name="poNumber" label={t("purchase.poNumber.label")} width="10" errors={errors} />
              <Choices
                name="paymentRoute"
                legend={t("purchase.paymentRoute.label")}
                errors={errors}
                options={s.routes.map((r) => ({ value: r, label: t(`paymentRoute.${r}`) }))}
                small
              />
              {s.routes.includes("invoice") ? <p className="govuk-body">{t(stripeEnabled ? "collective.payOnline.later" : "payments.unavailable")}</p> : null}
              <div className="govuk-button-group">
                <SubmitButton intent="join">{t("collective.join", { school: s.name })}</SubmitButton>
                {s.answer?.status !== "declined" ? (
                  <SubmitButton intent="decline" kind="secondary">
                    {t("collective.decline")}
                  </SubmitButton>
                ) : null}
              </div>
            </Form>
          ) : null}
          {payOnline[s.id] ? (
            <ParagraphLink to={`/invoices/${payOnline[s.id].invoiceId}/pay`}>
              {t("collective.payOnline.link", { number: payOnline[s.id].number })}
            </ParagraphLink>
          ) : null}
          {open && s.answer?.status === "joined" ? (
            <Form method="post">
              <input type="hidden" name="schoolId" value={s.id} />
              <SubmitButton intent="withdraw" kind="warning">
                {t("collective.withdraw", { school: s.name })}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      ))}

      {orders.length > 0 ? (
        <ItemTable
          compact
          caption={t("collective.orders")}
          captionSize="m"
          rowHeader={false}
          columns={[
            { label: t("purchase.school"), link: (o) => (o.orderOpen ? `/purchases/${o.id}` : null), cell: (o) => o.schoolName },
            { label: t("invoice.net"), numeric: true, cell: (o) => formatPence(o.netPence) },
            { label: t("order.pot"), numeric: true, cell: (o) => formatPence(o.potContributionPence) },
            { label: t("purchase.vat"), numeric: true, cell: (o) => formatPence(o.vatPence) },
            { label: t("order.schoolPays"), numeric: true, cell: (o) => formatPence(o.payablePence) },
            {
              label: t("order.invoice"),
              cell: (o) => (
                <InvoiceLink invoiceId={o.invoiceId} invoiceNumber={o.invoiceNumber} open={o.invoiceOpen} otherwise={t(`paymentRoute.${o.paymentRoute}`)} />
              ),
            },
          ]}
          items={orders}
        />
      ) : null}

      {isLead ? (
        <>
          <Table
            compact
            caption={t("collective.answers")}
            captionSize="m"
            rowHeader={false}
            columns={[
              { label: t("purchase.school") },
              { label: t("order.status") },
              { label: t("collective.answers.delegates"), numeric: true },
              { label: t("collective.answers.poNumber") },
            ]}
            rows={[
              ...answers.map((a) => ({
                key: a.schoolId,
                cells: [a.schoolName, t(`pledgeShort.${a.status}`), a.status === "joined" ? a.delegates : "", a.poNumber ?? ""],
              })),
              ...notAnswered.map((s) => ({
                key: s.schoolId,
                cells: [s.schoolName, t(open ? "collective.answers.notAnswered" : "collective.answers.didNotAnswer"), "", ""],
              })),
            ]}
          />
          {open && canManagePot && purchase.potApproval === "requested" ? (
            <Form method="post">
              <h2 className="govuk-heading-m">{t("pot.approval.heading")}</h2>
              <p className="govuk-body">{t("pot.approval.hint")}</p>
              <SubmitPair
                intent="approve-pot"
                submit={t("pot.approval.approve")}
                otherIntent="refuse-pot"
                other={t("pot.approval.refuse")}
                preventDoubleClick
              />
            </Form>
          ) : null}
          {open ? (
            <>
              <h2 className="govuk-heading-m">{t("collective.close.heading")}</h2>
              <p className="govuk-body">{t("collective.close.hint", { min: purchase.minSchools })}</p>
              <ButtonLink to={`${here}?confirm=close`}>{t("confirm.close.open")}</ButtonLink>
            </>
          ) : null}
          {purchase.status !== "cancelled" ? (
            <>
              <h2 className="govuk-heading-m">{t("collective.cancel.heading")}</h2>
              <ButtonLink to={`${here}?confirm=cancel`} kind="warning">
                {t("collective.cancel.button")}
              </ButtonLink>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function closeLines(preview: ClosePreview): string[] {
  if (preview.outcome === "cancel") {
    if (preview.refusal === "pot_undecided") return [t("confirm.close.potWaiting")];
    if (preview.refusal === "off_sale") return [t("confirm.close.offSale")];
    if (preview.refusal === "no_tier") return [t("confirm.close.noTier", { count: preview.joined })];
    return [t("confirm.close.cancelOutcome", { count: preview.joined, min: preview.minSchools })];
  }
  const price = { total: formatPence(preview.chargedPence), price: formatPence(preview.unitPricePence), unit: t(`pricingUnit.${preview.pricingModel}`) };
  const lines = [preview.schools === 1 ? t("confirm.close.confirmOutcomeOne", price) : t("confirm.close.confirmOutcome", { count: preview.schools, ...price })];
  if (preview.recharged > 0) lines.push(t("confirm.close.routes", { invoiced: preview.invoiced, recharged: preview.recharged }));
  if (preview.potPence > 0) lines.push(t("confirm.close.pot", { pot: formatPence(preview.potPence), total: formatPence(preview.totalPence) }));
  return lines;
}
