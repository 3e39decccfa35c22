import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listMailbox, mailboxEnabled } from "~/integrations/mailbox.server";
import { formatDateTime } from "~/components/mailbox";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("mailbox.title")} – ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!mailboxEnabled(context.env)) throw new Response("Not found", { status: 404 });
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
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="to">
            {t("mailbox.filter")}
          </label>
          <input className="govuk-input govuk-input--width-30" id="to" name="to" type="email" spellCheck={false} defaultValue={to} />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("mailbox.filterButton")}
          </button>
          {to ? (
            <Link className="govuk-link" to="/dev/mailbox">
              {t("mailbox.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {emails.length === 0 ? (
        <p className="govuk-body">{t("mailbox.none")}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("mailbox.title")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("mailbox.to")}</th>
              <th scope="col" className="govuk-table__header">{t("mailbox.subject")}</th>
              <th scope="col" className="govuk-table__header">{t("mailbox.sent")}</th>
              <th scope="col" className="govuk-table__header">{t("mailbox.status")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {emails.map((e) => (
              <tr className="govuk-table__row" key={e.id}>
                <td className="govuk-table__cell">{e.to}</td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/dev/mailbox/${e.id}`}>
                    {e.subject}
                  </Link>
                </td>
                <td className="govuk-table__cell">{formatDateTime(e.createdAt)}</td>
                <td className="govuk-table__cell">{t(`mailbox.status.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
