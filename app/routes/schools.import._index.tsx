import { ParagraphLink } from "~/components/paragraph-link";
import { ItemTable } from "~/components/table";
import { donePath } from "~/done";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { can } from "~/auth/permissions";
import { requireAuthorityPermission } from "~/auth/user.server";
import { CsvFileUpload, SubmitButton } from "~/components/forms";
import { TwoThirdsPage } from "~/components/form-page";
import { loadGiasImports } from "~/domain/schools/load-gias-import.server";
import { uploadGiasImport } from "~/domain/schools/upload-gias-import.server";
import { GIAS_UPLOAD_LIMIT_BYTES } from "~/domain/schools/upload-limit";
import { formatDate } from "~/format";
import { invalid } from "~/forms.server";
import { t } from "~/i18n";
import { orErrorPage, attempt } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const megabytes = GIAS_UPLOAD_LIMIT_BYTES / 1024 / 1024;

export const meta: MetaFunction = ({ data }) => pageTitle(t("gias.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "import:schools");
  const { laCode, recent } = await orErrorPage(() => loadGiasImports(context.db, { actor: user, authorityId }));
  return {
    laCode,
    recent: recent.map((r) => ({ ...r, createdAt: formatDate(r.createdAt), appliedAt: r.appliedAt ? formatDate(r.appliedAt) : null })),
    maySetLaCode: can(user.grants, "manage:authority-settings", { authorityId }),
  };
}

const tooLarge = () => invalid({ file: [t("gias.error.tooLarge", { megabytes })] }, {}, 413);

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "import:schools");
  // Refuse an oversized file before reading it, when the browser says how big it is.
  if (Number(request.headers.get("content-length") ?? 0) > GIAS_UPLOAD_LIMIT_BYTES + 64 * 1024) return tooLarge();
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: GIAS_UPLOAD_LIMIT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    return invalid({ file: [t("gias.error.choose")] });
  }
  const file = formData.get("file");
  if (!file || typeof file === "string" || (file.size === 0 && !file.name)) return invalid({ file: [t("gias.error.choose")] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const done = await attempt(
    () => uploadGiasImport(context.db, { actor: user, authorityId, fileName: file.name, bytes }),
    {},
    { field: "file", allOnForm: true },
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/schools/import/${done.value.importId}`, "importUploaded"));
}

export default function ImportSchools() {
  const { laCode, maySetLaCode, recent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <TwoThirdsPage title={t("gias.title")} lead={t("gias.lead")} errors={errors}>
      {laCode ? (
        <p className="govuk-body">{t("gias.laCode", { laCode })}</p>
      ) : (
        <p className="govuk-body">
          {t("gias.error.noLaCode")}.{" "}
          {maySetLaCode ? (
            <Link className="govuk-link" to="/authority/settings">
              {t("settings.setLaCode")}
            </Link>
          ) : null}
        </p>
      )}
      <Form method="post" encType="multipart/form-data" noValidate>
        <CsvFileUpload label={t("gias.file")} labelClass="govuk-label govuk-label--s" hint={t("gias.fileHint", { megabytes })} errors={errors} />
        <SubmitButton>{t("gias.upload")}</SubmitButton>
      </Form>
      <ParagraphLink to="/schools/new">{t("home.task.addSetting")}</ParagraphLink>
      <h2 className="govuk-heading-m">{t("gias.recent")}</h2>
      <ItemTable
        rowHeader={false}
        columns={[
          { label: t("gias.recent.file"), link: (r) => `/schools/import/${r.id}`, cell: (r) => r.fileName },
          { label: t("gias.recent.uploaded"), cell: (r) => r.createdAt },
          { label: t("gias.recent.applied"), cell: (r) => r.appliedAt ?? t("gias.recent.notApplied") },
        ]}
        items={recent}
        empty={t("gias.recent.none")}
      />
    </TwoThirdsPage>
  );
}
