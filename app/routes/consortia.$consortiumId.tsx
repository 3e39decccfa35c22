import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms";
import { decidePotRequest } from "~/domain/purchasing/decide-pot-request.server";
import { invalid, parseForm, refused } from "~/forms.server";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema } from "~/db.server";
import { isUuid } from "~/domain/ids";
import { collectivePurchasesOf, potRequestsOf } from "~/domain/purchasing/queries.server";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { accountIdOf, notFoundResponse, requireActing } from "./purchasing.server";

const DecisionSchema = z.object({ intent: z.enum(["approve", "refuse"]), orderId: z.string().max(100) });

export const meta: MetaFunction = () => [{ title: `${t("consortium.title")} – ${t("service.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const consortiumId = params.consortiumId ?? "";
  const { consortia, organisations, consortiumMemberships, schools, memberships, users, ledgerAccounts } = schema;
  const [consortium] = isUuid(consortiumId)
    ? await context.db
        .select({ id: consortia.organisationId, name: organisations.name, phase: consortia.phase })
        .from(consortia)
        .innerJoin(organisations, eq(organisations.id, consortia.organisationId))
        .where(and(eq(consortia.organisationId, consortiumId), eq(consortia.authorityId, authorityId)))
    : [];
  if (!consortium) throw notFoundResponse();
  const target = { organisationId: consortium.id, authorityId };
  if (!can(user.grants, "manage:pot", target) && !can(user.grants, "open:collective-purchase", target) && !can(user.grants, "view:statement", target)) {
    throw new Response(t("consortium.error"), { status: 403 });
  }
  const members = await context.db
    .select({ id: schools.organisationId, name: organisations.name, urn: schools.urn, pupils: schools.numberOnRoll, establishmentType: schools.establishmentType })
    .from(consortiumMemberships)
    .innerJoin(schools, eq(schools.organisationId, consortiumMemberships.schoolId))
    .innerJoin(organisations, eq(organisations.id, schools.organisationId))
    .where(and(eq(consortiumMemberships.consortiumId, consortium.id), isNull(consortiumMemberships.leftOn)))
    .orderBy(asc(organisations.name));
  const heads = members.length
    ? await context.db
        .select({ schoolId: memberships.organisationId, email: users.email, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(inArray(memberships.organisationId, members.map((m) => m.id)), eq(memberships.role, "headteacher")))
        .orderBy(asc(users.email))
    : [];
  const potAccountId = (await accountIdOf(context, authorityId, "consortium_pot", [consortium.id])).get(consortium.id) ?? null;
  const [pot] = potAccountId ? await context.db.select({ balance: ledgerAccounts.balancePence }).from(ledgerAccounts).where(eq(ledgerAccounts.id, potAccountId)) : [];
  const purchases = await collectivePurchasesOf(context.db, authorityId, [consortium.id]);
  const canManagePot = can(user.grants, "manage:pot", target);
  const requests = canManagePot ? await potRequestsOf(context.db, authorityId, consortium.id) : [];
  return {
    consortium,
    canManagePot,
    requests,
    members: members.map((m) => ({ ...m, heads: heads.filter((h) => h.schoolId === m.id) })),
    pot: potAccountId ? { accountId: potAccountId, availablePence: Math.max(0, -(pot?.balance ?? 0)) } : null,
    purchases,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  const parsed = await parseForm(request, DecisionSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    await decidePotRequest(context.db, { actor, authorityId, orderId: parsed.data.orderId, decision: parsed.data.intent });
  } catch (error) {
    return refused(error, "form", parsed.values);
  }
  return redirect(`/consortia/${params.consortiumId}`, { status: 303 });
}

export default function ConsortiumDashboard() {
  const { consortium, members, pot, purchases, requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="govuk-heading-l">{consortium.name}</h1>
      <h2 className="govuk-heading-m">{t("consortium.pot")}</h2>
      {pot ? (
        <p className="govuk-body">
          {t("consortium.potAvailable", { amount: formatPence(pot.availablePence) })}{" "}
          <Link className="govuk-link" to={`/accounts/${pot.accountId}`}>
            {t("collective.potStatement")}
          </Link>
        </p>
      ) : (
        <p className="govuk-body">{t("consortium.noPot")}</p>
      )}
      {requests.length ? (
        <table className="govuk-table app-table--compact">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("consortium.requests")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("purchase.school")}</th>
              <th scope="col" className="govuk-table__header">{t("purchase.offer")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("invoice.net")}</th>
              <th scope="col" className="govuk-table__header">{t("consortium.decision")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {requests.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell">{r.schoolName}</td>
                <td className="govuk-table__cell">{r.title}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(r.netPence)}</td>
                <td className="govuk-table__cell">
                  <Form method="post" className="govuk-button-group">
                    <input type="hidden" name="orderId" value={r.id} />
                    <button type="submit" name="intent" value="approve" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
                      {t("consortium.approve", { school: r.schoolName })}
                    </button>
                    <button type="submit" name="intent" value="refuse" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                      {t("consortium.refuse")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2 className="govuk-heading-m">{t("nav.collectivePurchases")}</h2>
      {purchases.length ? (
        <ul className="govuk-list">
          {purchases.map(({ purchase, title, joined }) => (
            <li key={purchase.id}>
              <Link className="govuk-link" to={`/collective-purchases/${purchase.id}`}>
                {title}
              </Link>{" "}
              – {t(`collectiveStatus.${purchase.status}`)}, {t("consortium.joinedCloses", { joined, date: formatDate(purchase.closesAt) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">{t("collectives.noneOpen")}</p>
      )}
      <table className="govuk-table app-table--compact">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("consortium.members", { count: members.length })}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("purchase.school")}</th>
            <th scope="col" className="govuk-table__header">{t("consortium.urn")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("consortium.pupils")}</th>
            <th scope="col" className="govuk-table__header">{t("consortium.head")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {members.map((m) => (
            <tr className="govuk-table__row" key={m.id}>
              <td className="govuk-table__cell">{m.name}</td>
              <td className="govuk-table__cell">{m.urn}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.pupils}</td>
              <td className="govuk-table__cell">{m.heads.map((h) => h.email).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
