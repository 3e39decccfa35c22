import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormPage } from "~/components/form-page";
import { Choices, WholeNumberInput, useFormAnswer } from "~/components/forms";
import { donePath } from "~/done";
import { LA_CODE, loadAuthoritySettings, saveAuthoritySettings } from "~/domain/authority/authority-settings.server";
import { hasControlCharacters, text } from "~/forms/fields";
import { t } from "~/i18n";
import { LANGUAGES } from "#db/schema/vocabulary";
import { pageTitle } from "~/page-title";
import { attemptForm } from "~/refusals.server";
import { actingPageLoader, requireActing } from "./purchasing.server";

const SettingsSchema = z.object({
  // One message a field: what the shared text check refuses (empty, control characters, far too long) it says itself.
  laCode: text({ label: t("settings.laCode.label"), max: 40, required: t("settings.laCode.required"), tooLong: t("settings.laCode.invalid") }).refine(
    (v) => v === "" || v.length > 40 || hasControlCharacters(v) || LA_CODE.test(v),
    t("settings.laCode.invalid"),
  ),
  defaultLanguage: z.enum(LANGUAGES, { errorMap: () => ({ message: t("settings.language.required") }) }),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("settings.title"), data);

export const loader = actingPageLoader(loadAuthoritySettings);

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  const done = await attemptForm(request, SettingsSchema, (settings) => saveAuthoritySettings(context.db, { actor, authorityId, ...settings }), {
    field: "laCode",
  });
  if (!done.ok) return done.response;
  return redirect(donePath("/authority/settings", "authoritySettingsSaved"), { status: 303 });
}

export default function AuthoritySettingsPage() {
  const settings = useLoaderData<typeof loader>();
  const { errors, field } = useFormAnswer();
  return (
    <FormPage caption={settings.name} title={t("settings.title")} lead={t("settings.lead")} submit={t("settings.submit")} errors={errors}>
      <WholeNumberInput {...field("laCode", settings.laCode ?? "")} label={t("settings.laCode")} hint={t("settings.laCodeHint")} />
      <Choices
        {...field("defaultLanguage", settings.defaultLanguage)}
        legend={t("settings.language")}
        hint={t("settings.languageHint")}
        options={LANGUAGES.map((language) => ({ value: language, label: <span lang={language}>{t(`settings.language.${language}`)}</span> }))}
      />
    </FormPage>
  );
}
