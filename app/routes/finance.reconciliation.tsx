import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requirePermission } from "~/auth/user.server";
import { CsvFileUpload, DateInput, ErrorSummary, SubmitButton } from "~/components/forms";
import { SuccessBanner } from "~/components/success-banner";
import { ItemTable } from "~/components/table";
import { importBankStatement, STATEMENT_MAX_BYTES, uploadSummary } from "~/domain/payments/bank-statement.server";
import { reconciliationHref, SIDE_LIMIT, type ReconcileLine, type Reconciliation } from "~/domain/payments/rules";
import type { DisputeStatus } from "~/db.server";
import { loadReconciliation } from "~/domain/payments/reconciliation.server";
import { formatDate, formatDateInputExample, formatPence } from "~/format";
import { invalid } from "~/forms.server";
import { isMessageKey, t } from "~/i18n";
import { stripeFor } from "~/integrations/stripe.server";
import { pageTitle } from "~/page-title";
import { attempt } from "~/refusals.server";
import { requireActing } from "./purchasing.server";
import { reconciliationRequest } from "./reconciliation.server";
import { WarningText } from "~/components/warning-text";

export const meta: MetaFunction = ({ data }) => pageTitle(t("reconciliation.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = await reconciliationRequest(request, context);
  const uploaded = await uploadSummary(context.db, asked.authorityId, asked.params.get("uploaded"));
  if (!asked.range) return data({ errors: asked.errors, values: asked.values, view: null, uploaded }, { status: 400 });
  const view = await loadReconciliation(context.db, stripeFor(context.env), { actor: asked.actor, authorityId: asked.authorityId, range: asked.range });
  return { errors: null, values: asked.values, view, uploaded };
}

/** The statement file from the upload form; null when there is none, or it is too big or not text. */
async function statementFile(request: Request): Promise<{ name: string; text: string } | null> {
  if (Number(request.headers.get("Content-Length") ?? 0) > STATEMENT_MAX_BYTES + 64_000) return null;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0 || file.size > STATEMENT_MAX_BYTES) return null;
  const text = await file.text();
  return text.includes("\u0000") ? null : { name: file.name, text };
}

