import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { certificate } from "~/domain/delivery/delivery-page.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { orErrorPage } from "~/refusals.server";
import { requireActing } from "./purchasing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `${t("certificate.title")}: ${data.delegateName}` : t("certificate.title"), data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  return orErrorPage(() => certificate(context.db, { actor, authorityId, placeId: params.placeId ?? "" }));
}

/** A printable page: the print styles drop the header, navigation and footer. */
export default function Certificate() {
  const c = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row app-certificate">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("certificate.title")}</h1>
        <p className="govuk-body-l">{t("certificate.body")}</p>
        <p className="govuk-heading-l">{c.delegateName}</p>
        <p className="govuk-body-l">{t("certificate.attended", { school: c.schoolName })}</p>
        <p className="govuk-heading-m">{c.title}</p>
        <p className="govuk-body-l">{t("certificate.providedBy", { provider: c.providerName })}</p>
        <p className="govuk-body-l">
          {t("certificate.on", { date: formatDate(c.startsAt), length: t("delivery.session.minutes", { count: c.durationMinutes }) })}
        </p>
        <p className="govuk-body app-no-print">
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-right-3"
            data-module="govuk-button"
            onClick={() => window.print()}
          >
            {t("certificate.print")}
          </button>
          <Link className="govuk-link" to={`/purchases/${c.orderId}/delivery`}>
            {t("certificate.back")}
          </Link>
        </p>
      </div>
    </div>
  );
}
