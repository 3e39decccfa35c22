import { ItemTable } from "~/components/table";
import { ButtonLink } from "~/components/button-link";
import { donePath } from "~/done";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/user.server";
import { OfferSummaryList, RevisionStatusTag } from "~/components/offer-content";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { NotificationBanner } from "~/components/notification-banner";
import { loadProvider, loadProviderOffer, offerRevisionHistory } from "~/domain/catalogue/offers.server";
import { submitOffer, withdrawOffer } from "~/domain/catalogue/submit-offer.server";
import { canTransition, editMode, needsReReview } from "~/domain/quality/offer-workflow";
import { isOnSale } from "~/domain/catalogue/on-sale";
import { formatDate } from "~/format";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { attempt, orErrorPage, requireActingProvider } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const OfferActionSchema = z.object({ intent: z.enum(["submit", "withdraw"], { message: t("refusal.input.chooseWhatToDo") }) });

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.latest.title ?? "", data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const scope = requireActingProvider(user);
  const { offer, latest } = await orErrorPage(() => loadProviderOffer(context.db, { ...scope, offerId: params.offerId! }));
  const provider = await loadProvider(context.db, scope);
  const history = await offerRevisionHistory(context.db, { offerId: offer.id, authorityId: scope.authorityId });
  const now = new Date();
  const lastDecided = history.find((r) => r.decidedAt !== null) ?? null;
  const live = history.find((r) => r.id === offer.liveRevisionId) ?? null;
  return {
    offer: {
      id: offer.id,
      suspendedAt: offer.suspendedAt,
      suspendedReason: offer.suspendedReason,
      approvedAt: offer.approvedAt,
      approvalExpiresAt: offer.approvalExpiresAt,
    },
    latest,
    live: live && { number: live.number },
    onSale: isOnSale(offer, now),
    reReviewDue: needsReReview(offer, now),
    canEdit: editMode(latest.status) !== "locked",
    // Only what the workflow allows from here: an offer awaiting changes is edited, not sent back as it was.
    canSubmit: provider.verifiedAt !== null && (canTransition(latest.status, "submit") || needsReReview(offer, now)),
    canWithdraw: canTransition(latest.status, "withdraw") && latest.status !== "draft",
    verified: provider.verifiedAt !== null,
    lastDecision: lastDecided && {
      number: lastDecided.number,
      status: lastDecided.status,
      comments: lastDecided.decisionComments,
      conditions: lastDecided.conditions,
    },
    history: history.map((r) => ({ id: r.id, number: r.number, status: r.status, submittedAt: r.submittedAt, decidedAt: r.decidedAt })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const scope = requireActingProvider(user);
  const form = await parseForm(request, OfferActionSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const offerId = params.offerId!;
  const done = await attempt<unknown>(() =>
    form.data.intent === "submit"
      ? submitOffer(context.db, { actor: user, ...scope, offerId, appUrl: context.env.APP_URL })
      : withdrawOffer(context.db, { actor: user, ...scope, offerId }),
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/provider/offers/${offerId}`, form.data.intent === "submit" ? "offerSubmitted" : "offerWithdrawn"));
}

export default function ProviderOffer() {
  const { offer, latest, live, onSale, reReviewDue, canEdit, canSubmit, canWithdraw, verified, lastDecision, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <span className="govuk-caption-l">{t("providerOffer.revision", { number: latest.number })}</span>
      <h1 className="govuk-heading-l">{latest.title}</h1>
      <p className="govuk-body">
        <RevisionStatusTag status={latest.status} />
      </p>
      {offer.suspendedAt ? (
        <NotificationBanner id="suspended" title={t("providerOffers.suspended")}>
          <p className="govuk-notification-banner__heading">
            {t("providerOffer.suspendedBanner", { date: formatDate(offer.suspendedAt), reason: offer.suspendedReason ?? "" })}
          </p>
        </NotificationBanner>
      ) : null}
      {onSale && live ? (
        <div className="govuk-inset-text">
          {t("providerOffer.liveBanner", { number: live.number, date: formatDate(offer.approvedAt!), expires: formatDate(offer.approvalExpiresAt!) })}
        </div>
      ) : null}
      {reReviewDue ? (
        <div className="govuk-inset-text">
          <strong className="govuk-tag govuk-tag--orange">{t("providerOffers.reReviewDue")}</strong>{" "}
          {t("providerOffer.expiredBanner", { date: formatDate(offer.approvalExpiresAt!) })}
        </div>
      ) : null}
      {!verified ? <p className="govuk-body">{t("providerOffers.unverified")}</p> : null}
      {lastDecision && (lastDecision.comments || lastDecision.conditions) ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">{t("providerOffer.panelComments", { number: lastDecision.number })}</h2>
          {lastDecision.comments ? <p className="govuk-body app-pre-wrap">{lastDecision.comments}</p> : null}
          {lastDecision.conditions ? (
            <p className="govuk-body">
              {t("providerOffer.conditions")}: {lastDecision.conditions}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="govuk-button-group">
        {canEdit ? (
          <ButtonLink to={`/provider/offers/${offer.id}/edit`} kind="secondary">
            {t("providerOffer.editLink")}
          </ButtonLink>
        ) : (
          <p className="govuk-body">{t("providerOffer.locked")}</p>
        )}
        {canSubmit ? (
          <Form method="post" className="app-inline-form">
            <SubmitButton intent="submit">{reReviewDue ? t("providerOffer.resubmit") : t("providerOffer.submit")}</SubmitButton>
          </Form>
        ) : null}
        {canWithdraw ? (
          <Form method="post" className="app-inline-form">
            <SubmitButton intent="withdraw" kind="warning">
              {t("providerOffer.withdraw")}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      <OfferSummaryList offer={latest} />
      <h2 className="govuk-heading-m">{t("providerOffer.history")}</h2>
      <ItemTable
        rowHeader={false}
        columns={[
          { label: t("providerOffer.history"), cell: (r) => t("providerOffer.revision", { number: r.number }) },
          {
            label: t("qa.status"),
            cell: (r) => (
              <>
                <RevisionStatusTag status={r.status} />
              </>
            ),
          },
          { label: t("qa.submitted"), cell: (r) => (r.submittedAt ? formatDate(r.submittedAt) : "") },
        ]}
        items={history}
      />
    </>
  );
}
