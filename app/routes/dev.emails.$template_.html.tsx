import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderEmailPreview } from "~/integrations/email-previews.server";
import { mailboxOpenTo } from "~/integrations/mailbox.server";
import { currentLocale, isLocale } from "~/i18n";
import { notFoundPage } from "~/refusals.server";

/**
 * A template's example as the mail client gets it, for the preview page's frame. Emails carry their
 * styles inline, so this document alone may use inline styles; it runs no script, loads nothing
 * but images, and only the service's own pages may frame it.
 */
export const EMAIL_PREVIEW_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!mailboxOpenTo(context, request)) throw notFoundPage();
  const lang = new URL(request.url).searchParams.get("lang");
  const email = await renderEmailPreview(params.template ?? "", isLocale(lang) ? lang : currentLocale());
  if (!email) throw notFoundPage();
  return new Response(email.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": EMAIL_PREVIEW_POLICY,
      "X-Frame-Options": "SAMEORIGIN",
      "Cache-Control": "no-store",
    },
  });
}
