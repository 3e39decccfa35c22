import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { requireActing } from "./purchasing.server";
import { FormPage } from "~/components/form-page";
import { Choices, Select, TextInput, useFormAnswer } from "~/components/forms";
import { createConsortium } from "~/domain/consortia/create-consortium.server";
import { newConsortiumForm } from "~/domain/consortia/pages.server";
import { isUuid } from "~/domain/ids";
import { hasControlCharacters } from "~/forms/fields";
import { t } from "~/i18n";
import { attemptForm, orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const PHASES = ["primary", "secondary", "special", "cross_phase"] as const;

const NewConsortiumSchema = z.object({
  name: z
    .string({ required_error: t("consortia.error.name") })
    .trim()
    .min(1, t("consortia.error.name"))
    .max(120, t("consortia.error.name"))
    .refine((v) => !hasControlCharacters(v), t("consortia.error.name")),
  phase: z.enum(PHASES, { errorMap: () => ({ message: t("consortia.error.phase") }) }),
  lead: z.string({ required_error: t("consortia.error.lead") }).refine(isUuid, t("consortia.error.lead")),
  chair: z.string({ required_error: t("consortia.error.chair") }).refine(isUuid, t("consortia.error.chair")),
});

export const meta: MetaFunction = ({ data }) => pageTitle(t("consortia.new.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  return orErrorPage(() => newConsortiumForm(context.db, { actor: user, authorityId }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "manage:consortia");
  const done = await attemptForm(request, NewConsortiumSchema, ({ name, phase, lead, chair }) =>
    createConsortium(context.db, { actor: user, authorityId, name, phase, leadUserId: lead, chairUserId: chair }),
  );
  if (!done.ok) return done.response;
  return redirect(`/consortia?created=${done.value.id}`, { status: 303 });
}

export default function NewConsortium() {
  const { heads } = useLoaderData<typeof loader>();
  const { errors, field } = useFormAnswer();
  const people = [{ value: "", label: t("consortia.new.choose") }, ...heads.map((h) => ({ value: h.id, label: `${h.name} (${h.email})` }))];
  return (
    <FormPage title={t("consortia.new.title")} submit={t("consortia.new.submit")} errors={errors}>
      <TextInput {...field("name")} label={t("consortia.name")} hint={t("consortia.new.nameHint")} />
      <Choices {...field("phase")} legend={t("consortia.phase")} options={PHASES.map((p) => ({ value: p, label: t(`consortia.phase.${p}`) }))} />
      <Select {...field("lead")} label={t("consortia.leadPerson")} hint={t("consortia.new.leadHint")} options={people} />
      <Select {...field("chair")} label={t("consortia.chairPerson")} hint={t("consortia.new.chairHint")} options={people} />
    </FormPage>
  );
}
