import { SummaryRow } from "~/components/summary-row";
import { ItemTable } from "~/components/table";
import { donePath, type Outcome } from "~/done";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireActing } from "./purchasing.server";
import { OfferSummaryList, RevisionStatusTag } from "~/components/offer-content";
import { Choices, ErrorSummary, TextArea, SubmitButton } from "~/components/forms";
import { ProviderBadges } from "~/components/provider-badges";
import { RUBRIC_CRITERIA, type RubricCriterion } from "#db/schema/catalogue";
import { revisionFields } from "~/domain/catalogue/offer-schema";
import { previousRevision } from "~/domain/catalogue/offers.server";
import { decideOffer } from "~/domain/quality/decide-offer.server";
import { hasQuorum, reviewsMissing } from "~/domain/quality/offer-workflow";
import { assertNoOwnInterest, loadRevisionForPanel, panelPowers, requirePanelAccess, reviewsOf } from "~/domain/quality/panel.server";
import { revisionDiff } from "~/domain/quality/revision-diff";
import { submitReview } from "~/domain/quality/submit-review.server";
import { takeReview } from "~/domain/quality/take-review.server";
import { invalid, parseForm, parseValues } from "~/forms.server";
import { optionalText, text, whole } from "~/forms/fields";
import { t, type MessageKey } from "~/i18n";
import { attempt, orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const longText = (max: number, message: string) =>
  text({ label: t("refusal.label.yourText"), max, multiline: true, required: message, tooLong: t("refusal.input.keepItTo", { max }) });
const scoreField = (c: RubricCriterion) => `score_${c}`;
const commentField = (c: RubricCriterion) => `comment_${c}`;
const CRITERION_NAMES: Record<RubricCriterion, string> = {
  evidence_of_impact: "evidence of impact",
  fit_with_priorities: "fit with priorities",
  value_for_money: "value for money",
  provider_credibility_and_safeguarding: "provider credibility and safeguarding",
  clarity_of_outcomes: "clarity of outcomes",
};

const IntentSchema = z.object({ intent: z.enum(["take", "conflict", "review", "decide"], { message: t("refusal.input.chooseWhatToDo") }) });
const ConflictSchema = z.object({ conflictNote: longText(2000, t("qa.error.conflictNote")) });
const ReviewSchema = z.object({
  ...Object.fromEntries(
    RUBRIC_CRITERIA.flatMap((c) => [
      [
        scoreField(c),
        whole({
          label: t("refusal.label.score"),
          invalid: t("refusal.input.scoreCriterion", { criterion: CRITERION_NAMES[c] }),
          tooSmall: t("refusal.input.scoreCriterion", { criterion: CRITERION_NAMES[c] }),
          tooLarge: t("refusal.input.scoreCriterion", { criterion: CRITERION_NAMES[c] }),
          min: 1,
          max: 4,
        }),
      ],
      [commentField(c), longText(2000, t("refusal.input.commentOn", { criterion: CRITERION_NAMES[c] }))],
    ]),
  ),
  overallComment: longText(5000, t("qa.error.overallComment")),
  recommendation: z.enum(["approve", "approve_with_conditions", "request_changes", "reject"], { message: t("refusal.input.chooseRecommendation") }),
});
const DecisionSchema = z
  .object({
    decision: z.enum(["approve", "request_changes", "reject"], { message: t("refusal.input.chooseDecision") }),
    conditions: optionalText({
      label: t("refusal.label.conditions"),
      max: 2000,
      multiline: true,
      tooLong: t("refusal.input.conditionsTooLong", { max: 2000 }),
    }),
    comments: optionalText({ label: t("refusal.label.comments"), max: 5000, multiline: true, tooLong: t("refusal.input.commentsTooLong", { max: 5000 }) }),
  })
  .superRefine((d, ctx) => {
    if (d.decision !== "approve" && !d.comments) ctx.addIssue({ code: "custom", path: ["comments"], message: t("refusal.input.tellProviderWhy") });
  });

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? t("review.title", { title: data.revision.title }) : "", data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  await orErrorPage(() => requirePanelAccess(context.db, user, authorityId));
  const { revision, provider } = await orErrorPage(() => loadRevisionForPanel(context.db, { authorityId, revisionId: params.revisionId! }));
  await orErrorPage(async () => assertNoOwnInterest(user, provider));
  const powers = await panelPowers(context.db, user, authorityId);
  const previous = await previousRevision(context.db, revision);
  const reviews = await reviewsOf(context.db, revision.id);
  const mine = reviews.find((r) => r.reviewerId === user.id) ?? null;
  return {
    revision: { id: revision.id, number: revision.number, status: revision.status, title: revision.title, content: revisionFields(revision) },
    provider: { name: provider.name, kind: provider.kind, verified: provider.verifiedAt !== null },
    previous: previous && {
      number: previous.number,
      comments: previous.decisionComments,
      changes: revisionDiff(revisionFields(previous), revisionFields(revision)),
    },
    powers,
    mine: mine && { status: mine.status, conflict: mine.conflictOfInterest },
    // Only those who decide read the other reviews, so each reviewer judges independently.
    reviews: powers.decider ? reviews.filter((r) => r.status === "submitted") : [],
    quorum: hasQuorum(reviews),
    missing: reviewsMissing(reviews),
    criteria: RUBRIC_CRITERIA,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const revisionId = params.revisionId!;
  const intent = await parseForm(request, IntentSchema);
  if (!intent.ok) return invalid(intent.errors, intent.values);
  const { values } = intent;
  const back = (outcome: Outcome) => redirect(donePath(`/qa/reviews/${revisionId}`, outcome));
  const appUrl = context.env.APP_URL;
  switch (intent.data.intent) {
    case "take": {
      const done = await attempt(() => takeReview(context.db, { actor: user, authorityId, revisionId }), values);
      return done.ok ? back("reviewTaken") : done.response;
    }
    case "conflict": {
      const form = parseValues(values, ConflictSchema);
      if (!form.ok) return invalid(form.errors, values);
      const done = await attempt(
        () => submitReview(context.db, { actor: user, authorityId, revisionId, input: { conflict: true, conflictNote: form.data.conflictNote } }),
        values,
      );
      return done.ok ? back("conflictDeclared") : done.response;
    }
    case "review": {
      const form = parseValues(values, ReviewSchema);
      if (!form.ok) return invalid(form.errors, values);
      const scores = Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, Number(form.data[scoreField(c)])])) as Record<RubricCriterion, number>;
      const comments = Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, String(form.data[commentField(c)])])) as Record<RubricCriterion, string>;
      const input = { conflict: false as const, scores, comments, overallComment: form.data.overallComment, recommendation: form.data.recommendation };
      const done = await attempt(() => submitReview(context.db, { actor: user, authorityId, revisionId, input }), values);
      return done.ok ? back("reviewSubmitted") : done.response;
    }
    case "decide": {
      const form = parseValues(values, DecisionSchema);
      if (!form.ok) return invalid(form.errors, values);
      const d = form.data;
      const decision =
        d.decision === "approve"
          ? { decision: "approve" as const, conditions: d.conditions || null, comments: d.comments || null }
          : { decision: d.decision, comments: d.comments! };
      const done = await attempt(() => decideOffer(context.db, { actor: user, authorityId, revisionId, decision, appUrl }), values);
      return done.ok ? back(DECIDED[d.decision]) : done.response;
    }
  }
}

