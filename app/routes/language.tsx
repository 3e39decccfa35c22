import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { languageCookie } from "~/auth/language-cookie.server";
import { getUser } from "~/auth/user.server";
import { chooseLanguage } from "~/domain/identity/choose-language.server";
import { safeRedirect } from "~/domain/identity/rules";
import { donePath } from "~/done";
import { formToObject } from "~/forms.server";
import { LOCALES } from "~/i18n";

// An unknown language changes nothing: the reader goes back to where they were.
const LanguageSchema = z.object({ lang: z.enum(LOCALES).optional().catch(undefined), returnTo: z.string().optional().catch(undefined) });

/**
 * The language switch: a link (so it works without JavaScript, in the GOV.UK pattern) or a form.
 * The choice is kept in a cookie for this browser and, for someone signed in, with their account;
 * then back to the page they were reading, now in the other language, with a banner saying so in it.
 */
async function switchLanguage(request: Request, context: LoaderFunctionArgs["context"], values: Record<string, unknown>) {
  const { lang, returnTo } = LanguageSchema.parse(values);
  const back = safeRedirect(returnTo, "/", context.env.APP_URL);
  if (!lang) return redirect(back);
  const user = await getUser(request, context);
  if (user) await chooseLanguage(context.db, { userId: user.id, authorityId: user.acting?.authorityId ?? null, language: lang });
  return redirect(donePath(back, "languageChanged"), { headers: { "Set-Cookie": languageCookie(lang, context.env.SECURE) } });
}

export const loader = ({ request, context }: LoaderFunctionArgs) => switchLanguage(request, context, Object.fromEntries(new URL(request.url).searchParams));

export const action = async ({ request, context }: ActionFunctionArgs) =>
  switchLanguage(request, context, formToObject(await request.formData().catch(() => new FormData())));
