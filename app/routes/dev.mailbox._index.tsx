import { SubmitButton } from "~/components/forms";
import { ParagraphLink } from "~/components/paragraph-link";
import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { listMailbox, mailboxOpenTo } from "~/integrations/mailbox.server";
import { formatDateTime } from "~/components/mailbox";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { notFoundPage } from "~/refusals.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("mailbox.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!mailboxOpenTo(context, request)) throw notFoundPage();
  const to = new URL(request.url).searchParams.get("to")?.trim().toLowerCase().slice(0, 254) || undefined;
  const emails = await listMailbox(context.db, { to });
  return { to: to ?? "", emails: emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
}

export default function Mailbox() {
  const { to, emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("mailbox.title")}</h1>
      <p className="govuk-body">{t("mailbox.lead")}</p>
      <ParagraphLink to="/dev/emails">{t("emailPreviews.link")}</ParagraphLink>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="to">
            {t("mailbox.filter")}
          </label>
          <input className="govuk-input govuk-input--width-30" id="to" name="to" type="email" spellCheck={false} defaultValue={to} />
        </div>
        <div className="govuk-button-group">
          <SubmitButton kind="secondary">{t("mailbox.filterButton")}</SubmitButton>
          {to ? (
            <Link className="govuk-link" to="/dev/mailbox">
              {t("mailbox.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      <ItemTable
        caption={t("mailbox.title")}
        captionSize="hidden"
        rowHeader={false}
        columns={[
          { label: t("mailbox.to"), cell: (e) => e.to },
          { label: t("mailbox.subject"), link: (e) => `/dev/mailbox/${e.id}`, cell: (e) => e.subject },
          { label: t("mailbox.sent"), cell: (e) => formatDateTime(e.createdAt) },
          { label: t("mailbox.status"), cell: (e) => t(`mailbox.status.${e.status}`) },
        ]}
        items={emails}
        empty={t("mailbox.none")}
      />
    </>
  );
}
