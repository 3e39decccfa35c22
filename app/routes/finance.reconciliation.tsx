import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/user.server";
import { Table } from "~/components/table";
import type { DisputeStatus } from "~/db.server";
import type { ReconcileLine, Reconciliation } from "~/domain/payments/rules";
import { loadReconciliation } from "~/domain/payments/reconciliation.server";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { stripeFor } from "~/integrations/stripe.server";
import { pageTitle } from "~/page-title";
import { requireActing } from "./purchasing.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("reconciliation.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, actor, authorityId } = await requireActing(request, context);
  requirePermission(user, "record:payment", { authorityId });
  return loadReconciliation(context.db, stripeFor(context.env), { actor, authorityId });
}

const money = (pence: number | null | undefined) => (pence === null || pence === undefined ? "" : formatPence(pence));

function Differences({ caption, result }: { caption: string; result: Reconciliation }) {
  const rows = [
    ...result.amountDiffers.map((d) => ({ kind: "amountDiffers" as const, line: d.ledger, ledger: d.ledger.amountPence, external: d.external.amountPence })),
    ...result.onlyInLedger.map((l) => ({ kind: "onlyInLedger" as const, line: l, ledger: l.amountPence, external: null })),
    ...result.onlyExternal.map((x) => ({ kind: "onlyExternal" as const, line: x, ledger: null, external: x.amountPence })),
  ];
  if (rows.length === 0)
    return (
      <p className="govuk-body">
        {caption}: {t("reconciliation.noDifferences")}
      </p>
    );
  return (
    <Table
      caption={caption}
      columns={[
        { label: t("reconciliation.reference") },
        { label: t("reconciliation.kind") },
        { label: t("reconciliation.description") },
        { label: t("reconciliation.ledger"), numeric: true },
        { label: t("reconciliation.external"), numeric: true },
        { label: t("reconciliation.difference"), numeric: true },
      ]}
      rows={rows.map((r, i) => ({
        key: `${r.kind}-${r.line.reference}-${i}`,
        cells: [
          r.line.reference,
          t(`reconciliation.kind.${r.kind}`),
          r.line.label,
          money(r.ledger),
          money(r.external),
          formatPence((r.external ?? 0) - (r.ledger ?? 0)),
        ],
      }))}
    />
  );
}

function Matched({ caption, lines }: { caption: string; lines: { ledger: ReconcileLine }[] }) {
  if (lines.length === 0) return null;
  return (
    <Table
      caption={caption}
      columns={[{ label: t("reconciliation.reference") }, { label: t("reconciliation.description") }, { label: t("reconciliation.amount"), numeric: true }]}
      rows={lines.map((m) => ({ key: m.ledger.reference, cells: [m.ledger.reference, m.ledger.label, formatPence(m.ledger.amountPence)] }))}
    />
  );
}

export default function ReconciliationPage() {
  const { stripe, bank, checkouts, disputes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("reconciliation.title")}</h1>
      <p className="govuk-body">{t("reconciliation.intro")}</p>
      <p className="govuk-body">
        <a className="govuk-link" href="/finance/reconciliation.csv" download>
          {t("reconciliation.csv")}
        </a>
      </p>
      <h2 className="govuk-heading-m">{t("reconciliation.differences")}</h2>
      {stripe.state === "ok" ? (
        <Differences caption={t("reconciliation.source.stripe")} result={stripe.result} />
      ) : (
        <p className="govuk-body">{t(stripe.state === "off" ? "reconciliation.stripeOff" : "reconciliation.stripeUnreachable")}</p>
      )}
      <Differences caption={t("reconciliation.source.bank")} result={bank} />

      <h2 className="govuk-heading-m">{t("reconciliation.disputes")}</h2>
      {disputes.length === 0 ? (
        <p className="govuk-body">{t("reconciliation.disputes.none")}</p>
      ) : (
        <Table
          caption={t("reconciliation.disputes")}
          columns={[
            { label: t("reconciliation.invoice") },
            { label: t("reconciliation.order") },
            { label: t("reconciliation.dispute.reason") },
            { label: t("stripeLedger.dispute.status") },
            { label: t("reconciliation.amount"), numeric: true },
          ]}
          rows={disputes.map((d) => ({
            key: d.id,
            cells: [
              <Link className="govuk-link" to={`/invoices/${d.invoiceId}`} key="i">
                {d.invoiceNumber}
              </Link>,
              <Link className="govuk-link" to={`/purchases/${d.orderId}`} key="o">{`${d.schoolName}`}</Link>,
              d.disputeReason ?? "",
              <DisputeStatusTag status={d.disputeStatus ?? "open"} key="s" />,
              formatPence(d.amountPence),
            ],
          }))}
        />
      )}

      <h2 className="govuk-heading-m">{t("reconciliation.payments")}</h2>
      {checkouts.length === 0 ? (
        <p className="govuk-body">{t("reconciliation.payments.none")}</p>
      ) : (
        <Table
          caption={t("reconciliation.payments")}
          columns={[
            { label: t("reconciliation.invoice") },
            { label: t("reconciliation.date") },
            { label: t("reconciliation.amount"), numeric: true },
            { label: t("reconciliation.refunded"), numeric: true },
            { label: t("reconciliation.refund") },
          ]}
          rows={checkouts.map((c) => ({
            key: c.id,
            cells: [
              <Link className="govuk-link" to={`/invoices/${c.invoiceId}`} key="i">{`${c.invoiceNumber} (${c.schoolName})`}</Link>,
              c.completedAt ? formatDate(c.completedAt) : "",
              formatPence(c.amountPence),
              formatPence(c.refundedPence),
              c.refundedPence < c.amountPence ? (
                <Link className="govuk-link" to={`/finance/refunds/${c.id}`} key="r">
                  {t("reconciliation.refund")}
                  <span className="govuk-visually-hidden"> {c.invoiceNumber}</span>
                </Link>
              ) : (
                ""
              ),
            ],
          }))}
        />
      )}

      <h2 className="govuk-heading-m">{t("reconciliation.matched")}</h2>
      {stripe.state === "ok" ? <Matched caption={t("reconciliation.source.stripe")} lines={stripe.result.matched} /> : null}
      <Matched caption={t("reconciliation.source.bank")} lines={bank.matched} />
    </>
  );
}

/** Where a dispute stands: open while the school's bank decides, then won or lost. */
function DisputeStatusTag({ status }: { status: DisputeStatus }) {
  const colour = { open: "govuk-tag--yellow", won: "govuk-tag--green", lost: "govuk-tag--red" }[status];
  return <strong className={`govuk-tag ${colour}`}>{t(`stripeLedger.dispute.status.${status}`)}</strong>;
}
