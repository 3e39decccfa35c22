import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { OfferTitle } from "~/components/offer-title";
import { SummaryRow } from "~/components/summary-row";
import { ItemTable } from "~/components/table";
import { onboardingLink, payoutsOf, startOnboarding } from "~/domain/payments/connect.server";
import { donePath } from "~/done";
import { formatDate, formatPence } from "~/format";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { forbidden, refusalOnForm } from "~/refusals.server";
import { stripeFor } from "~/integrations/stripe.server";
import { pageTitle } from "~/page-title";
import type { ConnectStatus } from "~/db.server";
import { requireActing } from "./purchasing.server";

const PayoutsSchema = z.object({ intent: z.enum(["start", "continue"]) });

export const meta: MetaFunction = ({ data }) => pageTitle(t("payouts.title"), data);

async function load(request: Request, context: LoaderFunctionArgs["context"]) {
  const acting = await requireActing(request, context);
  const { user, authorityId } = acting;
  const provider =
    user.grants.find(
      (m) =>
        m.organisationKind === "provider" &&
        m.organisationId === user.acting?.organisationId &&
        can(user.grants, "manage:payouts", { organisationId: m.organisationId, authorityId }),
    ) ?? user.grants.find((m) => m.organisationKind === "provider" && can(user.grants, "manage:payouts", { organisationId: m.organisationId, authorityId }));
  if (!provider) throw forbidden(t("payouts.error.notProvider"));
  return { ...acting, provider: { id: provider.organisationId, name: provider.organisationName } };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, authorityId, provider } = await load(request, context);
  const { account, transfers, ownService } = await payoutsOf(context.db, { actor, authorityId, providerId: provider.id });
  return { provider, account: account && { status: account.status }, transfers, ownService, stripeEnabled: context.env.STRIPE };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, authorityId, provider } = await load(request, context);
  const parsed = await parseForm(request, PayoutsSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    if (parsed.data.intent === "start") {
      await startOnboarding(context.db, { actor, authorityId, providerId: provider.id, stripeEnabled: context.env.STRIPE });
      return redirect(donePath("/provider/payouts", "payoutsStarted"), { status: 303 });
    }
    const stripe = stripeFor(context.env);
    if (!stripe) return invalid({ form: [t("payments.unavailable")] }, parsed.values, 409);
    return redirect(await onboardingLink(context.db, stripe, { actor, authorityId, providerId: provider.id, appUrl: context.env.APP_URL }), { status: 303 });
  } catch (error) {
    return refusalOnForm(error, parsed.values, { field: "form", allOnForm: true });
  }
}

export default function Payouts() {
  const { provider, account, transfers, ownService, stripeEnabled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const status = (account?.status ?? "none") as "none" | ConnectStatus;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <span className="govuk-caption-l">{provider.name}</span>
      <h1 className="govuk-heading-l">{t("payouts.title")}</h1>
      {!stripeEnabled ? (
        <p className="govuk-body">{t("payments.unavailable")}</p>
      ) : ownService ? (
        <p className="govuk-body">{t("payouts.ownService")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("payouts.intro.whenConfirmed")}</p>
          <p className="govuk-body">{t("payouts.intro.otherSales")}</p>
          <dl className="govuk-summary-list">
            <SummaryRow label={t("payouts.status")}>
              <strong className="govuk-tag">{t(`payouts.status.${status}`)}</strong>
            </SummaryRow>
          </dl>
          {status === "creating" ? <p className="govuk-body">{t("payouts.creating")}</p> : null}
          {status === "none" || status === "onboarding" || status === "restricted" ? (
            <Form method="post" noValidate>
              <SubmitButton intent={status === "none" ? "start" : "continue"}>{t(status === "none" ? "payouts.start" : "payouts.continue")}</SubmitButton>
            </Form>
          ) : null}
        </>
      )}
      <ItemTable
        caption={t("payouts.transfers.caption")}
        columns={[
          {
            label: t("payouts.transfers.order"),
            cell: (tr) => (
              <Link className="govuk-link" to={`/purchases/${tr.orderId}`}>
                <OfferTitle title={tr.title} titleCy={tr.titleCy} />
              </Link>
            ),
          },
          { label: t("payouts.transfers.school"), cell: (tr) => tr.schoolName },
          { label: t("reconciliation.date"), cell: (tr) => formatDate(tr.sentAt ?? tr.createdAt) },
          { label: t("payouts.transfers.status"), cell: (tr) => t(`payouts.transfer.${tr.status}`) },
          { label: t("payouts.transfers.amount"), numeric: true, cell: (tr) => formatPence(tr.amountPence - tr.reversedPence) },
        ]}
        items={transfers}
        empty={t("payouts.transfers.none")}
      />
    </>
  );
}
