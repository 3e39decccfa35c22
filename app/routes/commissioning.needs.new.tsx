import { donePath } from "~/done";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { FormPage } from "~/components/form-page";
import { Choices, DateInput, PoundsInput, Select, TextArea, TextInput } from "~/components/forms";
import { addDays } from "date-fns";
import { formatDateInputExample } from "~/format";
import { OFFER_PHASES, SUBJECT_AREAS } from "~/db.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { commissionerAreas, publishNeed } from "~/domain/commissioning/needs.server";
import { manyOf } from "~/forms.server";
import { date, optionalMoney, text, withDateInputs } from "~/forms/fields";
import { t } from "~/i18n";
import { attemptForm } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const NeedSchema = withDateInputs(
  ["closesOn"],
  z
    .object({
      subjectArea: z.enum(SUBJECT_AREAS, { message: t("refusal.subjectLeads.chooseSubjectArea") }),
      phases: manyOf(z.enum(OFFER_PHASES, { message: t("refusal.input.phasesFromList") })).pipe(z.array(z.string()).min(1, t("refusal.input.atLeastOnePhase"))),
      title: text({ label: t("refusal.label.title"), max: 150, required: t("refusal.input.whatIsWanted"), tooLong: t("refusal.input.keepItTo", { max: 150 }) }),
      description: text({
        label: t("refusal.label.description"),
        max: 5000,
        multiline: true,
        required: t("refusal.input.describeWanted"),
        tooLong: t("refusal.input.keepItTo", { max: 5000 }),
      }),
      titleCy: text({ label: t("need.titleCy"), max: 150 }),
      descriptionCy: text({ label: t("need.descriptionCy"), max: 5000, multiline: true }),
      budget: optionalMoney({ label: t("refusal.label.budget"), invalid: t("refusal.input.budgetInPounds") }),
      closesOn: date({ label: t("refusal.label.closingDate"), required: t("refusal.input.closingDate") }),
    })
    .transform((v, ctx) => {
      const iso = v.closesOn;
      if (iso < londonToday(new Date())) {
        ctx.addIssue({ code: "custom", path: ["closesOn"], message: t("refusal.commissioning.closingDateMustToday") });
        return z.NEVER;
      }
      return {
        subjectArea: v.subjectArea,
        phases: v.phases as (typeof OFFER_PHASES)[number][],
        title: v.title,
        description: v.description,
        titleCy: v.titleCy,
        descriptionCy: v.descriptionCy,
        budgetPence: v.budget,
        closesOn: iso,
      };
    }),
);

export const meta: MetaFunction = ({ data }) => pageTitle(t("need.new"), data);

function requireCommissioner(user: Awaited<ReturnType<typeof requireUser>>) {
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "publish:need", { authorityId });
  return authorityId;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireCommissioner(user);
  const areas = commissionerAreas(user, authorityId);
  return { subjectAreas: areas === "all" ? [...SUBJECT_AREAS] : SUBJECT_AREAS.filter((s) => areas.includes(s)), phases: OFFER_PHASES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireCommissioner(user);
  const done = await attemptForm(request, NeedSchema, (input) => publishNeed(context.db, { actor: user, authorityId, input, appUrl: context.env.APP_URL }));
  if (!done.ok) return done.response;
  return redirect(donePath(`/commissioning/needs/${done.value.id}`, "needPublished"));
}

const one = (v: unknown) => (typeof v === "string" ? v : null);

export default function NewNeed() {
  const { subjectAreas, phases } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = (result?.values ?? {}) as Record<string, string | string[]>;
  return (
    <FormPage title={t("need.new")} submit={t("need.publish")} errors={errors}>
      <Select
        name="subjectArea"
        label={t("need.subjectArea")}
        errors={errors}
        options={subjectAreas.map((s) => ({ value: s, label: t(`subjectArea.${s}`) }))}
        defaultValue={one(values.subjectArea)}
      />
      <Choices
        name="phases"
        type="checkbox"
        small
        legend={t("need.phases")}
        errors={errors}
        options={phases.map((p) => ({ value: p, label: t(`offerPhase.${p}`) }))}
        defaultValue={values.phases}
      />
      <TextInput name="title" label={t("need.title")} errors={errors} defaultValue={one(values.title)} />
      <TextArea name="description" label={t("need.description")} hint={t("need.descriptionHint")} errors={errors} defaultValue={one(values.description)} />
      <TextInput name="titleCy" label={t("need.titleCy")} hint={t("need.welshHint")} errors={errors} defaultValue={one(values.titleCy)} lang="cy" />
      <TextArea name="descriptionCy" label={t("need.descriptionCy")} errors={errors} defaultValue={one(values.descriptionCy)} lang="cy" />
      <PoundsInput name="budget" label={t("need.budget")} errors={errors} defaultValue={one(values.budget)} width="10" />
      <DateInput
        name="closesOn"
        legend={t("need.closesOn")}
        hint={t("field.date.hint", { example: formatDateInputExample(addDays(new Date(), 28)) })}
        errors={errors}
        values={values}
      />
    </FormPage>
  );
}
