import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/user.server";
import { OfferForm } from "~/components/offer-form";
import { TwoThirdsPage } from "~/components/form-page";
import { t } from "~/i18n";
import { requireActingProvider } from "~/refusals.server";
import { offerFormAction, offerFormChoices } from "./provider.offers.form.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("providerOffer.new"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireActingProvider(await requireUser(request, context));
  return { choices: offerFormChoices };
}

export const action = ({ request, context }: ActionFunctionArgs) => offerFormAction(request, context);

export default function NewOffer() {
  const { choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TwoThirdsPage title={t("providerOffer.new")}>
      <OfferForm values={result?.values ?? {}} errors={result?.errors} choices={choices} onSale={false} />
    </TwoThirdsPage>
  );
}
