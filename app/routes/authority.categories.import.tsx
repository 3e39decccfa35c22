import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { SuccessBanner } from "~/components/success-banner";
import { importCategories } from "~/domain/categories/import-categories.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { formatDate } from "~/format";
import { invalid } from "~/forms.server";
import { t } from "~/i18n";
import { attempt, forbidden } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const MAX_BYTES = 1_000_000;

export const meta: MetaFunction = ({ data }) => pageTitle(t("categoryImport.title"), data);

function requireAdmin(user: Awaited<ReturnType<typeof requireUser>>) {
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "set:category", { authorityId });
  if (!user.grants.some((g) => g.role === "la_admin")) throw forbidden(t("categoryImport.title"));
  return authorityId;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  requireAdmin(user);
  const applied = Number(new URL(request.url).searchParams.get("applied"));
  return { applied: Number.isSafeInteger(applied) && applied > 0 ? applied : null };
}

/** The file (first step) or the text it held (the apply step carries it in the form). */
async function readUpload(request: Request): Promise<{ csv: string; apply: boolean } | null> {
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BYTES * 2) return null;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const apply = form.get("intent") === "apply";
  const carried = form.get("csv");
  if (apply && typeof carried === "string") {
    try {
      const csv = decodeURIComponent(carried);
      return csv.length <= MAX_BYTES ? { csv, apply } : null;
    } catch {
      return null;
    }
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0 || file.size > MAX_BYTES) return null;
  const csv = await file.text();
  return csv.includes("\u0000") ? null : { csv, apply: false };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAdmin(user);
  const upload = await readUpload(request);
  if (!upload) return invalid({ file: [t("categoryImport.error.file")] });
  const done = await attempt(() =>
    importCategories(context.db, { actor: user, authorityId, csv: upload.csv, apply: upload.apply, today: londonToday(new Date()) }),
  );
  if (!done.ok) return done.response;
  const { rows, errors, applied } = done.value;
  if (applied) return redirect(`/authority/categories/import?applied=${applied}`, { status: 303 });
  const preview = {
    ok: true as const,
    errors: errors.length ? { form: [t("categoryImport.errorsHeading")] } : null,
    lineErrors: errors,
    rows: rows.map((r) => ({
      line: r.line,
      urn: r.urn,
      name: r.school.name,
      before: r.school.category,
      category: r.category,
      decidedOn: r.decidedOn,
      academicYear: r.academicYear,
    })),
    csv: encodeURIComponent(upload.csv),
  };
  // A file with bad rows is refused whole: nothing was written.
  return data(preview, { status: errors.length ? 400 : 200 });
}

export default function ImportCategories() {
  const { applied } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const preview = result && "rows" in result ? result : null;
  return (
    <>
      <SuccessBanner title={t("banner.success")}>{applied ? t("categoryImport.applied", { count: applied }) : null}</SuccessBanner>
      <ErrorSummary errors={result?.errors} />
      <h1 className="govuk-heading-l">{t("categoryImport.title")}</h1>
      <p className="govuk-body">{t("categoryImport.lead")}</p>
      <Form method="post" encType="multipart/form-data">
        <div className={`govuk-form-group${result?.errors && "file" in result.errors ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="file">
            {t("categoryImport.file")}
          </label>
          {result?.errors && "file" in result.errors ? (
            <p id="file-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {result.errors.file?.[0]}
            </p>
          ) : null}
          <input className="govuk-file-upload" id="file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <SubmitButton intent="preview" kind="secondary">
          {t("categoryImport.preview")}
        </SubmitButton>
      </Form>
      {preview && preview.lineErrors.length ? (
        <ItemTable
          caption={t("categoryImport.errorsHeading")}
          captionSize="m"
          rowHeader={false}
          columns={[
            { label: t("categoryImport.line"), cell: (e) => e.line },
            { label: t("categoryImport.problem"), cell: (e) => e.message },
          ]}
          items={preview.lineErrors}
          rowKey={(e) => `${e.line}-${e.message}`}
        />
      ) : null}
      {preview && preview.lineErrors.length === 0 && preview.rows.length ? (
        <Form method="post">
          <ItemTable
            compact
            caption={t("categoryImport.previewHeading", { count: preview.rows.length })}
            captionSize="m"
            rowHeader={false}
            columns={[
              { label: t("categoryImport.line"), cell: (r) => r.line },
              { label: t("consortiumSchools.school"), cell: (r) => r.name },
              { label: t("consortiumSchools.urn"), cell: (r) => r.urn },
              { label: t("schoolCategory.year"), cell: (r) => r.academicYear },
              { label: t("categoryImport.previous"), cell: (r) => r.before ?? "–" },
              { label: t("schoolCategory.category"), cell: (r) => r.category },
              { label: t("schoolCategory.decidedOn"), cell: (r) => formatDate(r.decidedOn) },
            ]}
            items={preview.rows}
            rowKey={(r) => r.line}
          />
          <input type="hidden" name="csv" value={preview.csv} />
          <SubmitButton intent="apply">{t("categoryImport.apply")}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
