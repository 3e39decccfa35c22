import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireActing } from "./purchasing.server";
import { Choices, DateInput, ErrorSummary, SubmitButton, useFormAnswer } from "~/components/forms";
import { SuccessBanner } from "~/components/success-banner";
import { TwoThirdsPage } from "~/components/form-page";
import { categoryPage } from "~/domain/categories/category-page.server";
import { categoryNameKey, entitlementKey } from "~/domain/categories/rules";
import { setCategory } from "~/domain/categories/set-category.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { formatDate } from "~/format";
import { date, withDateInputs } from "~/forms/fields";
import { t } from "~/i18n";
import { attemptForm, orErrorPage, forbidden } from "~/refusals.server";

const CategorySchema = z.object({
  category: z
    .string({ required_error: t("schoolCategory.error.category") })
    .trim()
    .min(1, t("schoolCategory.error.category"))
    .max(10, t("schoolCategory.error.category")),
  decidedOn: date({ label: t("schoolCategory.decidedOn"), required: t("schoolCategory.error.decidedOn") }),
});
const CategoryForm = withDateInputs(["decidedOn"], CategorySchema);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("schoolCategory.title", { name: data.school.name }) : t("schoolCategory.history")} – ${t("service.name")}` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const page = await orErrorPage(() => categoryPage(context.db, { actor: user, authorityId, schoolId: params.schoolId ?? "", today: londonToday(new Date()) }));
  return { ...page, saved: new URL(request.url).searchParams.get("saved") === "1" };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const schoolId = params.schoolId ?? "";
  const today = londonToday(new Date());
  const page = await orErrorPage(() => categoryPage(context.db, { actor: user, authorityId, schoolId, today }));
  if (!page.canSet) throw forbidden(t("schoolCategory.title", { name: page.school.name }));
  const done = await attemptForm(request, CategoryForm, ({ category, decidedOn }) =>
    setCategory(context.db, { actor: user, authorityId, schoolId, category, decidedOn, today }),
  );
  if (!done.ok) return done.response;
  return redirect(`/schools/${page.school.id}/category?saved=1`, { status: 303 });
}

export default function SchoolCategory() {
  const { school, year, current, history, adviser, categories, canSet, canImport, saved } = useLoaderData<typeof loader>();
  const { errors, values, field } = useFormAnswer();
  const latest = history[0];
  return (
    <TwoThirdsPage>
      <SuccessBanner title={t("banner.success")}>
        {saved && latest ? t("schoolCategory.saved", { school: school.name, category: latest.category, year: latest.academicYear }) : null}
      </SuccessBanner>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">URN {school.urn}</span>
      <h1 className="govuk-heading-l">{t("schoolCategory.title", { name: school.name })}</h1>
      <p className="govuk-body">{adviser ? t("schoolCategory.adviser", { name: adviser.name }) : t("schoolCategory.noAdviser")}</p>
      <h2 className="govuk-heading-m">{t("schoolCategory.current", { year })}</h2>
      {current ? (
        <div className="govuk-inset-text">
          <p className="govuk-body govuk-!-font-weight-bold">{t(categoryNameKey(current.category))}</p>
          <p className="govuk-body">{t(entitlementKey(current.category))}</p>
          {current.differentiated ? <strong className="govuk-tag govuk-tag--orange">{t("category.differentiated")}</strong> : null}
        </div>
      ) : (
        <p className="govuk-body">{t("schoolCategory.noneYet", { year })}</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/schools/${school.id}/consortium`}>
          {t("schoolCategory.consortiumLink")}
        </Link>
        {canImport ? (
          <>
            {" · "}
            <Link className="govuk-link" to="/authority/categories/import">
              {t("categoryImport.link")}
            </Link>
          </>
        ) : null}
      </p>
      {canSet ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{t("schoolCategory.setHeading")}</h2>
          <p className="govuk-body">{t("schoolCategory.setHint")}</p>
          <Choices
            {...field("category", current?.category)}
            legend={t("schoolCategory.category")}
            options={categories.map((c) => ({ value: c.value, label: t(categoryNameKey(c.value)), hint: t(entitlementKey(c.value)) }))}
          />
          <DateInput name="decidedOn" legend={t("schoolCategory.decidedOn")} hint={t("schoolCategory.decidedOnHint")} errors={errors} values={values} />
          <SubmitButton>{t("schoolCategory.submit")}</SubmitButton>
        </Form>
      ) : null}
      <ItemTable
        heading={t("schoolCategory.history")}
        compact
        rowHeader={false}
        columns={[
          { label: t("schoolCategory.year"), cell: (h) => h.academicYear },
          { label: t("schoolCategory.category"), cell: (h) => h.category },
          { label: t("schoolCategory.decidedOn"), cell: (h) => formatDate(h.decidedOn) },
          { label: t("schoolCategory.setBy"), cell: (h) => h.setBy ?? t("audit.system") },
          { label: t("schoolCategory.recordedOn"), cell: (h) => formatDate(h.createdAt) },
        ]}
        items={history}
        empty={t("schoolCategory.noHistory")}
      />
    </TwoThirdsPage>
  );
}
