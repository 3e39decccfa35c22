import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/user.server";
import { csvResponse } from "~/csv.server";
import { loadReconciliation, reconciliationRows } from "~/domain/payments/reconciliation.server";
import { stripeFor } from "~/integrations/stripe.server";
import { requireActing } from "./purchasing.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, actor, authorityId } = await requireActing(request, context);
  requirePermission(user, "record:payment", { authorityId });
  const rows = reconciliationRows(await loadReconciliation(context.db, stripeFor(context.env), { actor, authorityId }));
  return csvResponse("reconciliation.csv", [
    ["Source", "What", "Reference", "Description", "Ledger GBP", "Stripe or bank GBP", "Difference GBP"],
    ...rows.map((r) => [
      r.source,
      r.kind,
      r.reference,
      r.description,
      r.ledgerPence === null ? null : { pence: r.ledgerPence },
      r.externalPence === null ? null : { pence: r.externalPence },
      { pence: (r.externalPence ?? 0) - (r.ledgerPence ?? 0) },
    ]),
  ]);
}
