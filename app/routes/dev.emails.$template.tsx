import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ParagraphLink } from "~/components/paragraph-link";
import { EmailText } from "~/components/mailbox";
import { renderEmailPreview } from "~/integrations/email-previews.server";
import { mailboxOpenTo } from "~/integrations/mailbox.server";
import { currentLocale, isLocale, t, type Locale } from "~/i18n";
import { pageTitle } from "~/page-title";
import { notFoundPage } from "~/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.email.subject ?? t("emailPreviews.title"), data);

const languageName = (locale: Locale) => t(locale === "cy" ? "language.welsh" : "language.english");

// One template written with its example props, in the language asked for (?lang=en|cy) or the reader's.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!mailboxOpenTo(context, request)) throw notFoundPage();
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : currentLocale();
  const email = await renderEmailPreview(params.template ?? "", locale);
  if (!email) throw notFoundPage();
  return { name: params.template ?? "", locale, email };
}

export default function EmailPreview() {
  const { name, locale, email } = useLoaderData<typeof loader>();
  const other: Locale = locale === "cy" ? "en" : "cy";
  return (
    <>
      <Link className="govuk-back-link" to="/dev/emails">
        {t("emailPreviews.back")}
      </Link>
      <span className="govuk-caption-l">{t("emailPreviews.inLanguage", { template: name, language: languageName(locale) })}</span>
      <h1 className="govuk-heading-l" lang={locale}>
        {email.subject}
      </h1>
      <ParagraphLink to={`/dev/emails/${name}?lang=${other}`}>{t("emailPreviews.otherLanguage", { language: languageName(other) })}</ParagraphLink>
      <h2 className="govuk-heading-m">{t("emailPreviews.html")}</h2>
      <iframe
        title={t("emailPreviews.htmlFrame")}
        sandbox=""
        src={`/dev/emails/${name}/html?lang=${locale}`}
        width="100%"
        height="640"
        className="govuk-!-margin-bottom-6"
      />
      <h2 className="govuk-heading-m">{t("emailPreviews.text")}</h2>
      <div lang={locale}>
        <EmailText text={email.text} />
      </div>
    </>
  );
}
