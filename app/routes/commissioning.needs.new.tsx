import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { Choices, ErrorSummary, FieldError, Select, TextArea, TextInput } from "~/components/forms";
import { OFFER_PHASES, SUBJECT_AREAS } from "~/db.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { commissionerAreas, publishNeed } from "~/domain/commissioning/needs.server";
import { parsePounds } from "~/format";
import { invalid, manyOf, optionalText, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { attempt } from "~/refusals.server";

const dayPart = (label: string, max: number) => z.string().trim().regex(/^\d{1,4}$/, `The closing date must include a ${label}`).transform(Number).pipe(z.number().min(1, `Enter a real ${label}`).max(max, `Enter a real ${label}`));

const NeedSchema = z
  .object({
    subjectArea: z.enum(SUBJECT_AREAS, { message: "Choose a subject area" }),
    phases: manyOf(z.enum(OFFER_PHASES, { message: "Choose phases from the list" })).pipe(z.array(z.string()).min(1, "Choose at least one phase")),
    title: z.string({ message: "Enter what is wanted, in a line" }).trim().min(1, "Enter what is wanted, in a line").max(150, "Keep it to 150 characters or fewer"),
    description: z.string({ message: "Describe what is wanted" }).trim().min(1, "Describe what is wanted").max(5000, "Keep it to 5000 characters or fewer"),
    budget: optionalText(20).transform((v, ctx) => {
      if (v === undefined) return null;
      const pence = parsePounds(v);
      if (pence === null || pence <= 0) {
        ctx.addIssue({ code: "custom", message: "Enter the budget in pounds, like 20000 or 20,000.00" });
        return z.NEVER;
      }
      return pence;
    }),
    closesOnDay: dayPart("day", 31),
    closesOnMonth: dayPart("month", 12),
    closesOnYear: dayPart("year", 2100),
  })
  .transform((v, ctx) => {
    const iso = `${String(v.closesOnYear).padStart(4, "0")}-${String(v.closesOnMonth).padStart(2, "0")}-${String(v.closesOnDay).padStart(2, "0")}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "The closing date must be a real date" });
      return z.NEVER;
    }
    if (iso < londonToday(new Date())) {
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "The closing date must be today or in the future" });
      return z.NEVER;
    }
    return { subjectArea: v.subjectArea, phases: v.phases as (typeof OFFER_PHASES)[number][], title: v.title, description: v.description, budgetPence: v.budget, closesOn: iso };
  });

export const meta: MetaFunction = () => [{ title: `${t("need.new")} - ${t("service.name")}` }];

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
  const form = await parseForm(request, NeedSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const done = await attempt(() => publishNeed(context.db, { actor: user, authorityId, input: form.data }), form.values);
  if (!done.ok) return done.response;
  return redirect(`/commissioning/needs/${done.value.id}`);
}

const one = (v: unknown) => (typeof v === "string" ? v : null);

export default function NewNeed() {
  const { subjectAreas, phases } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = (result?.values ?? {}) as Record<string, string | string[]>;
  const dateError = errors?.closesOn?.[0] ?? errors?.closesOnDay?.[0] ?? errors?.closesOnMonth?.[0] ?? errors?.closesOnYear?.[0];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("need.new")}</h1>
        <Form method="post" noValidate>
          <Select name="subjectArea" label={t("need.subjectArea")} errors={errors} options={subjectAreas.map((s) => ({ value: s, label: t(`subjectArea.${s}`) }))} defaultValue={one(values.subjectArea)} />
          <Choices name="phases" type="checkbox" small legend={t("need.phases")} errors={errors} options={phases.map((p) => ({ value: p, label: t(`offerPhase.${p}`) }))} defaultValue={values.phases} />
          <TextInput name="title" label={t("need.title")} errors={errors} defaultValue={one(values.title)} />
          <TextArea name="description" label={t("need.description")} hint={t("need.descriptionHint")} errors={errors} defaultValue={one(values.description)} />
          <TextInput name="budget" label={t("need.budget")} errors={errors} defaultValue={one(values.budget)} width="10" prefix="£" inputMode="decimal" />
          <div className={`govuk-form-group${dateError ? " govuk-form-group--error" : ""}`} id="closesOn">
            <fieldset className="govuk-fieldset" role="group" aria-describedby={`closesOn-hint${dateError ? " closesOn-error" : ""}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("need.closesOn")}</legend>
              <div id="closesOn-hint" className="govuk-hint">
                {t("need.closesOnHint")}
              </div>
              {dateError ? <FieldError name="closesOn" errors={{ closesOn: [dateError] }} /> : null}
              <div className="govuk-date-input">
                {(
                  [
                    ["closesOnDay", "need.day", "2"],
                    ["closesOnMonth", "need.month", "2"],
                    ["closesOnYear", "need.year", "4"],
                  ] as const
                ).map(([name, label, width]) => (
                  <div className="govuk-date-input__item" key={name}>
                    <div className="govuk-form-group">
                      <label className="govuk-label govuk-date-input__label" htmlFor={name}>
                        {t(label)}
                      </label>
                      <input
                        className={`govuk-input govuk-date-input__input govuk-input--width-${width}${dateError ? " govuk-input--error" : ""}`}
                        id={name}
                        name={name}
                        type="text"
                        inputMode="numeric"
                        defaultValue={one(values[name]) ?? undefined}
                      />
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("need.publish")}
          </button>
        </Form>
      </div>
    </div>
  );
}
