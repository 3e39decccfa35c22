import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ImpactTable } from "~/components/impact-table";
import { consortiumImpactPage } from "~/domain/delivery/pages.server";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { orErrorPage } from "~/refusals.server";
import { requireActing } from "./purchasing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? t("impact.consortium.title", { consortium: data.consortium.name }) : t("impact.authority.title"), data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  return orErrorPage(() => consortiumImpactPage(context.db, { actor, authorityId, consortiumId: params.consortiumId ?? "" }));
}

export default function ConsortiumImpact() {
  const { consortium, impact } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">
        <Link className="govuk-link" to={`/consortia/${consortium.id}`}>
          {consortium.name}
        </Link>
      </span>
      <h1 className="govuk-heading-l">{t("impact.consortium.title", { consortium: consortium.name })}</h1>
      <p className="govuk-body">{t("impact.authority.lead")}</p>
      <ImpactTable caption={t("impact.consortium.title", { consortium: consortium.name })} rows={impact} />
    </>
  );
}