const DECIDED = { approve: "offerApproved", request_changes: "offerChangesRequested", reject: "offerRejected" } as const satisfies Record<string, Outcome>;

const one = (v: unknown) => (typeof v === "string" ? v : null);

export default function Review() {
  const { revision, provider, previous, powers, mine, reviews, quorum, missing, criteria } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = (result?.values ?? {}) as Record<string, unknown>;
  const open = revision.status === "submitted" || revision.status === "in_review";
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{t("review.caption", { number: revision.number, provider: provider.name })}</span>
      <h1 className="govuk-heading-l">{t("review.title", { title: revision.title })}</h1>
      <p className="govuk-body">
        <RevisionStatusTag status={revision.status} /> <ProviderBadges kind={provider.kind} verified={provider.verified} />
      </p>

      {previous ? (
        <>
          <h2 className="govuk-heading-m">{t("review.changes", { number: previous.number })}</h2>
          {previous.comments ? (
            <div className="govuk-inset-text">
              <h3 className="govuk-heading-s">{t("review.previousComments", { number: previous.number })}</h3>
              <p className="govuk-body app-pre-wrap">{previous.comments}</p>
            </div>
          ) : null}
          <ItemTable
            caption={t("review.changes", { number: previous.number })}
            captionSize="hidden"
            columns={[
              { label: t("review.field"), cell: (c) => t(`offerField.${c.field}` as MessageKey) },
              { label: t("review.before"), cell: (c) => ({ cell: <del>{c.before}</del>, className: "app-pre-wrap" }) },
              { label: t("review.after"), cell: (c) => ({ cell: <ins>{c.after}</ins>, className: "app-pre-wrap" }) },
            ]}
            items={previous.changes}
            rowKey={(c) => c.field}
            empty={t("review.noChanges", { number: previous.number })}
          />
        </>
      ) : null}

      {open && powers.reviewer && !mine ? (
        <Form method="post">
          <p className="govuk-body">{t("review.takeLead")}</p>
          <SubmitButton intent="take">{t("review.take")}</SubmitButton>
        </Form>
      ) : null}
      {mine?.status === "submitted" ? <div className="govuk-inset-text">{mine.conflict ? t("review.conflictDeclared") : t("review.submitted")}</div> : null}

      <h2 className="govuk-heading-m">{t("review.content")}</h2>
      <OfferSummaryList offer={revision.content} />

      {mine?.status === "in_progress" && revision.status === "in_review" ? (
        <>
          <Form method="post">
            <h2 className="govuk-heading-m">{t("review.conflictHeading")}</h2>
            <p className="govuk-body">{t("review.conflictLead")}</p>
            <TextArea name="conflictNote" label={t("review.conflictNote")} errors={errors} rows={3} defaultValue={one(values.conflictNote)} />
            <SubmitButton intent="conflict" kind="warning">
              {t("review.declareConflict")}
            </SubmitButton>
          </Form>
          <Form method="post">
            <h2 className="govuk-heading-m">{t("review.rubric")}</h2>
            {criteria.map((c) => (
              <div key={c}>
                <Choices
                  name={scoreField(c)}
                  legend={t("review.score", { criterion: t(`rubric.${c}`) })}
                  hint={t("review.scoreHint")}
                  errors={errors}
                  small
                  options={["1", "2", "3", "4"].map((v) => ({ value: v, label: v }))}
                  defaultValue={one(values[scoreField(c)])}
                />
                <TextArea
                  name={commentField(c)}
                  label={t("review.comment", { criterion: t(`rubric.${c}`) })}
                  errors={errors}
                  rows={2}
                  defaultValue={one(values[commentField(c)])}
                />
              </div>
            ))}
            <TextArea name="overallComment" label={t("review.overallComment")} errors={errors} defaultValue={one(values.overallComment)} />
            <Choices
              name="recommendation"
              legend={t("review.recommendation")}
              errors={errors}
              small
              options={(["approve", "approve_with_conditions", "request_changes", "reject"] as const).map((v) => ({
                value: v,
                label: t(`recommendation.${v}`),
              }))}
              defaultValue={one(values.recommendation)}
            />
            <SubmitButton intent="review">{t("review.submit")}</SubmitButton>
          </Form>
        </>
      ) : null}

      {powers.decider ? (
        <>
          <h2 className="govuk-heading-m">{t("review.others")}</h2>
          {reviews.length === 0 ? null : (
            // One card per reviewer, criteria down the page: a table of five criteria with comments was wider than the screen.
            <>
              {reviews.map((r) => (
                <div className="govuk-summary-card" key={r.id}>
                  <div className="govuk-summary-card__title-wrapper">
                    <h3 className="govuk-summary-card__title">{r.reviewerName}</h3>
                  </div>
                  <div className="govuk-summary-card__content">
                    {r.conflictOfInterest ? (
                      <p className="govuk-body">
                        {t("review.conflict")}: {r.conflictNote}
                      </p>
                    ) : (
                      <dl className="govuk-summary-list">
                        {criteria.map((c) => (
                          <div className="govuk-summary-list__row" key={c}>
                            <dt className="govuk-summary-list__key">{t(`rubric.${c}`)}</dt>
                            <dd className="govuk-summary-list__value">
                              {r.scores[c] ? t("review.scoreOutOf", { score: r.scores[c] }) : ""}
                              {r.comments[c] ? <p className="govuk-body-s app-pre-wrap">{r.comments[c]}</p> : null}
                            </dd>
                          </div>
                        ))}
                        <SummaryRow label={t("review.heading.recommendation")}>{r.recommendation ? t(`recommendation.${r.recommendation}`) : ""}</SummaryRow>
                        {r.overallComment ? (
                          <div className="govuk-summary-list__row">
                            <dt className="govuk-summary-list__key">{t("review.overallComment")}</dt>
                            <dd className="govuk-summary-list__value app-pre-wrap">{r.overallComment}</dd>
                          </div>
                        ) : null}
                      </dl>
                    )}
                  </div>
                </div>
              ))}
            </>
          )}
          {revision.status === "in_review" && quorum ? (
            <Form method="post">
              <h2 className="govuk-heading-m">{t("review.decide")}</h2>
              <Choices
                name="decision"
                legend={t("review.decision")}
                errors={errors}
                options={[
                  { value: "approve", label: t("review.approve") },
                  { value: "request_changes", label: t("review.requestChanges") },
                  { value: "reject", label: t("review.reject") },
                ]}
                defaultValue={one(values.decision)}
              />
              <TextArea name="conditions" label={t("review.conditions")} errors={errors} rows={2} defaultValue={one(values.conditions)} />
              <TextArea name="comments" label={t("review.comments")} hint={t("review.commentsHint")} errors={errors} defaultValue={one(values.comments)} />
              <SubmitButton intent="decide">{t("review.record")}</SubmitButton>
            </Form>
          ) : open ? (
            <p className="govuk-body">{t("review.waiting", { count: missing })}</p>
          ) : (
            <p className="govuk-body">{t("review.decided", { status: t(`revisionStatus.${revision.status}`) })}</p>
          )}
        </>
      ) : null}
    </>
  );
}
