import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { formatDateTime } from "~/components/mailbox";
import { ItemTable } from "~/components/table";
import { isUuid } from "~/domain/ids";
import { failedEmailsPage, retryFailedEmail } from "~/domain/operations/failed-emails.server";
import { SuccessBanner } from "~/components/success-banner";
import { t } from "~/i18n";
import { MAX_ATTEMPTS } from "~/integrations/outbox-rules";
import { attemptForm } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const RetrySchema = z.object({ outboxId: z.string().refine(isUuid, t("refusal.input.chooseEmail")) });

export const meta: MetaFunction = ({ data }) => pageTitle(t("failedEmails.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "retry:outbox");
  const page = await failedEmailsPage(context.db, { actor: user, authorityId });
  const retried = new URL(request.url).searchParams.get("retried");
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastTriedAt: r.lastTriedAt.toISOString() })),
    confirmation: retried ? t("failedEmails.retried", { recipient: retried }) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "retry:outbox");
  const done = await attemptForm(request, RetrySchema, (data) => retryFailedEmail(context.db, { actor: user, authorityId, outboxId: data.outboxId }));
  if (!done.ok) return done.response;
  return redirect(`/admin/outbox?retried=${encodeURIComponent(done.value.recipient ?? t("failedEmails.noRecipient"))}`);
}

export default function FailedEmails() {
  const { rows, can, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <ErrorSummary
        errors={
          errors
            ? {
                form: Object.values(errors)
                  .flat()
                  .filter((m): m is string => Boolean(m)),
              }
            : null
        }
      />
      {confirmation && !errors ? <SuccessBanner id="retried" title={t("failedEmails.retried.title")} heading={confirmation} /> : null}
      <h1 className="govuk-heading-l">{t("failedEmails.title")}</h1>
      <p className="govuk-body">{t("failedEmails.lead", { attempts: MAX_ATTEMPTS })}</p>
      <ItemTable
        caption={t("failedEmails.caption")}
        columns={[
          { label: t("failedEmails.what"), cell: (row) => row.topic },
          { label: t("failedEmails.recipient"), cell: (row) => row.recipient ?? t("failedEmails.noRecipient") },
          { label: t("failedEmails.attempts"), numeric: true, cell: (row) => row.attempts },
          { label: t("failedEmails.lastError"), cell: (row) => row.lastError ?? "" },
          { label: t("failedEmails.written"), cell: (row) => formatDateTime(row.createdAt) },
          { label: t("failedEmails.lastTried"), cell: (row) => formatDateTime(row.lastTriedAt) },
          {
            label: t("failedEmails.action"),
            cell: (row) =>
              can.retry ? (
                <Form method="post" className="app-inline-form">
                  <input type="hidden" name="outboxId" value={row.id} />
                  <SubmitButton kind="secondary" className="govuk-!-margin-bottom-0">
                    {t("failedEmails.retry")}
                    <span className="govuk-visually-hidden">
                      {" "}
                      {row.topic} {row.recipient ?? ""}
                    </span>
                  </SubmitButton>
                </Form>
              ) : null,
          },
        ]}
        items={rows}
        empty={t("failedEmails.none")}
      />
    </>
  );
}
