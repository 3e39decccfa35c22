import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvHeadings, csvResponse } from "~/csv.server";
import { loadReconciliation, reconciliationRows } from "~/domain/payments/reconciliation.server";
import { t, type MessageKey } from "~/i18n";
import { stripeFor } from "~/integrations/stripe.server";
import { reconciliationRequest } from "./reconciliation.server";

/** A file refused, with why in a line of text in its place. */
const refusal = (message: string, status: number, headers: Record<string, string> = {}) =>
  new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = await reconciliationRequest(request, context);
  if (!asked.range) return refusal(Object.values(asked.errors).flat().join(". ") || t("reconciliation.range.error.from.invalid"), 400);
  const { range } = asked;
  const view = await loadReconciliation(context.db, stripeFor(context.env), { actor: asked.actor, authorityId: asked.authorityId, range });
  // A file without Stripe's side would look complete while leaving out every payment made through Stripe.
  if (view.stripe.state === "unreachable") return refusal(t("reconciliation.csv.stripeUnreachable"), 503, { "Retry-After": "60" });
  const rows = reconciliationRows(view);
  return csvResponse(`reconciliation-${range.from}-to-${range.to}.csv`, [
    csvHeadings([
      "csv.reconciliation.source",
      "csv.reconciliation.what",
      "csv.reconciliation.reference",
      "csv.reconciliation.date",
      "csv.reconciliation.description",
      "csv.reconciliation.ledger",
      "csv.reconciliation.external",
      "csv.reconciliation.difference",
    ]),
    // The source and the kind of line in words, as the reconciliation page names them.
    ...rows.map((r) => [
      t(`reconciliation.source.${r.source}` as MessageKey),
      t(`reconciliation.kind.${r.kind}` as MessageKey),
      r.reference,
      r.date,
      r.description,
      r.ledgerPence === null ? null : { pence: r.ledgerPence },
      r.externalPence === null ? null : { pence: r.externalPence },
      { pence: (r.externalPence ?? 0) - (r.ledgerPence ?? 0) },
    ]),
  ]);
}
