import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { collectivePurchasesOf, currentConsortiaOf } from "~/domain/purchasing/queries.server";
import { showsItem } from "~/navigation";
import { t } from "~/i18n";
import { consortiaToOpenFor, organisationsWhere, requireActing } from "./purchasing.server";
import { closingDate } from "~/components/purchase-dates";
import { pageTitle } from "~/page-title";
import { forbidden } from "~/refusals.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("nav.collectivePurchases"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  // A commissioner opens purchases for every consortium of the authority without belonging to one.
  const led = await consortiaToOpenFor(context, user, authorityId);
  const schools = organisationsWhere(user, "school", "join:collective-purchase").map((s) => s.id);
  const ofSchools = (await currentConsortiaOf(context.db, schools)).map((m) => m.consortiumId);
  const consortia = [...new Set([...led.map((c) => c.id), ...ofSchools])];
  // The page answers whoever the navigation offers it to, even before there is a consortium to show.
  if (consortia.length === 0 && !showsItem(user, "/collective-purchases")) throw forbidden(t("collective.error.notMember"));
  const purchases = await collectivePurchasesOf(context.db, authorityId, consortia);
  return {
    led,
    open: purchases.filter((p) => p.purchase.status === "open"),
    closed: purchases.filter((p) => p.purchase.status !== "open"),
  };
}

type Item = Awaited<ReturnType<typeof loader>>["open"][number];

function List({ items, caption }: { items: Item[]; caption: string }) {
  return (
    <ItemTable
      caption={caption}
      captionSize="m"
      rowHeader={false}
      columns={[
        { label: t("purchase.offer"), link: (item) => `/collective-purchases/${item.purchase.id}`, cell: (item) => item.title },
        { label: t("collectives.consortium"), cell: (item) => item.consortiumName },
        { label: t("collectives.joined"), numeric: true, cell: (item) => item.joined },
        { label: t("collectives.closes"), cell: (item) => closingDate(item.purchase) },
        { label: t("order.status"), cell: (item) => t(`collectiveStatus.${item.purchase.status}`) },
      ]}
      items={items}
      rowKey={(item) => item.purchase.id}
    />
  );
}

export default function CollectivePurchases() {
  const { led, open, closed } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("nav.collectivePurchases")}</h1>
      <p className="govuk-body">
        {t("collectives.lead")}{" "}
        <Link className="govuk-link" to="/catalogue">
          {t("collectives.findOffer")}
        </Link>
      </p>
      {led.length ? (
        <ul className="govuk-list">
          {led.map((c) => (
            <li key={c.id}>
              <Link className="govuk-link" to={`/consortia/${c.id}`}>
                {t("collectives.dashboard", { consortium: c.name })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {open.length ? <List items={open} caption={t("collectives.open")} /> : <p className="govuk-body">{t("collectives.noneOpen")}</p>}
      {closed.length ? <List items={closed} caption={t("collectives.closedList")} /> : null}
    </>
  );
}
