import { ItemTable } from "~/components/table";
import { ButtonLink } from "~/components/button-link";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/user.server";
import { RevisionStatusTag } from "~/components/offer-content";
import { WarningText } from "~/components/warning-text";
import { loadProvider, providerOffers } from "~/domain/catalogue/offers.server";
import { needsReReview } from "~/domain/quality/offer-workflow";
import { isOnSale } from "~/domain/catalogue/on-sale";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { orErrorPage, requireActingProvider } from "~/refusals.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("providerOffers.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const scope = requireActingProvider(user);
  const provider = await orErrorPage(() => loadProvider(context.db, scope));
  const now = new Date();
  const offers = (await providerOffers(context.db, scope)).map((o) => ({
    ...o,
    sale: o.suspendedAt
      ? ("suspended" as const)
      : isOnSale(o, now)
        ? ("on_sale" as const)
        : needsReReview(o, now)
          ? ("re_review_due" as const)
          : ("not_on_sale" as const),
  }));
  return { providerName: provider.name, verified: provider.verifiedAt !== null, offers };
}

export default function ProviderOffers() {
  const { providerName, verified, offers } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{providerName}</span>
      <h1 className="govuk-heading-l">{t("providerOffers.title")}</h1>
      {verified ? null : <WarningText>{t("providerOffers.unverified")}</WarningText>}
      <div className="govuk-button-group">
        <ButtonLink to="/provider/offers/new">{t("providerOffers.create")}</ButtonLink>
        <Link to="/provider/needs" className="govuk-link">
          {t("providerOffers.needs")}
        </Link>
      </div>
      <ItemTable
        rowHeader={false}
        columns={[
          { label: t("offerField.title"), link: (o) => `/provider/offers/${o.offerId}`, cell: (o) => o.title },
          {
            label: t("providerOffers.status"),
            cell: (o) => (
              <>
                <RevisionStatusTag status={o.status} /> <span className="govuk-body-s">{t("providerOffer.revision", { number: o.number })}</span>
              </>
            ),
          },
          {
            label: t("providerOffers.sale"),
            cell: (o) =>
              o.sale === "on_sale" ? (
                t("providerOffers.onSaleUntil", { date: formatDate(o.approvalExpiresAt!) })
              ) : o.sale === "re_review_due" ? (
                <strong className="govuk-tag govuk-tag--orange">{t("providerOffers.reReviewDue")}</strong>
              ) : o.sale === "suspended" ? (
                <strong className="govuk-tag govuk-tag--red">{t("providerOffers.suspended")}</strong>
              ) : (
                t("providerOffers.notOnSale")
              ),
          },
        ]}
        items={offers}
        rowKey={(o) => o.offerId}
        empty={t("providerOffers.none")}
      />
    </>
  );
}
