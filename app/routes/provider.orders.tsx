import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganisationOrders } from "~/components/orders-table";
import { ordersOfProvider } from "~/domain/purchasing/queries.server";
import { t } from "~/i18n";
import { accountIdOf, requireActing } from "./purchasing.server";
import { can } from "~/auth/permissions";
import { pageTitle } from "~/page-title";
import { withViewerAccess } from "~/domain/purchasing/access";
import { forbidden } from "~/refusals.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("providerOrders.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const provider =
    user.grants.find((m) => m.organisationKind === "provider" && m.organisationId === user.acting?.organisationId) ??
    user.grants.find((m) => m.organisationKind === "provider");
  if (!provider || !can(user.grants, "deliver:order", { organisationId: provider.organisationId, authorityId })) throw forbidden(t("providerOrders.error"));
  const orders = await ordersOfProvider(context.db, authorityId, provider.organisationId);
  const mayViewStatement = can(user.grants, "view:statement", { organisationId: provider.organisationId, authorityId });
  const accountId = mayViewStatement
    ? ((await accountIdOf(context, authorityId, "provider_payable", [provider.organisationId])).get(provider.organisationId) ?? null)
    : null;
  return { provider: { id: provider.organisationId, name: provider.organisationName }, orders: withViewerAccess(user.grants, authorityId, orders), accountId };
}

export default function ProviderOrders() {
  const { provider, orders, accountId } = useLoaderData<typeof loader>();
  return <OrganisationOrders kind="provider" organisationName={provider.name} accountId={accountId} orders={orders} />;
}
