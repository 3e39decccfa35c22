import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/user.server";
import { OfferForm } from "~/components/offer-form";
import { TwoThirdsPage } from "~/components/form-page";
import { fieldsToFormValues, revisionFields } from "~/domain/catalogue/offer-schema";
import { loadProviderOffer } from "~/domain/catalogue/offers.server";
import { editMode } from "~/domain/quality/offer-workflow";
import { t } from "~/i18n";
import { orErrorPage, requireActingProvider } from "~/refusals.server";
import { offerFormAction, offerFormChoices } from "./provider.offers.form.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("providerOffer.edit"), data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { authorityId, providerId } = requireActingProvider(user);
  const { offer, latest } = await orErrorPage(() => loadProviderOffer(context.db, { authorityId, providerId, offerId: params.offerId! }));
  return {
    offerId: offer.id,
    title: latest.title,
    locked: editMode(latest.status) === "locked",
    onSale: offer.liveRevisionId !== null && latest.status === "approved",
    values: fieldsToFormValues(revisionFields(latest)),
    choices: offerFormChoices,
  };
}

export const action = ({ request, context, params }: ActionFunctionArgs) => offerFormAction(request, context, params.offerId!);

export default function EditOffer() {
  const { offerId, title, locked, onSale, values, choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TwoThirdsPage caption={title} title={t("providerOffer.edit")}>
      {locked ? (
        <>
          <p className="govuk-body">{t("providerOffer.locked")}</p>
          <Link className="govuk-link" to={`/provider/offers/${offerId}`}>
            {title}
          </Link>
        </>
      ) : (
        <OfferForm values={result?.values ?? values} errors={result?.errors} choices={choices} onSale={onSale} />
      )}
    </TwoThirdsPage>
  );
}
