import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { OrderImpactTable } from "~/components/impact-table";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { Choices, Select, TextArea, TextInput, SubmitButton, useFormAnswer } from "~/components/forms";
import { SummaryRow } from "~/components/summary-row";
import { TwoThirdsPage } from "~/components/form-page";
import { donePath, type Outcome } from "~/done";
import { deliveryPage } from "~/domain/delivery/delivery-page.server";
import { nameEvaluator } from "~/domain/delivery/name-evaluator.server";
import { recordImpact } from "~/domain/delivery/record-impact.server";
import { evaluationRefusal } from "~/domain/delivery/rules";
import { signOffEvaluation } from "~/domain/delivery/sign-off-evaluation.server";
import { submitEvaluation } from "~/domain/delivery/submit-evaluation.server";
import { text } from "~/forms/fields";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm, orErrorPage } from "~/refusals.server";
import { actingOnOrder } from "./purchasing.server";

const score = z.enum(["1", "2", "3", "4"], { message: t("evaluation.error.score") }).transform(Number);

const EvaluationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("evaluate"),
    priorities: text({ label: t("fieldLabel.priorities"), max: 2000, multiline: true, required: t("evaluation.error.priorities") }),
    quality: score,
    impact: score,
    valueForMoney: score,
    wouldRecommend: z.enum(["yes", "no"], { message: t("evaluation.error.recommend") }).transform((v) => v === "yes"),
    comments: text({ label: t("fieldLabel.comments"), max: 4000, multiline: true }),
  }),
  z.object({ intent: z.literal("nameEvaluator"), evaluatorId: z.string({ message: t("evaluation.nameOther.error") }).uuid(t("evaluation.nameOther.error")) }),
  z.object({ intent: z.literal("signOff") }),
  z.object({
    intent: z.literal("question"),
    question: text({ label: t("fieldLabel.question"), max: 2000, multiline: true, required: t("evaluation.ask.error") }),
  }),
  z.object({
    intent: z.literal("impact"),
    outcome: text({ label: t("fieldLabel.outcome"), max: 300, required: t("impact.error.outcome") }),
    measure: text({ label: t("fieldLabel.measure"), max: 300, required: t("impact.error.measure") }),
    baseline: text({ label: t("fieldLabel.baseline"), max: 100, required: t("impact.error.baseline") }),
    followUp: text({ label: t("fieldLabel.followUp"), max: 100, required: t("impact.error.followUp") }),
  }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${t("evaluation.title")}: ${data.order.title}` : t("evaluation.title"), data);

export async function loader(args: LoaderFunctionArgs) {
  const who = await actingOnOrder(args);
  const page = await orErrorPage(() => deliveryPage(args.context.db, who));
  return { ...page, refusal: evaluationRefusal(page.order, page.confirmation?.outcome ?? null, page.evaluation !== null) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const base = await actingOnOrder({ request, params, context });
  const appUrl = context.env.APP_URL;
  const run = async (input: z.output<typeof EvaluationSchema>): Promise<Outcome> => {
    switch (input.intent) {
      case "evaluate": {
        const { intent: _intent, ...evaluation } = input;
        await submitEvaluation(context.db, { ...base, evaluation, appUrl });
        return "evaluationSubmitted";
      }
      case "nameEvaluator":
        await nameEvaluator(context.db, { ...base, userId: input.evaluatorId, appUrl });
        return "evaluatorNamed";
      case "signOff":
        await signOffEvaluation(context.db, { ...base, decision: { kind: "sign_off" }, appUrl });
        return "evaluationSignedOff";
      case "question":
        await signOffEvaluation(context.db, { ...base, decision: { kind: "question", question: input.question }, appUrl });
        return "evaluationQuestioned";
      case "impact": {
        const { intent: _intent, ...impact } = input;
        await recordImpact(context.db, { ...base, impact });
        return "impactRecorded";
      }
    }
  };
  const done = await attemptForm(request, EvaluationSchema, run);
  if (!done.ok) return done.response;
  return redirect(donePath(`/purchases/${base.orderId}/evaluation`, done.value), { status: 303 });
}

/** The four scores, said in the reader's language as the page renders. */
const scoreOptions = () => (["4", "3", "2", "1"] as const).map((v) => ({ value: v, label: t(`evaluation.score.${v}`) }));

export default function EvaluationPage() {
  const { order, powers, evaluation, refusal, namedEvaluator, adviserName, impact, colleagues } = useLoaderData<typeof loader>();
  const { errors, field } = useFormAnswer();
  const isHead = powers.evaluator;
  const scores = scoreOptions();
  return (
    <TwoThirdsPage caption={order.title} title={t("evaluation.title")} errors={errors}>
      <p className="govuk-body">
        {order.schoolName} · {order.providerName} ·{" "}
        <Link className="govuk-link" to={`/purchases/${order.id}/delivery`}>
          {t("delivery.link")}
        </Link>
      </p>

      {evaluation ? (
        <>
          <dl className="govuk-summary-list">
            <SummaryRow label={t("evaluation.priorities")}>{evaluation.priorities}</SummaryRow>
            <SummaryRow label={t("evaluation.quality")}>{t(`evaluation.score.${evaluation.quality as 1 | 2 | 3 | 4}`)}</SummaryRow>
            <SummaryRow label={t("evaluation.impact")}>{t(`evaluation.score.${evaluation.impact as 1 | 2 | 3 | 4}`)}</SummaryRow>
            <SummaryRow label={t("evaluation.valueForMoney")}>{t(`evaluation.score.${evaluation.valueForMoney as 1 | 2 | 3 | 4}`)}</SummaryRow>
            <SummaryRow label={t("evaluation.wouldRecommend")}>{evaluation.wouldRecommend ? t("evaluation.yes") : t("evaluation.no")}</SummaryRow>
            {evaluation.comments ? <SummaryRow label={t("evaluation.comments")}>{evaluation.comments}</SummaryRow> : null}
            <SummaryRow label={t("evaluation.by")}>{evaluation.evaluatorName}</SummaryRow>
            <SummaryRow label={t("evaluation.on")}>{formatDate(evaluation.submittedAt)}</SummaryRow>
            <SummaryRow label={t("evaluation.adviser")}>{adviserName ?? t("evaluation.noAdviser")}</SummaryRow>
            <SummaryRow label={t("evaluation.status")}>
              <strong
                className={`govuk-tag${evaluation.status === "signed_off" ? " govuk-tag--green" : evaluation.status === "question" ? " govuk-tag--orange" : ""}`}
              >
                {t(`evaluation.status.${evaluation.status}`)}
              </strong>
            </SummaryRow>
            {evaluation.adviserQuestion ? <SummaryRow label={t("evaluation.question")}>{evaluation.adviserQuestion}</SummaryRow> : null}
          </dl>
          {powers.adviser && evaluation.status !== "signed_off" ? (
            <>
              <h2 className="govuk-heading-m">{t("evaluation.signOff.heading")}</h2>
              <Form method="post" noValidate>
                <SubmitButton intent="signOff">{t("evaluation.signOff.submit")}</SubmitButton>
              </Form>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="question" />
                <TextArea {...field("question")} label={t("evaluation.ask.label")} rows={3} />
                <SubmitButton kind="secondary">{t("evaluation.ask.submit")}</SubmitButton>
              </Form>
            </>
          ) : null}
        </>
      ) : refusal ? (
        <p className="govuk-body">{order.status === "delivered" ? refusal : t("evaluation.notYet")}</p>
      ) : powers.evaluator ? (
        <>
          <p className="govuk-body">{t("evaluation.lead")}</p>
          {namedEvaluator ? <p className="govuk-inset-text">{t("evaluation.named", { name: namedEvaluator.name })}</p> : null}
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="evaluate" />
            <TextArea {...field("priorities")} label={t("evaluation.priorities")} hint={t("evaluation.prioritiesHint")} rows={3} />
            <Choices {...field("quality")} legend={t("evaluation.quality")} options={scores} small />
            <Choices {...field("impact")} legend={t("evaluation.impact")} options={scores} small />
            <Choices {...field("valueForMoney")} legend={t("evaluation.valueForMoney")} options={scores} small />
            <Choices
              {...field("wouldRecommend")}
              legend={t("evaluation.wouldRecommend")}
              small
              options={[
                { value: "yes", label: t("evaluation.yes") },
                { value: "no", label: t("evaluation.no") },
              ]}
            />
            <TextArea {...field("comments")} label={t("evaluation.comments")} rows={4} />
            <SubmitButton>{t("evaluation.submit")}</SubmitButton>
          </Form>
          {isHead && colleagues.length > 0 ? (
            <Form method="post" noValidate>
              <h2 className="govuk-heading-m">{t("evaluation.nameOther.heading")}</h2>
              <input type="hidden" name="intent" value="nameEvaluator" />
              <Select
                {...field("evaluatorId", namedEvaluator?.id)}
                label={t("evaluation.nameOther.label")}
                options={colleagues.map((c) => ({ value: c.id, label: c.name }))}
              />
              <SubmitButton kind="secondary">{t("evaluation.nameOther.submit")}</SubmitButton>
            </Form>
          ) : null}
        </>
      ) : (
        <p className="govuk-body">{t("evaluation.waitingForSchool")}</p>
      )}

      {evaluation ? (
        <>
          <h2 className="govuk-heading-m">{t("impact.heading")}</h2>
          <p className="govuk-body">{t("impact.hint")}</p>
          {order.outcomes ? (
            <div className="govuk-inset-text">
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{t("impact.intended")}</p>
              <p className="govuk-body">{order.outcomes}</p>
            </div>
          ) : null}
          <OrderImpactTable caption={t("impact.heading")} rows={impact} />
          {powers.buyer || powers.evaluator ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="impact" />
              <TextInput {...field("outcome")} label={t("impact.outcome")} />
              <TextInput {...field("measure")} label={t("impact.measure")} hint={t("impact.measureHint")} />
              <TextInput {...field("baseline")} label={t("impact.baseline")} hint={t("impact.valueHint")} width="10" />
              <TextInput {...field("followUp")} label={t("impact.followUp")} hint={t("impact.valueHint")} width="10" />
              <SubmitButton kind="secondary">{t("impact.submit")}</SubmitButton>
            </Form>
          ) : null}
        </>
      ) : null}
    </TwoThirdsPage>
  );
}
