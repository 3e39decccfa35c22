import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Details } from "~/components/details";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { Choices, DateInput, TextArea, type FieldErrors, SubmitButton } from "~/components/forms";
import { TwoThirdsPage } from "~/components/form-page";
import { donePath } from "~/done";
import { consortiumReadiness } from "~/domain/readiness/consortium-readiness.server";
import { recordReadiness, type JudgementInput } from "~/domain/readiness/record-readiness.server";
import { READINESS_GROUP_KEYS, READINESS_GROUPS, READINESS_JUDGEMENTS, READINESS_RATINGS, type ReadinessJudgement } from "~/domain/readiness/rules";
import { londonIsoDate } from "~/format";
import { date, text, withDateInputs } from "~/forms/fields";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm, orErrorPage } from "~/refusals.server";

const judgementFields = Object.fromEntries(
  READINESS_JUDGEMENTS.flatMap((j) => {
    const name = t(`readiness.judgement.${j}`);
    return [
      [`rating_${j}`, z.enum(READINESS_RATINGS, { message: t("readiness.error.rating", { judgement: name }) })],
      [
        `evidence_${j}`,
        text({
          label: t("readiness.evidenceOf", { judgement: name }),
          max: 4000,
          multiline: true,
          required: t("readiness.error.evidence", { judgement: name }),
        }),
      ],
      [`rationale_${j}`, text({ label: t("readiness.rationaleOf", { judgement: name }), max: 4000, multiline: true })],
      [`evidenceCy_${j}`, text({ label: t("readiness.field.evidenceCy", { judgement: name }), max: 4000, multiline: true })],
      [`rationaleCy_${j}`, text({ label: t("readiness.field.rationaleCy", { judgement: name }), max: 4000, multiline: true })],
    ];
  }),
);

const ReadinessSchema = withDateInputs(
  ["assessedOn"],
  z.object({ assessedOn: date({ label: t("readiness.assessedOnLabel"), required: t("readiness.error.assessedOn") }), ...judgementFields }).transform((v) => {
    const values = v as Record<string, string>;
    const judgements = Object.fromEntries(
      READINESS_JUDGEMENTS.map((j) => [
        j,
        {
          rating: values[`rating_${j}`],
          evidence: values[`evidence_${j}`],
          rationale: values[`rationale_${j}`],
          evidenceCy: values[`evidenceCy_${j}`],
          rationaleCy: values[`rationaleCy_${j}`],
        },
      ]),
    ) as Record<ReadinessJudgement, JudgementInput>;
    return { assessedOn: values.assessedOn, judgements };
  }),
);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? t("readiness.newTitle", { name: data.consortium.name }) : t("error.notFound.title"), data);

