import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { requireActing } from "./purchasing.server";
import { AssignForm } from "~/components/assign-form";
import { ErrorSummary, useFormAnswer } from "~/components/forms";
import { SuccessBanner } from "~/components/success-banner";
import { advisersPage, assignAdviser } from "~/domain/advisers/assign-adviser.server";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";
import { attemptForm, orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const AssignSchema = z.object({
  school: z.string({ required_error: t("advisers.error.school") }).refine(isUuid, t("advisers.error.school")),
  adviser: z.string({ required_error: t("advisers.error.adviser") }).refine(isUuid, t("advisers.error.adviser")),
});

export const meta: MetaFunction = ({ data }) => pageTitle(t("advisers.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const page = await orErrorPage(() => advisersPage(context.db, { actor: user, authorityId }));
  const assigned = new URL(request.url).searchParams.get("assigned");
  const school = page.schools.find((s) => s.id === assigned);
  return { ...page, banner: school?.adviserName ? t("advisers.assigned", { adviser: school.adviserName, school: school.name }) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "assign:adviser");
  const done = await attemptForm(request, AssignSchema, ({ school, adviser }) =>
    assignAdviser(context.db, { actor: user, authorityId, schoolId: school, adviserUserId: adviser }),
  );
  if (!done.ok) return done.response;
  return redirect(`/authority/advisers?assigned=${done.value.school.id}`, { status: 303 });
}

export default function Advisers() {
  const { schools, advisers, banner } = useLoaderData<typeof loader>();
  const { errors, values } = useFormAnswer();
  return (
    <>
      <SuccessBanner title={t("banner.success")}>{banner}</SuccessBanner>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("advisers.title")}</h1>
      <p className="govuk-body">{t("advisers.lead")}</p>
      <AssignForm
        heading={t("advisers.assignHeading")}
        selects={[
          {
            name: "school",
            label: t("advisers.school"),
            empty: t("advisers.chooseSchool"),
            options: schools.map((s) => ({ value: s.id, label: `${s.name} (${s.urn})` })),
          },
          {
            name: "adviser",
            label: t("advisers.adviser"),
            empty: t("consortia.new.choose"),
            options: advisers.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` })),
          },
        ]}
        submit={t("advisers.assign")}
        errors={errors}
        values={values}
      />
      <ItemTable
        compact
        caption={t("advisers.title")}
        captionSize="hidden"
        columns={[
          { label: t("advisers.school"), link: (s) => `/schools/${s.id}/category`, cell: (s) => s.name },
          { label: t("consortiumSchools.urn"), cell: (s) => s.urn },
          { label: t("consortiumSchools.category"), cell: (s) => s.category ?? "–" },
          { label: t("advisers.adviser"), cell: (s) => s.adviserName ?? t("advisers.none") },
        ]}
        items={schools}
      />
    </>
  );
}
