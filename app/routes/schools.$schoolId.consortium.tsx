import { SubmitWithLink } from "~/components/submit-with-link";
import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { requireActing } from "./purchasing.server";
import { answeredField, DateInput, ErrorSummary, Select, SubmitButton } from "~/components/forms";
import { SuccessBanner } from "~/components/success-banner";
import { WarningText } from "~/components/warning-text";
import { TwoThirdsPage } from "~/components/form-page";
import { moveSchool } from "~/domain/consortia/move-school.server";
import { schoolConsortiumPage } from "~/domain/consortia/pages.server";
import { isUuid } from "~/domain/ids";
import { formatDate, formatDateInputExample, nextSchoolYearStart } from "~/format";
import { date, withDateInputs } from "~/forms/fields";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { attempt, orErrorPage } from "~/refusals.server";

const MoveSchema = withDateInputs(
  ["on"],
  z.object({
    intent: z.enum(["check", "confirm"]).catch("check"),
    to: z.string({ required_error: t("schoolConsortium.error.to") }).refine((v) => v === "none" || isUuid(v), t("schoolConsortium.error.to")),
    on: date({ label: t("schoolConsortium.on"), required: t("schoolConsortium.error.on") }),
  }),
);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("schoolConsortium.title", { name: data.school.name }) : t("consortia.title")} – ${t("service.name")}` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const page = await orErrorPage(() => schoolConsortiumPage(context.db, { actor: user, authorityId, schoolId: params.schoolId ?? "" }));
  return { ...page, moved: new URL(request.url).searchParams.get("moved") === "1" };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "manage:consortia");
  const schoolId = params.schoolId ?? "";
  const page = await orErrorPage(() => schoolConsortiumPage(context.db, { actor: user, authorityId, schoolId }));
  const form = await parseForm(request, MoveSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const { intent, to, on } = form.data;
  const target = to === "none" ? null : (page.consortia.find((c) => c.id === to) ?? null);
  if (to !== "none" && !target) return invalid({ to: [t("schoolConsortium.error.to")] }, form.values);
  if (intent === "check") {
    const confirm = page.current
      ? target
        ? t("schoolConsortium.confirmText", { school: page.school.name, from: page.current.name, date: formatDate(on), to: target.name })
        : t("schoolConsortium.confirmLeave", { school: page.school.name, from: page.current.name, date: formatDate(on) })
      : t("schoolConsortium.confirmText", { school: page.school.name, from: t("schoolConsortium.notInOne"), date: formatDate(on), to: target?.name ?? "" });
    // The confirmation carries the date forward whole.
    return { ok: true as const, confirm, values: { to, on }, errors: null };
  }
  const done = await attempt(() => moveSchool(context.db, { actor: user, authorityId, schoolId, toConsortiumId: target?.id ?? null, on }), form.values);
  if (!done.ok) return done.response;
  return redirect(`/schools/${schoolId}/consortium?moved=1`, { status: 303 });
}

export default function SchoolConsortium() {
  const { school, history, current, canMove, consortia, moved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? null;
  const values = (result?.values ?? {}) as Record<string, string>;
  const field = answeredField(errors, values);
  const confirm = result && "confirm" in result ? result.confirm : null;
  const latest = history[0];
  return (
    <TwoThirdsPage>
      <SuccessBanner title={t("banner.success")}>
        {moved && latest
          ? latest.leftOn
            ? t("schoolConsortium.left", { school: school.name, date: formatDate(latest.leftOn) })
            : t("schoolConsortium.moved", { school: school.name, to: latest.name, date: formatDate(latest.joinedOn) })
          : null}
      </SuccessBanner>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">URN {school.urn}</span>
      <h1 className="govuk-heading-l">{t("schoolConsortium.title", { name: school.name })}</h1>
      <ItemTable
        heading={t("schoolConsortium.history")}
        columns={[
          { label: t("schoolConsortium.consortium"), link: (h) => `/consortia/${h.consortiumId}/schools`, cell: (h) => h.name },
          { label: t("consortiumSchools.joined"), cell: (h) => formatDate(h.joinedOn) },
          { label: t("consortiumSchools.left"), cell: (h) => (h.leftOn ? formatDate(h.leftOn) : t("schoolConsortium.now")) },
        ]}
        items={history}
        rowKey={(h) => `${h.consortiumId}-${h.joinedOn}`}
        empty={t("schoolConsortium.noHistory")}
      />
      {canMove && confirm ? (
        <Form method="post">
          <h2 className="govuk-heading-m">{t("schoolConsortium.confirmHeading")}</h2>
          <WarningText>{confirm}</WarningText>
          <input type="hidden" name="to" value={values.to} />
          <input type="hidden" name="on" value={values.on} />
          <SubmitWithLink submit={t("schoolConsortium.confirm")} intent="confirm" to={`/schools/${school.id}/consortium`} link={t("schoolConsortium.cancel")} />
        </Form>
      ) : canMove ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{t("schoolConsortium.moveHeading")}</h2>
          <Select
            {...field("to")}
            label={t("schoolConsortium.to")}
            options={[
              { value: "", label: t("consortia.new.choose") },
              ...consortia.map((c) => ({ value: c.id, label: c.name })),
              ...(current ? [{ value: "none", label: t("schoolConsortium.noConsortium") }] : []),
            ]}
          />
          <DateInput
            name="on"
            legend={t("schoolConsortium.on")}
            hint={t("schoolConsortium.onHint", { example: formatDateInputExample(nextSchoolYearStart(new Date())) })}
            errors={errors}
            values={values}
          />
          <SubmitButton intent="check">{t("schoolConsortium.continue")}</SubmitButton>
        </Form>
      ) : null}
    </TwoThirdsPage>
  );
}
