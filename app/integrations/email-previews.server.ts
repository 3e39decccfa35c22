// Every email the product sends, written with its template's example props (PreviewProps), for
// people to see in the demo's tooling how each one reads in English and in Welsh.
import { renderEmail, templates, type EmailName } from "#emails/index";
import type { Locale } from "~/i18n";
import { runInLocale } from "~/i18n/request-locale.server";

const isEmailName = (name: string): name is EmailName => Object.hasOwn(templates, name);

const previewPropsOf = (name: EmailName) => (templates[name].component as unknown as { PreviewProps?: Record<string, unknown> }).PreviewProps ?? {};

/** The name of each template and its example's subject line in this language, in the order they are registered. */
export function listEmailPreviews(locale: Locale) {
  return runInLocale(locale, () =>
    (Object.keys(templates) as EmailName[]).map((name) => ({
      name,
      subject: (templates[name].subject as (p: unknown) => string)(previewPropsOf(name)),
    })),
  );
}

/** A template's example written in this language (subject, HTML, text); null when there is no such template. */
export async function renderEmailPreview(name: string, locale: Locale) {
  if (!isEmailName(name)) return null;
  return renderEmail(name, previewPropsOf(name) as never, locale);
}
