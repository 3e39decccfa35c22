import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityId, requireAuthorityPermission, requirePermission, requireUser } from "~/auth/user.server";
import { FormPage } from "~/components/form-page";
import { answeredField, Choices, TextInput, WholeNumberInput } from "~/components/forms";
import { addSetting } from "~/domain/schools/add-setting.server";
import { SETTING_KINDS } from "~/domain/schools/setting-kinds";
import { optionalText, text } from "~/forms/fields";
import { attemptForm } from "~/refusals.server";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

const SettingSchema = z.object({
  kind: z.enum(SETTING_KINDS, { errorMap: () => ({ message: t("setting.error.kind") }) }),
  name: text({ label: t("setting.name"), max: 200, required: t("setting.error.name") }),
  reference: z
    .string({ required_error: t("setting.error.reference") })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,12}$/, t("setting.error.reference")),
  numberOnRoll: z
    .string({ required_error: t("setting.error.numberOnRoll") })
    .trim()
    .regex(/^\d{1,5}$/, t("setting.error.numberOnRoll"))
    .transform(Number)
    .refine((n) => n <= 10_000, t("setting.error.numberOnRoll")),
  postcode: optionalText({ label: t("setting.postcode"), max: 10 }),
  town: optionalText({ label: t("setting.town"), max: 100 }),
});

export const meta: MetaFunction = ({ data }) => pageTitle(t("setting.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  requirePermission(user, "import:schools", { authorityId: requireAuthorityId(user) });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "import:schools");
  const done = await attemptForm(
    request,
    SettingSchema,
    (setting) => addSetting(context.db, { actor: user, authorityId, ...setting, postcode: setting.postcode?.toUpperCase() }),
    { field: "reference", allOnForm: true },
  );
  if (!done.ok) return done.response;
  return redirect(`/directory/${done.value.organisationId}?added=1`);
}

export default function AddSetting() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = (result?.values ?? {}) as Record<string, string | undefined>;
  const field = answeredField(errors, values);
  return (
    <FormPage title={t("setting.title")} lead={t("setting.lead")} submit={t("setting.add")} errors={errors}>
      <Choices {...field("kind")} legend={t("setting.kind")} options={SETTING_KINDS.map((kind) => ({ value: kind, label: t(`setting.kind.${kind}`) }))} />
      <TextInput {...field("name")} label={t("setting.name")} autoComplete="off" />
      <TextInput {...field("reference")} label={t("setting.reference")} hint={t("setting.referenceHint")} width="10" spellCheck={false} autoComplete="off" />
      <WholeNumberInput {...field("numberOnRoll")} label={t("setting.numberOnRoll")} width="5" />
      <TextInput {...field("postcode")} label={t("setting.postcode")} width="10" autoComplete="postal-code" />
      <TextInput {...field("town")} label={t("setting.town")} width="20" />
    </FormPage>
  );
}
