import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ButtonLink } from "~/components/button-link";
import { Details } from "~/components/details";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireActing } from "./purchasing.server";
import { ParagraphLink } from "~/components/paragraph-link";
import { Choices, ErrorSummary, TextArea, SubmitButton, useFormAnswer } from "~/components/forms";
import { langOf, WrittenLanguageNote } from "~/components/offer-language";
import { MovementText, RatingTag } from "~/components/readiness-rating";
import { donePath } from "~/done";
import { consortiumReadiness } from "~/domain/readiness/consortium-readiness.server";
import { respondToReadiness } from "~/domain/readiness/respond-to-readiness.server";
import { READINESS_GROUP_KEYS, READINESS_GROUPS } from "~/domain/readiness/rules";
import { formatDate, formatDateTime } from "~/format";
import { text } from "~/forms/fields";
import { currentLocale, t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm, orErrorPage } from "~/refusals.server";

const ResponseSchema = z.object({
  snapshotId: z.string({ message: t("readiness.error.snapshot") }).max(40, t("readiness.error.snapshot")),
  agrees: z.enum(["yes", "no"], { message: t("readiness.error.agrees") }),
  comment: text({ label: t("readiness.comment"), max: 2000, multiline: true }),
});

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? t("readiness.consortiumTitle", { name: data.consortium.name }) : t("error.notFound.title"), data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  return orErrorPage(() => consortiumReadiness(context.db, { actor: user, authorityId, consortiumId: params.consortiumId ?? "" }));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const consortiumId = params.consortiumId ?? "";
  const done = await attemptForm(request, ResponseSchema, (response) =>
    respondToReadiness(context.db, {
      actor: user,
      authorityId,
      consortiumId,
      snapshotId: response.snapshotId,
      agrees: response.agrees === "yes",
      comment: response.comment,
    }),
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/readiness/${consortiumId}`, "readinessResponded"), { status: 303 });
}

type Snapshot = ReturnType<typeof useLoaderData<typeof loader>>["snapshots"][number];

function Judgements({ snapshot }: { snapshot: Snapshot }) {
  const locale = currentLocale();
  const previousOn = snapshot.previousOn ? formatDate(snapshot.previousOn) : null;
  return (
    <>
      {READINESS_GROUP_KEYS.map((g) => (
        <div key={g}>
          <h3 className="govuk-heading-s">{t(`readiness.group.${g}`)}</h3>
          <dl className="govuk-summary-list">
            {READINESS_GROUPS[g].map((j) => {
              const row = snapshot.judgements.find((x) => x.judgement === j);
              return (
                <div className="govuk-summary-list__row" key={j}>
                  <dt className="govuk-summary-list__key">{t(`readiness.judgement.${j}`)}</dt>
                  <dd className="govuk-summary-list__value">
                    {row ? (
                      <>
                        <RatingTag rating={row.rating} />
                        <MovementText movement={snapshot.moves[j]} previousOn={previousOn} />
                        {row.words.evidence ? (
                          <p className="govuk-body-s app-pre-wrap govuk-!-margin-top-2 govuk-!-margin-bottom-1">
                            <strong>{t("readiness.evidence")}:</strong> <span lang={langOf(row.words, "evidence", locale)}>{row.words.evidence}</span>
                          </p>
                        ) : null}
                        {row.words.rationale ? (
                          <p className="govuk-body-s app-pre-wrap govuk-!-margin-bottom-0">
                            <strong>{t("readiness.rationale")}:</strong> <span lang={langOf(row.words, "rationale", locale)}>{row.words.rationale}</span>
                          </p>
                        ) : null}
                        <WrittenLanguageNote
                          words={row.words}
                          none="language.readiness.notInWelsh"
                          partly="language.readiness.partlyInWelsh"
                          className="govuk-body-s govuk-hint govuk-!-margin-top-1 govuk-!-margin-bottom-0"
                        />
                      </>
                    ) : (
                      t("readiness.notYet")
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
      <h3 className="govuk-heading-s">{t("readiness.responses")}</h3>
      {snapshot.responses.length === 0 ? (
        <p className="govuk-body">{t("readiness.noResponses")}</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {snapshot.responses.map((r) => (
            <li key={r.id}>
              <strong>{t(r.agrees ? "readiness.agreed" : "readiness.disagreed", { name: r.name, date: formatDateTime(r.createdAt) })}</strong>
              {r.comment ? <span className="app-block app-pre-wrap">{r.comment}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function ConsortiumReadiness() {
  const { consortium, snapshots, canRecord, canRespond } = useLoaderData<typeof loader>();
  const { errors, field } = useFormAnswer();
  const [latest, ...earlier] = snapshots;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ParagraphLink to="/readiness">{t("readiness.back")}</ParagraphLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{t("readiness.title")}</span>
        <h1 className="govuk-heading-l">{consortium.name}</h1>
        {canRecord ? (
          <p className="govuk-body">
            <ButtonLink to={`/readiness/${consortium.id}/new`} kind="secondary">
              {t("readiness.record")}
            </ButtonLink>
          </p>
        ) : null}
        {!latest ? (
          <p className="govuk-body">{t("readiness.none")}</p>
        ) : (
          <>
            <h2 className="govuk-heading-m">{t("readiness.latest", { date: formatDate(latest.assessedOn) })}</h2>
            <p className="govuk-body">{t("readiness.recordedBy", { name: latest.recordedBy ?? t("audit.system"), date: formatDate(latest.createdAt) })}</p>
            <Judgements snapshot={latest} />
            {canRespond ? (
              <Form method="post" noValidate>
                <h3 className="govuk-heading-m">{t("readiness.respond")}</h3>
                <input type="hidden" name="snapshotId" value={latest.id} />
                <Choices
                  {...field("agrees")}
                  legend={t("readiness.agreesLegend")}
                  options={[
                    { value: "yes", label: t("readiness.agreesYes") },
                    { value: "no", label: t("readiness.agreesNo") },
                  ]}
                />
                <TextArea {...field("comment")} label={t("readiness.comment")} hint={t("readiness.commentHint")} />
                <SubmitButton preventDoubleClick>{t("readiness.send")}</SubmitButton>
              </Form>
            ) : null}
            {earlier.length > 0 ? (
              <>
                <h2 className="govuk-heading-m">{t("readiness.earlier")}</h2>
                {earlier.map((s) => (
                  <Details key={s.id} summary={t("readiness.assessedOn", { date: formatDate(s.assessedOn) })}>
                    <Judgements snapshot={s} />
                  </Details>
                ))}
              </>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
