import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmailText, formatDateTime } from "~/components/mailbox";
import { readMailboxEmail, mailboxEnabled } from "~/integrations/mailbox.server";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.email.subject ?? t("mailbox.title")} – ${t("service.name")}` }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!mailboxEnabled(context.env)) throw new Response("Not found", { status: 404 });
  const email = isUuid(params.id) ? await readMailboxEmail(context.db, params.id) : null;
  if (!email) throw new Response("Not found", { status: 404 });
  return { email: { ...email, createdAt: email.createdAt.toISOString() } };
}

export default function MailboxEmail() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <>
      <Link className="govuk-back-link" to={`/dev/mailbox?to=${encodeURIComponent(email.to ?? "")}`}>
        {t("mailbox.back")}
      </Link>
      <h1 className="govuk-heading-l">{email.subject}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("mailbox.to")}</dt>
          <dd className="govuk-summary-list__value">{email.to}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("mailbox.sent")}</dt>
          <dd className="govuk-summary-list__value">{formatDateTime(email.createdAt)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("mailbox.status")}</dt>
          <dd className="govuk-summary-list__value">{t(`mailbox.status.${email.status}`)}</dd>
        </div>
      </dl>
      {email.text ? <EmailText text={email.text} /> : <p className="govuk-body">{t("mailbox.redacted")}</p>}
    </>
  );
}
