// What the reconciliation page and its CSV share: finance of the authority, and the range of dates asked for.
import type { AppLoadContext } from "@remix-run/node";
import { requirePermission } from "~/auth/user.server";
import { londonIsoDate } from "~/format";
import { reconciliationRange, type DayRange } from "~/domain/payments/rules";
import { withDateParams } from "~/forms/fields";
import { t } from "~/i18n";
import { requireActing } from "./purchasing.server";

const TO_PROBLEMS = {
  invalid: "reconciliation.range.error.to.invalid",
  toBeforeFrom: "reconciliation.range.error.to.toBeforeFrom",
  tooLong: "reconciliation.range.error.to.tooLong",
} as const;

export async function reconciliationRequest(request: Request, context: AppLoadContext) {
  const acting = await requireActing(request, context);
  requirePermission(acting.user, "record:payment", { authorityId: acting.authorityId });
  const params = withDateParams(new URL(request.url).searchParams, ["from", "to"]);
  const asked = { from: params.get("from"), to: params.get("to") };
  const parsed = reconciliationRange(asked, londonIsoDate(new Date()));
  const values = { from: asked.from ?? "", to: asked.to ?? "" };
  if (!parsed.ok) {
    const { from, to } = parsed.problems;
    const errors: Record<string, string[]> = {};
    if (from) errors.from = [t("reconciliation.range.error.from.invalid")];
    if (to) errors.to = [t(TO_PROBLEMS[to])];
    return { ...acting, params, range: null, values, errors };
  }
  return { ...acting, params, range: parsed.range as DayRange, values: parsed.range, errors: null };
}
