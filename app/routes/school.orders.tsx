import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganisationOrders } from "~/components/orders-table";
import { ordersOfSchool } from "~/domain/purchasing/queries.server";
import { t } from "~/i18n";
import { accountIdOf, organisationsWhere, requireActing } from "./purchasing.server";
import { pageTitle } from "~/page-title";
import { withViewerAccess } from "~/domain/purchasing/access";
import { forbidden } from "~/refusals.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("schoolOrders.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const schools = organisationsWhere(user, "school", "view:statement");
  const school = schools.find((s) => s.id === user.acting?.organisationId) ?? schools[0];
  if (!school) throw forbidden(t("schoolOrders.error"));
  const orders = await ordersOfSchool(context.db, authorityId, school.id);
  const accountId = (await accountIdOf(context, authorityId, "school_receivable", [school.id])).get(school.id) ?? null;
  return { school, orders: withViewerAccess(user.grants, authorityId, orders), accountId };
}

export default function SchoolOrders() {
  const { school, orders, accountId } = useLoaderData<typeof loader>();
  return <OrganisationOrders kind="school" organisationName={school.name} accountId={accountId} orders={orders} />;
}