/** Finance uploads the authority's bank statement; the page then shows the statement's dates, with a banner saying what was read. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, actor, authorityId } = await requireActing(request, context);
  requirePermission(user, "record:payment", { authorityId });
  const file = await statementFile(request);
  if (!file) return invalid({ file: [t("bankStatement.error.file")] });
  const done = await attempt(() => importBankStatement(context.db, { actor, authorityId, fileName: file.name, csv: file.text }), {}, { field: "file" });
  if (!done.ok) return done.response;
  const { uploadId, from, to } = done.value;
  return redirect(reconciliationHref("/finance/reconciliation", { from: from!, to: to! }, { uploaded: uploadId }), 303);
}

const money = (pence: number | null | undefined) => (pence === null || pence === undefined ? "" : formatPence(pence));

function Differences({ caption, result }: { caption: string; result: Reconciliation }) {
  const rows = [
    ...result.amountDiffers.map((d) => ({ kind: "amountDiffers" as const, line: d.ledger, ledger: d.ledger.amountPence, external: d.external.amountPence })),
    ...result.onlyInLedger.map((l) => ({ kind: "onlyInLedger" as const, line: l, ledger: l.amountPence, external: null })),
    ...result.onlyExternal.map((x) => ({ kind: "onlyExternal" as const, line: x, ledger: null, external: x.amountPence })),
  ];
  return (
    <ItemTable
      caption={caption}
      empty={`${caption}: ${t("reconciliation.noDifferences")}`}
      columns={[
        { label: t("reconciliation.reference"), cell: (r) => r.line.reference },
        { label: t("reconciliation.kind"), cell: (r) => t(`reconciliation.kind.${r.kind}`) },
        { label: t("reconciliation.description"), cell: (r) => r.line.label },
        { label: t("reconciliation.ledger"), numeric: true, cell: (r) => money(r.ledger) },
        { label: t("reconciliation.external"), numeric: true, cell: (r) => money(r.external) },
        { label: t("reconciliation.difference"), numeric: true, cell: (r) => formatPence((r.external ?? 0) - (r.ledger ?? 0)) },
      ]}
      items={rows}
      rowKey={(r, i) => `${r.kind}-${r.line.reference}-${i}`}
    />
  );
}

function Matched({ caption, lines }: { caption: string; lines: { ledger: ReconcileLine }[] }) {
  return (
    <ItemTable
      caption={caption}
      columns={[
        { label: t("reconciliation.reference"), cell: (m) => m.ledger.reference },
        { label: t("reconciliation.description"), cell: (m) => m.ledger.label },
        { label: t("reconciliation.amount"), numeric: true, cell: (m) => formatPence(m.ledger.amountPence) },
      ]}
      items={lines}
      rowKey={(m) => m.ledger.reference}
      empty={`${caption}: ${t("reconciliation.matched.none")}`}
    />
  );
}

function NotOurs({ lines }: { lines: ReconcileLine[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">{t("reconciliation.notOurs")}</h2>
      {lines.length === 0 ? (
        <p className="govuk-body">{t("reconciliation.notOurs.none")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("reconciliation.notOurs.intro")}</p>
          <ItemTable
            caption={t("reconciliation.notOurs")}
            captionSize="s"
            columns={[
              { label: t("reconciliation.date"), cell: (l) => formatDate(l.date) },
              { label: t("reconciliation.description"), cell: (l) => l.reference },
              { label: t("reconciliation.amount"), numeric: true, cell: (l) => formatPence(l.amountPence) },
            ]}
            items={lines}
            rowKey={(l, i) => `${l.date}-${i}`}
          />
        </>
      )}
    </>
  );
}

function RangeForm({ values, errors }: { values: Record<string, string>; errors: Record<string, string[] | undefined> | null }) {
  return (
    <Form method="get" noValidate>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("reconciliation.range.legend")}</legend>
        <div className="govuk-hint">{t("reconciliation.range.hint", { example: formatDateInputExample(new Date()) })}</div>
        <DateInput name="from" legend={t("reconciliation.range.from")} errors={errors} values={values} />
        <DateInput name="to" legend={t("reconciliation.range.to")} errors={errors} values={values} />
      </fieldset>
      <SubmitButton kind="secondary">{t("reconciliation.range.show")}</SubmitButton>
    </Form>
  );
}

function UploadForm({ errors }: { errors: Record<string, string[] | undefined> | null }) {
  return (
    <Form method="post" encType="multipart/form-data" noValidate>
      <h2 className="govuk-heading-m">{t("bankStatement.title")}</h2>
      <CsvFileUpload label={t("bankStatement.file")} hint={t("bankStatement.hint")} errors={errors} />
      <SubmitButton kind="secondary">{t("bankStatement.upload")}</SubmitButton>
    </Form>
  );
}

const SIDES = {
  stripeLedger: "reconciliation.truncated.stripeLedger",
  stripe: "reconciliation.truncated.stripe",
  bankLedger: "reconciliation.truncated.bankLedger",
  statement: "reconciliation.truncated.statement",
} as const;

/** Stripe's reason for a dispute in the reader's words; a reason Stripe adds later shows as Stripe's code. */
const disputeReason = (reason: string | null) => {
  if (!reason) return "";
  const key = `dispute.reason.${reason}`;
  return isMessageKey(key) ? t(key) : reason;
};

