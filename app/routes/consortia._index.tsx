import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireActing } from "./purchasing.server";
import { SuccessBanner } from "~/components/success-banner";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { consortiaList } from "~/domain/consortia/pages.server";
import { t } from "~/i18n";
import { orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("consortia.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const page = await orErrorPage(() => consortiaList(context.db, { actor: user, authorityId, day: londonToday(new Date()) }));
  const created = new URL(request.url).searchParams.get("created");
  return { ...page, created: page.consortia.find((c) => c.id === created)?.name ?? null };
}

export default function Consortia() {
  const { consortia, created } = useLoaderData<typeof loader>();
  return (
    <>
      <SuccessBanner title={t("banner.success")}>{created ? t("consortia.created", { name: created }) : null}</SuccessBanner>
      <h1 className="govuk-heading-l">{t("consortia.title")}</h1>
      <p className="govuk-body">{t("consortia.lead")}</p>
      <Link className="govuk-button" to="/consortia/new">
        {t("consortia.create")}
      </Link>
      <ItemTable
        caption={t("consortia.title")}
        captionSize="hidden"
        columns={[
          { label: t("consortia.name"), link: (c) => `/consortia/${c.id}/schools`, cell: (c) => c.name },
          { label: t("consortia.phase"), cell: (c) => t(`consortia.phase.${c.phase}`) },
          { label: t("consortia.schoolsNow"), numeric: true, cell: (c) => c.schools },
          { label: t("consortia.leadPerson"), cell: (c) => c.leadName ?? t("consortia.none") },
          { label: t("consortia.chairPerson"), cell: (c) => c.chairName ?? t("consortia.none") },
        ]}
        items={consortia}
      />
    </>
  );
}
