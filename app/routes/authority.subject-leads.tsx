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
import { SUBJECT_AREAS } from "~/db.server";
import { isUuid } from "~/domain/ids";
import { setSubjectLead, subjectLeadsPage } from "~/domain/subject-leads/subject-leads.server";
import { t } from "~/i18n";
import { attemptForm, orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const LeadSchema = z.object({
  subject: z.enum(SUBJECT_AREAS, { errorMap: () => ({ message: t("subjectLeads.error.subject") }) }),
  commissioner: z.string({ required_error: t("subjectLeads.error.commissioner") }).refine(isUuid, t("subjectLeads.error.commissioner")),
});

export const meta: MetaFunction = ({ data }) => pageTitle(t("subjectLeads.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const page = await orErrorPage(() => subjectLeadsPage(context.db, { actor: user, authorityId }));
  const saved = new URL(request.url).searchParams.get("saved");
  const row = page.subjects.find((s) => s.area === saved);
  return { ...page, banner: row?.lead ? t("subjectLeads.saved", { name: row.lead.name, subject: t(`subjectArea.${row.area}`) }) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "assign:subject-lead");
  const done = await attemptForm(request, LeadSchema, ({ subject, commissioner }) =>
    setSubjectLead(context.db, { actor: user, authorityId, subjectArea: subject, commissionerUserId: commissioner }),
  );
  if (!done.ok) return done.response;
  return redirect(`/authority/subject-leads?saved=${done.data.subject}`, { status: 303 });
}

export default function SubjectLeads() {
  const { subjects, commissioners, banner } = useLoaderData<typeof loader>();
  const { errors, values } = useFormAnswer();
  return (
    <>
      <SuccessBanner title={t("banner.success")}>{banner}</SuccessBanner>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("subjectLeads.title")}</h1>
      <p className="govuk-body">{t("subjectLeads.lead")}</p>
      <ItemTable
        caption={t("subjectLeads.title")}
        captionSize="hidden"
        columns={[
          { label: t("subjectLeads.subject"), cell: (s) => t(`subjectArea.${s.area}`) },
          { label: t("subjectLeads.commissioner"), cell: (s) => (s.lead ? `${s.lead.name} (${s.lead.email})` : t("subjectLeads.none")) },
        ]}
        items={subjects}
        rowKey={(s) => s.area}
      />
      <AssignForm
        heading={t("subjectLeads.assignHeading")}
        selects={[
          {
            name: "subject",
            label: t("subjectLeads.subject"),
            empty: t("subjectLeads.chooseSubject"),
            options: subjects.map((s) => ({ value: s.area, label: t(`subjectArea.${s.area}`) })),
          },
          {
            name: "commissioner",
            label: t("subjectLeads.commissioner"),
            empty: t("consortia.new.choose"),
            options: commissioners.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` })),
          },
        ]}
        submit={t("subjectLeads.assign")}
        errors={errors}
        values={values}
      />
    </>
  );
}
