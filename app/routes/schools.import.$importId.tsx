import { ParagraphLink } from "~/components/paragraph-link";
import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { requireAuthorityPermission } from "~/auth/user.server";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { SuccessBanner } from "~/components/success-banner";
import { NotificationBanner } from "~/components/notification-banner";
import { applyGiasImport } from "~/domain/schools/apply-gias-import.server";
import { PREVIEW_LIMIT, type FieldChange } from "~/domain/schools/gias-diff";
import { loadGiasImport } from "~/domain/schools/load-gias-import.server";
import { formatDate } from "~/format";
import { t, type MessageKey } from "~/i18n";
import { attempt, orErrorPage } from "~/refusals.server";

const BUDGET_MS = 4000;
const count = (n: number) => n.toLocaleString("en-GB");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("gias.preview.title", { file: data.file.fileName }) : t("error.notFound.title")} – ${t("service.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "import:schools");
  const preview = await orErrorPage(() => loadGiasImport(context.db, { actor: user, authorityId, importId: params.importId ?? "" }));
  const outcome = new URL(request.url).searchParams.get("outcome");
  return {
    ...preview,
    file: { ...preview.file, createdAt: formatDate(preview.file.createdAt), appliedAt: preview.file.appliedAt ? formatDate(preview.file.appliedAt) : null },
    progress: preview.progress
      ? {
          ...preview.progress,
          startedAt: formatDate(preview.progress.startedAt),
          done: count(preview.progress.done),
          total: count(preview.progress.total),
          soFar: preview.progress.soFar ? Object.fromEntries(Object.entries(preview.progress.soFar).map(([k, v]) => [k, count(v)])) : null,
        }
      : null,
    outcome: outcome === "applied" && preview.file.result ? ("applied" as const) : outcome === "nothing" ? ("nothing" as const) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "import:schools");
  const importId = params.importId ?? "";
  // Batches until a few seconds have passed, each its own transaction; the page then shows how far
  // it got and offers to continue, so a 50,000-school file never holds one request for a minute.
  const started = Date.now();
  for (;;) {
    const done = await attempt(() => applyGiasImport(context.db, { actor: user, authorityId, importId }));
    if (!done.ok) return done.response;
    if (done.value.outcome !== "progress") return redirect(`/schools/import/${importId}?outcome=${done.value.outcome}`, 303);
    if (Date.now() - started > BUDGET_MS) return redirect(`/schools/import/${importId}`, 303);
  }
}

const show = (field: FieldChange["field"], value: string | number | null) =>
  value === null || value === ""
    ? t("gias.field.empty")
    : field === "phase"
      ? t(`phase.${value}` as MessageKey)
      : field === "status"
        ? t(`schoolStatus.${value}` as MessageKey)
        : String(value);

function ChangeList({
  changes,
}: {
  changes: { schoolId: string; urn: string; name: string; fields: FieldChange[]; movedToLaCode?: string; closedOn?: string | null }[];
}) {
  return (
    <>
      {changes.map((c) => (
        <ItemTable
          key={c.schoolId}
          caption={
            <>
              {c.name} ({t("gias.field.urn")} {c.urn})
              {c.movedToLaCode ? <span className="govuk-hint govuk-!-margin-bottom-0">{t("gias.preview.movedTo", { laCode: c.movedToLaCode })}</span> : null}
              {c.closedOn ? <span className="govuk-hint govuk-!-margin-bottom-0">{t("gias.preview.closedOn", { date: formatDate(c.closedOn) })}</span> : null}
            </>
          }
          columns={[
            { label: t("gias.field.field"), cell: (f) => t(`gias.field.${f.field}` as MessageKey) },
            { label: t("gias.field.before"), cell: (f) => show(f.field, f.before) },
            { label: t("gias.field.after"), cell: (f) => show(f.field, f.after) },
          ]}
          items={c.fields}
          rowKey={(f) => f.field}
        />
      ))}
    </>
  );
}

const More = ({ total }: { total: number }) =>
  total > PREVIEW_LIMIT ? <p className="govuk-body">{t("gias.preview.more", { count: total - PREVIEW_LIMIT })}</p> : null;

export default function GiasPreview() {
  const { file, laCode, counts, added, changed, closed, outcome, progress } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const continueForm = useRef<HTMLFormElement>(null);
  // With JavaScript the next batch starts by itself; without it the button does the same.
  useEffect(() => {
    if (progress && !result?.errors && navigation.state === "idle" && continueForm.current) submit(continueForm.current);
  }, [progress, result, navigation.state, submit]);
  const nothing = counts.added + counts.changed + counts.closed === 0;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      {outcome === "applied" && file.result ? (
        <SuccessBanner id="applied" title={t("gias.applied.title")} heading={t("gias.applied.body", file.result)} />
      ) : null}
      {outcome === "nothing" ? <SuccessBanner id="nothing" title={t("gias.nothing.title")} heading={t("gias.nothing.body")} /> : null}
      <h1 className="govuk-heading-l">{t("gias.preview.title", { file: file.fileName })}</h1>
      {progress ? (
        <NotificationBanner id="progress" title={t("gias.progress.title")}>
          <p className="govuk-notification-banner__heading" role="status">
            {t("gias.progress.applied", { done: progress.done, total: progress.total })}
          </p>
          {progress.soFar ? <p className="govuk-body">{t("gias.progress.soFar", progress.soFar)}</p> : null}
          <p className="govuk-body">{t("gias.progress.startedBy", { person: progress.startedByName, date: progress.startedAt })}</p>
          <Form method="post" ref={continueForm}>
            <p className="govuk-body govuk-!-display-none-print">{t("gias.progress.auto")}</p>
            <SubmitButton className="govuk-!-margin-bottom-0" preventDoubleClick>
              {t("gias.progress.continue")}
            </SubmitButton>
          </Form>
        </NotificationBanner>
      ) : null}
      <p className="govuk-body">
        {t("gias.preview.summary", { rows: file.rowsOfAuthority, laCode, total: file.totalRows, person: file.uploadedByName, date: file.createdAt })}
      </p>
      {file.appliedAt ? <p className="govuk-body">{t("gias.preview.appliedBy", { person: file.appliedByName ?? "", date: file.appliedAt })}</p> : null}
      <ul className="govuk-list govuk-list--bullet">
        <li>{t("gias.preview.unchanged", { count: counts.unchanged })}</li>
        {counts.closedNotHeld ? <li>{t("gias.preview.closedNotHeld", { count: counts.closedNotHeld })}</li> : null}
        {counts.heldElsewhere ? <li>{t("gias.preview.heldElsewhere", { count: counts.heldElsewhere })}</li> : null}
      </ul>

      <h2 className="govuk-heading-m">{t("gias.preview.new", { count: counts.added })}</h2>
      <ItemTable
        rowHeader={false}
        columns={[
          { label: t("gias.field.urn"), cell: (a) => a.urn },
          { label: t("gias.field.name"), cell: (a) => a.name },
          { label: t("gias.field.phase"), cell: (a) => t(`phase.${a.phase}` as MessageKey) },
          { label: t("gias.field.typeName"), cell: (a) => a.typeName },
          { label: t("gias.field.numberOnRoll"), numeric: true, cell: (a) => a.numberOnRoll ?? t("gias.field.empty") },
          { label: t("gias.field.postcode"), cell: (a) => a.postcode ?? t("gias.field.empty") },
        ]}
        items={added}
        rowKey={(a) => a.urn}
        empty={t("gias.preview.none")}
      />
      <More total={counts.added} />

      <h2 className="govuk-heading-m">{t("gias.preview.changed", { count: counts.changed })}</h2>
      {changed.length === 0 ? <p className="govuk-body">{t("gias.preview.none")}</p> : <ChangeList changes={changed} />}
      <More total={counts.changed} />

      <h2 className="govuk-heading-m">{t("gias.preview.closed", { count: counts.closed })}</h2>
      {closed.length === 0 ? <p className="govuk-body">{t("gias.preview.none")}</p> : <ChangeList changes={closed} />}
      <More total={counts.closed} />

      {nothing ? <div className="govuk-inset-text">{t("gias.preview.nothing")}</div> : null}
      {progress ? null : (
        <Form method="post">
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              {t("gias.preview.applyWarning")}
            </strong>
          </div>
          <SubmitButton preventDoubleClick>{t("gias.preview.apply")}</SubmitButton>
        </Form>
      )}
      <ParagraphLink to="/schools/import">{t("gias.title")}</ParagraphLink>
    </>
  );
}
