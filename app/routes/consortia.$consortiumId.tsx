import { ButtonLink } from "~/components/button-link";
import { Details } from "~/components/details";
import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { decidePotRequest } from "~/domain/purchasing/decide-pot-request.server";
import { attemptForm, orErrorPage } from "~/refusals.server";
import { consortiumPage } from "~/domain/consortia/pages.server";
import { ConfirmStep } from "~/components/confirm";
import { donePath } from "~/done";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { consortiumPageRequest, requireActing } from "./purchasing.server";
import { joinedAndWhen } from "~/components/purchase-dates";
import { pageTitle } from "~/page-title";

const DecisionSchema = z.object({ intent: z.enum(["approve", "refuse"]), orderId: z.string().max(100) });

export const meta: MetaFunction = ({ data }) => pageTitle(t("consortium.title"), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const page = await orErrorPage(() => consortiumPage(context.db, consortiumPageRequest(user, authorityId, params.consortiumId)));
  const asked = new URL(request.url).searchParams.get("confirm");
  return { ...page, confirming: page.requests.find((r) => r.id === asked) ?? null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  const done = await attemptForm(
    request,
    DecisionSchema,
    (data) => decidePotRequest(context.db, { actor, authorityId, orderId: data.orderId, decision: data.intent, appUrl: context.env.APP_URL }),
    { allOnForm: true },
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/consortia/${params.consortiumId}`, done.data.intent === "approve" ? "potRequestApproved" : "potRequestRefused"), {
    status: 303,
  });
}

export default function ConsortiumDashboard() {
  const { consortium, members, pot, purchases, requests, confirming, mou, can } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (confirming) {
    const line = t("confirm.potRequest.outcome", {
      amount: formatPence(confirming.potContributionPence),
      school: confirming.schoolName,
      offer: confirming.title,
      available: formatPence(pot?.availablePence ?? 0),
    });
    return (
      <>
        <ErrorSummary errors={result?.errors} />
        <ConfirmStep
          title={t("confirm.potRequest.title")}
          lines={[line]}
          intent="approve"
          yes={t("confirm.potRequest.yes")}
          backTo={`/consortia/${consortium.id}`}
          hidden={{ orderId: confirming.id }}
        />
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="govuk-heading-l">{consortium.name}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/consortia/${consortium.id}/schools`}>
          {t("consortium.schoolsLink")}
        </Link>
        {" · "}
        <Link className="govuk-link" to={`/consortia/${consortium.id}/impact`}>
          {t("impact.consortium.link")}
        </Link>
      </p>
      <h2 className="govuk-heading-m">{t("consortium.pot")}</h2>
      {pot ? (
        <p className="govuk-body">
          {t("consortium.potAvailable", { amount: formatPence(pot.availablePence) })}{" "}
          {can.viewPotStatement ? (
            <Link className="govuk-link" to={`/accounts/${pot.accountId}`}>
              {t("collective.potStatement")}
            </Link>
          ) : null}
        </p>
      ) : (
        <p className="govuk-body">{t("consortium.noPot")}</p>
      )}
      <h2 className="govuk-heading-m">{t("mou.heading")}</h2>
      <p className="govuk-body">
        {mou.published
          ? t("mou.consortiumSummary", { year: mou.financialYear, signed: mou.signed, count: mou.count })
          : t("mou.consortiumNone", { year: mou.financialYear })}{" "}
        <Link className="govuk-link" to={`/consortia/${consortium.id}/mou`}>
          {t("mou.consortiumLink")}
        </Link>
      </p>
      {mou.published && mou.signed < mou.count ? (
        <Details summary={t("mou.notSignedYet", { count: mou.count - mou.signed })}>
          <ul className="govuk-list">
            {mou.schools
              .filter((s) => !s.signed)
              .map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
          </ul>
        </Details>
      ) : null}
      {requests.length ? (
        <ItemTable
          compact
          caption={t("consortium.requests")}
          captionSize="m"
          rowHeader={false}
          columns={[
            { label: t("purchase.school"), cell: (r) => r.schoolName },
            { label: t("purchase.offer"), cell: (r) => r.title },
            { label: t("invoice.net"), numeric: true, cell: (r) => formatPence(r.netPence) },
            {
              label: t("consortium.decision"),
              cell: (r) => (
                <Form method="post" className="govuk-button-group">
                  <input type="hidden" name="orderId" value={r.id} />
                  <ButtonLink to={`/consortia/${consortium.id}?confirm=${r.id}`} className="govuk-!-margin-bottom-0">
                    {t("consortium.approve", { school: r.schoolName })}
                  </ButtonLink>
                  <SubmitButton intent="refuse" kind="secondary" className="govuk-!-margin-bottom-0">
                    {t("consortium.refuse")}
                  </SubmitButton>
                </Form>
              ),
            },
          ]}
          items={requests}
        />
      ) : null}
      <h2 className="govuk-heading-m">{t("nav.collectivePurchases")}</h2>
      {purchases.length ? (
        <ul className="govuk-list">
          {purchases.map(({ purchase, title, joined }) => (
            <li key={purchase.id}>
              <Link className="govuk-link" to={`/collective-purchases/${purchase.id}`}>
                {title}
              </Link>{" "}
              – {t(`collectiveStatus.${purchase.status}`)}, {joinedAndWhen(purchase, joined)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">{t("collectives.noneOpen")}</p>
      )}
      <ItemTable
        compact
        caption={t("consortium.members", { count: members.length })}
        captionSize="m"
        rowHeader={false}
        columns={[
          { label: t("purchase.school"), cell: (m) => m.name },
          { label: t("consortium.urn"), cell: (m) => m.urn },
          { label: t("consortium.pupils"), numeric: true, cell: (m) => m.pupils },
          { label: t("consortium.head"), cell: (m) => m.heads.map((h) => h.email).join(", ") },
        ]}
        items={members}
      />
    </>
  );
}
