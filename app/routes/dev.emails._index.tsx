import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ParagraphLink } from "~/components/paragraph-link";
import { ItemTable } from "~/components/table";
import { listEmailPreviews } from "~/integrations/email-previews.server";
import { mailboxOpenTo } from "~/integrations/mailbox.server";
import { currentLocale, t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { notFoundPage } from "~/refusals.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("emailPreviews.title"), data);

// Demo tooling like the mailbox, and answering where it answers: 404 anywhere else.
export function loader({ request, context }: LoaderFunctionArgs) {
  if (!mailboxOpenTo(context, request)) throw notFoundPage();
  return { templates: listEmailPreviews(currentLocale()) };
}

export default function EmailPreviews() {
  const { templates } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("emailPreviews.title")}</h1>
      <p className="govuk-body">{t("emailPreviews.lead")}</p>
      <ParagraphLink to="/dev/mailbox">{t("emailPreviews.toMailbox")}</ParagraphLink>
      <ItemTable
        caption={t("emailPreviews.title")}
        captionSize="hidden"
        columns={[
          { label: t("emailPreviews.template"), cell: (template) => <code>{template.name}</code> },
          { label: t("emailPreviews.subject"), cell: (template) => template.subject },
          {
            label: t("emailPreviews.languages"),
            cell: (template) => (
              <span>
                <Link className="govuk-link" to={`/dev/emails/${template.name}?lang=en`} lang="en">
                  {t("language.english")}
                </Link>{" "}
                <Link className="govuk-link" to={`/dev/emails/${template.name}?lang=cy`} lang="cy">
                  {t("language.welsh")}
                </Link>
              </span>
            ),
          },
        ]}
        items={templates}
        rowKey={(template) => template.name}
      />
    </>
  );
}
