import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ImpactTable } from "~/components/impact-table";
import { authorityImpactPage } from "~/domain/delivery/pages.server";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { actingPageLoader } from "./purchasing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("impact.authority.title"), data);

export const loader = actingPageLoader(authorityImpactPage);

export default function AuthorityImpact() {
  const { impact } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("impact.authority.title")}</h1>
      <p className="govuk-body">{t("impact.authority.lead")}</p>
      <ImpactTable caption={t("impact.authority.title")} rows={impact} />
    </>
  );
}
