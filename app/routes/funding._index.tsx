import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { Select, SubmitButton } from "~/components/forms";
import { ItemTable } from "~/components/table";
import { TwoThirdsPage } from "~/components/form-page";
import { donePath } from "~/done";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { createFormula } from "~/domain/funding/create-formula.server";
import { listFormulas } from "~/domain/funding/list-formulas.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm, orErrorPage } from "~/refusals.server";

const CreateSchema = z.object({ financialYear: z.string({ message: t("funding.error.year") }).regex(/^\d{4}-\d{2}$/, t("funding.error.year")) });

export const meta: MetaFunction = ({ data }) => pageTitle(t("funding.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "allocate:funding");
  return orErrorPage(() => listFormulas(context.db, { actor: user, authorityId, today: londonToday(new Date()) }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "allocate:funding");
  const done = await attemptForm(request, CreateSchema, ({ financialYear }) => createFormula(context.db, { actor: user, authorityId, financialYear }));
  if (!done.ok) return done.response;
  return redirect(donePath(`/funding/${done.value.id}`, "formulaCreated"), { status: 303 });
}

export default function FundingFormulas() {
  const { formulas, years } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TwoThirdsPage title={t("funding.title")} lead={t("funding.intro")} errors={result?.errors}>
      <ItemTable
        caption={t("funding.formulas")}
        columns={[
          {
            label: t("funding.year"),
            link: (f) => `/funding/${f.id}`,
            cell: (f) => t("funding.yearVersion", { year: f.financialYear, version: f.version }),
          },
          { label: t("funding.version"), cell: (f) => f.version },
          { label: t("funding.status"), cell: (f) => (f.appliedAt ? t("funding.appliedOn", { date: formatDate(f.appliedAt) }) : t("funding.draft")) },
        ]}
        items={formulas}
        empty={t("funding.none")}
      />
      {years.length ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{t("funding.create")}</h2>
          <Select name="financialYear" label={t("funding.year")} errors={result?.errors} options={years.map((y) => ({ value: y, label: y }))} />
          <SubmitButton>{t("funding.createButton")}</SubmitButton>
        </Form>
      ) : null}
    </TwoThirdsPage>
  );
}