async function requireRecorder(args: LoaderFunctionArgs) {
  const user = await requireUser(args.request, args.context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "record:readiness", { authorityId });
  return { user, authorityId, consortiumId: args.params.consortiumId ?? "" };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, authorityId, consortiumId } = await requireRecorder(args);
  const page = await orErrorPage(() => consortiumReadiness(args.context.db, { actor: user, authorityId, consortiumId }));
  return { consortium: page.consortium, latest: page.snapshots[0] ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const { user, authorityId, consortiumId } = await requireRecorder(args);
  const done = await attemptForm(args.request, ReadinessSchema, (readiness) =>
    recordReadiness(args.context.db, { actor: user, authorityId, consortiumId, ...readiness, today: londonIsoDate(new Date()) }),
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/readiness/${consortiumId}`, "readinessRecorded"), { status: 303 });
}

type Before = { evidenceCy: string; rationaleCy: string } | undefined;

/** A judgement's evidence and rationale text areas, in English or, with welsh, in Welsh. */
function JudgementTexts({
  judgement,
  welsh = false,
  errors,
  evidence,
  rationale,
}: {
  judgement: ReadinessJudgement;
  welsh?: boolean;
  errors: FieldErrors | null | undefined;
  evidence: string | undefined;
  rationale: string | undefined;
}) {
  const name = t(`readiness.judgement.${judgement}`);
  const labels = welsh
    ? { evidence: t("readiness.evidenceCyOf", { judgement: name }), rationale: t("readiness.rationaleCyOf", { judgement: name }) }
    : { evidence: t("readiness.evidenceOf", { judgement: name }), rationale: t("readiness.rationaleOf", { judgement: name }) };
  const suffix = `${welsh ? "Cy" : ""}_${judgement}`;
  return [
    { name: `evidence${suffix}`, label: labels.evidence, rows: 3, defaultValue: evidence },
    { name: `rationale${suffix}`, label: labels.rationale, rows: 2, defaultValue: rationale },
  ].map((field) => <TextArea key={field.name} {...field} errors={errors} lang={welsh ? "cy" : undefined} />);
}

/** A judgement's evidence and rationale in Welsh, folded away unless given (or wrong). */
function WelshJudgement({
  judgement,
  errors,
  values,
  before,
}: {
  judgement: ReadinessJudgement;
  errors: FieldErrors | null | undefined;
  values: Record<string, string> | null;
  before: Before;
}) {
  const evidenceCy = values ? values[`evidenceCy_${judgement}`] : before?.evidenceCy;
  const rationaleCy = values ? values[`rationaleCy_${judgement}`] : before?.rationaleCy;
  const open = Boolean(evidenceCy || rationaleCy || errors?.[`evidenceCy_${judgement}`] || errors?.[`rationaleCy_${judgement}`]);
  return (
    <Details summary={t("readiness.welshSummary")} open={open}>
      <JudgementTexts judgement={judgement} welsh errors={errors} evidence={evidenceCy} rationale={rationaleCy} />
    </Details>
  );
}

export default function NewReadiness() {
  const { consortium, latest } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = (result?.values ?? null) as Record<string, string> | null;
  const before = (j: ReadinessJudgement) => latest?.judgements.find((x) => x.judgement === j);
  return (
    <TwoThirdsPage caption={consortium.name} title={t("readiness.newHeading")} lead={t("readiness.newLead")} errors={errors}>
      {latest ? <p className="govuk-body">{t("readiness.prefilled")}</p> : null}
      <Form method="post" noValidate>
        <DateInput name="assessedOn" legend={t("readiness.assessedOnLabel")} hint={t("readiness.assessedOnHint")} errors={errors} values={values} />
        {READINESS_GROUP_KEYS.map((g) => (
          <div key={g}>
            <h2 className="govuk-heading-m">{t(`readiness.group.${g}`)}</h2>
            {READINESS_GROUPS[g].map((j) => (
              <div key={j} className="govuk-!-margin-bottom-6">
                <h3 className="govuk-heading-s">{t(`readiness.judgement.${j}`)}</h3>
                <Choices
                  name={`rating_${j}`}
                  legend={t("readiness.ratingOf", { judgement: t(`readiness.judgement.${j}`) })}
                  errors={errors}
                  small
                  defaultValue={values ? values[`rating_${j}`] : before(j)?.rating}
                  options={[...READINESS_RATINGS].reverse().map((r) => ({ value: r, label: t(`readiness.rating.${r}`) }))}
                />
                <JudgementTexts
                  judgement={j}
                  errors={errors}
                  evidence={values ? values[`evidence_${j}`] : before(j)?.evidence}
                  rationale={values ? values[`rationale_${j}`] : before(j)?.rationale}
                />
                <WelshJudgement judgement={j} errors={errors} values={values} before={before(j)} />
              </div>
            ))}
          </div>
        ))}
        <div className="govuk-button-group">
          <SubmitButton preventDoubleClick>{t("readiness.save")}</SubmitButton>
          <Link className="govuk-link" to={`/readiness/${consortium.id}`}>
            {t("readiness.cancel")}
          </Link>
        </div>
      </Form>
    </TwoThirdsPage>
  );
}
