import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { SummaryRow } from "~/components/summary-row";
import { EmailText, formatDateTime } from "~/components/mailbox";
import { readMailboxEmail, mailboxOpenTo } from "~/integrations/mailbox.server";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { notFoundPage } from "~/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.email.subject ?? t("mailbox.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!mailboxOpenTo(context, request)) throw notFoundPage();
  const email = isUuid(params.id) ? await readMailboxEmail(context.db, params.id) : null;
  if (!email) throw notFoundPage();
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
        <SummaryRow label={t("mailbox.to")}>{email.to}</SummaryRow>
        <SummaryRow label={t("mailbox.sent")}>{formatDateTime(email.createdAt)}</SummaryRow>
        <SummaryRow label={t("mailbox.status")}>{t(`mailbox.status.${email.status}`)}</SummaryRow>
      </dl>
      {email.text ? <EmailText text={email.text} /> : <p className="govuk-body">{t("mailbox.redacted")}</p>}
    </>
  );
}
