import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { collectivePurchasesOf, currentConsortiaOf } from "~/domain/purchasing/queries.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { organisationsWhere, requireActing } from "./purchasing.server";

export const meta: MetaFunction = () => [{ title: `${t("nav.collectivePurchases")} – ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const led = organisationsWhere(user, "consortium", "open:collective-purchase").map((c) => c.id);
  const schools = organisationsWhere(user, "school", "join:collective-purchase").map((s) => s.id);
  const ofSchools = (await currentConsortiaOf(context.db, schools)).map((m) => m.consortiumId);
  const consortia = [...new Set([...led, ...ofSchools])];
  if (consortia.length === 0) throw new Response(t("collective.error.notMember"), { status: 403 });
  const purchases = await collectivePurchasesOf(context.db, authorityId, consortia);
  return {
    led: organisationsWhere(user, "consortium", "open:collective-purchase"),
    open: purchases.filter((p) => p.purchase.status === "open"),
    closed: purchases.filter((p) => p.purchase.status !== "open"),
  };
}

type Item = Awaited<ReturnType<typeof loader>>["open"][number];

function List({ items, caption }: { items: Item[]; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{t("purchase.offer")}</th>
          <th scope="col" className="govuk-table__header">{t("collectives.consortium")}</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("collectives.joined")}</th>
          <th scope="col" className="govuk-table__header">{t("collectives.closes")}</th>
          <th scope="col" className="govuk-table__header">{t("order.status")}</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map(({ purchase, title, consortiumName, joined }) => (
          <tr className="govuk-table__row" key={purchase.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/collective-purchases/${purchase.id}`}>
                {title}
              </Link>
            </td>
            <td className="govuk-table__cell">{consortiumName}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{joined}</td>
            <td className="govuk-table__cell">{formatDate(purchase.closesAt)}</td>
            <td className="govuk-table__cell">{t(`collectiveStatus.${purchase.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