export default function ReconciliationPage() {
  const { errors: rangeErrors, values, view, uploaded } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted && "errors" in posted ? posted.errors : rangeErrors;
  const truncated = view ? (Object.keys(SIDES) as (keyof typeof SIDES)[]).filter((side) => view.truncated[side]).map((side) => t(SIDES[side])) : [];
  return (
    <>
      <SuccessBanner title={t("banner.success")}>
        {uploaded
          ? t("bankStatement.uploaded", {
              count: uploaded.read,
              file: uploaded.fileName,
              from: uploaded.from ? formatDate(uploaded.from) : "",
              to: uploaded.to ? formatDate(uploaded.to) : "",
              added: uploaded.added,
              held: uploaded.alreadyHeld,
            })
          : null}
      </SuccessBanner>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("reconciliation.title")}</h1>
      <p className="govuk-body">{t("reconciliation.intro")}</p>
      <RangeForm values={values} errors={rangeErrors} />
      <UploadForm errors={posted && "errors" in posted ? posted.errors : null} />
      {view ? <Reconciled view={view} truncated={truncated} /> : null}
    </>
  );
}

function Reconciled({ view, truncated }: { view: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["view"]>; truncated: string[] }) {
  const { stripe, bank, bankUnmatched, statementLines, checkouts, disputes, range } = view;
  return (
    <>
      <h2 className="govuk-heading-m">{t("reconciliation.range.showing", { from: formatDate(range.from), to: formatDate(range.to) })}</h2>
      {truncated.length ? (
        <WarningText announced>{t("reconciliation.truncated", { limit: SIDE_LIMIT.toLocaleString("en-GB"), sides: truncated.join(", ") })}</WarningText>
      ) : null}
      <p className="govuk-body">{t("reconciliation.statement.count", { count: statementLines })}</p>
      <p className="govuk-body">
        <a className="govuk-link" href={reconciliationHref("/finance/reconciliation.csv", range)} download>
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
      <NotOurs lines={bankUnmatched} />

      <h2 className="govuk-heading-m">{t("reconciliation.disputes")}</h2>
      <ItemTable
        caption={t("reconciliation.disputes")}
        columns={[
          { label: t("reconciliation.invoice"), link: (d) => `/invoices/${d.invoiceId}`, cell: (d) => d.invoiceNumber },
          { label: t("reconciliation.order"), cell: (d) => <Link className="govuk-link" to={`/purchases/${d.orderId}`}>{`${d.schoolName}`}</Link> },
          { label: t("reconciliation.dispute.reason"), cell: (d) => disputeReason(d.disputeReason) },
          { label: t("stripeLedger.dispute.status"), cell: (d) => <DisputeStatusTag status={d.disputeStatus ?? "open"} /> },
          { label: t("reconciliation.amount"), numeric: true, cell: (d) => formatPence(d.amountPence) },
        ]}
        items={disputes}
        empty={t("reconciliation.disputes.none")}
      />

      <h2 className="govuk-heading-m">{t("reconciliation.payments")}</h2>
      <ItemTable
        caption={t("reconciliation.payments")}
        columns={[
          {
            label: t("reconciliation.invoice"),
            cell: (c) => <Link className="govuk-link" to={`/invoices/${c.invoiceId}`}>{`${c.invoiceNumber} (${c.schoolName})`}</Link>,
          },
          { label: t("reconciliation.date"), cell: (c) => (c.completedAt ? formatDate(c.completedAt) : "") },
          { label: t("reconciliation.amount"), numeric: true, cell: (c) => formatPence(c.amountPence) },
          { label: t("reconciliation.refunded"), numeric: true, cell: (c) => formatPence(c.refundedPence) },
          {
            label: t("reconciliation.refund"),
            cell: (c) =>
              c.refundedPence < c.amountPence ? (
                <Link className="govuk-link" to={`/finance/refunds/${c.id}`}>
                  {t("reconciliation.refund")}
                  <span className="govuk-visually-hidden"> {c.invoiceNumber}</span>
                </Link>
              ) : (
                ""
              ),
          },
        ]}
        items={checkouts}
        empty={t("reconciliation.payments.none")}
      />

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
