// One title format for every page, with GOV.UK's "Error: " prefix while the page shows errors.
import { t } from "~/i18n";

/**
 * Set by the root's <PageMeta> on the leaf route's data when the last form submitted on the page
 * came back with errors: Remix hands a meta function the loader's data but never the action's.
 */
export const FORM_FAILED = "__formFailed";

const hasMessages = (errors: unknown) =>
  !!errors && typeof errors === "object" && Object.values(errors as Record<string, unknown>).some((m) => (Array.isArray(m) ? m.length > 0 : !!m));

/** Whether a page's data (loader data, or action data) carries errors to show. */
export function showsErrors(data: unknown): boolean {
  if (!data || typeof data !== "object") return false;
  const d = data as Record<string, unknown>;
  return d[FORM_FAILED] === true || hasMessages(d.errors);
}

/** The page's <title>: "Error: Open a collective purchase – School Improvement Marketplace". */
export function pageTitle(title: string, data?: unknown): { title: string }[] {
  const full = `${title} – ${t("service.name")}`;
  return [{ title: showsErrors(data) ? t("page.errorPrefix", { title: full }) : full }];
}
