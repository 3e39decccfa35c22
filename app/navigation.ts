import type { CurrentUser } from "~/auth/user.server";
import { can, roleCan, type Permission } from "~/auth/permissions";
import type { MessageKey } from "~/i18n";

export type NavigationItem = { href: string; label: MessageKey; params?: Record<string, string | number> };

/** Figures some items show in their label, loaded by the root loader. */
export type NavigationCounts = { shortlist?: number };

/**
 * The service navigation: each item shows when the user may use it in their acting organisation
 * (or, with `anywhere`, through any of their memberships in the acting authority: a head acting
 * for their school still sits on the QA panel of the board).
 */
const ITEMS: { item: NavigationItem; permission?: Permission; anywhere?: boolean; count?: keyof NavigationCounts }[] = [
  { item: { href: "/", label: "nav.home" } },
  { item: { href: "/catalogue", label: "nav.findSupport" }, permission: "browse:catalogue" },
  { item: { href: "/catalogue/compare", label: "nav.shortlist" }, permission: "browse:catalogue", count: "shortlist" },
  { item: { href: "/collective-purchases", label: "nav.collectivePurchases" }, permission: "join:collective-purchase" },
  { item: { href: "/collective-purchases", label: "nav.collectivePurchases" }, permission: "open:collective-purchase" },
  { item: { href: "/school/orders", label: "nav.schoolOrders" }, permission: "buy:offer" },
  { item: { href: "/provider/offers", label: "nav.providerOffers" }, permission: "edit:offer" },
  { item: { href: "/provider/orders", label: "nav.providerOrders" }, permission: "deliver:order" },
  { item: { href: "/provider/payouts", label: "payouts.nav" }, permission: "manage:payouts" },
  { item: { href: "/evaluations", label: "nav.evaluations" }, permission: "evaluate:delivery" },
  { item: { href: "/evaluations", label: "nav.evaluations" }, permission: "sign-off:evaluation" },
  { item: { href: "/qa", label: "nav.qaReviews" }, permission: "review:offer", anywhere: true },
  { item: { href: "/commissioning", label: "nav.commissioning" }, permission: "publish:need" },
  { item: { href: "/authority/providers", label: "nav.providers" }, permission: "verify:provider" },
  { item: { href: "/admin/outbox", label: "nav.failedEmails" }, permission: "retry:outbox" },
  { item: { href: "/finance/sales", label: "nav.sales" }, permission: "view:sales" },
  { item: { href: "/finance/reconciliation", label: "reconciliation.nav" }, permission: "record:payment" },
  { item: { href: "/delivery/disputes", label: "nav.disputes" }, permission: "view:disputes" },
  { item: { href: "/authority/impact", label: "nav.impact" }, permission: "view:impact" },
  { item: { href: "/finance/traded-income", label: "nav.tradedIncome" }, permission: "view:traded-income" },
  { item: { href: "/pot-briefing", label: "nav.potBriefing" }, permission: "view:pot-briefing" },
  { item: { href: "/reports/termly", label: "nav.termlyReport" }, permission: "view:termly-report" },
  { item: { href: "/school/finance", label: "nav.schoolFinance" }, permission: "view:school-finance" },
  { item: { href: "/accounts", label: "nav.accounts" }, permission: "view:statement" },
  { item: { href: "/finance/ledger", label: "nav.ledger" }, permission: "view:ledger" },
  { item: { href: "/funding", label: "nav.funding" }, permission: "allocate:funding" },
  { item: { href: "/directory", label: "nav.directory" }, permission: "view:directory" },
  { item: { href: "/schools", label: "nav.schoolView" }, permission: "view:schools" },
  { item: { href: "/readiness", label: "nav.readiness" }, permission: "view:readiness", anywhere: true },
  { item: { href: "/schools/import", label: "nav.schoolImport" }, permission: "import:schools" },
  { item: { href: "/consortia", label: "nav.consortia" }, permission: "manage:consortia" },
  { item: { href: "/authority/advisers", label: "nav.advisers" }, permission: "assign:adviser" },
  { item: { href: "/authority/subject-leads", label: "nav.subjectLeads" }, permission: "assign:subject-lead" },
  { item: { href: "/audit", label: "nav.audit" }, permission: "view:audit" },
  { item: { href: "/authority/settings", label: "nav.authoritySettings" }, permission: "manage:authority-settings" },
  { item: { href: "/account", label: "nav.account" } },
];

export function navigationFor(user: CurrentUser, counts: NavigationCounts = {}): NavigationItem[] {
  const acting = user.acting;
  const shown = ITEMS.filter(
    ({ permission, anywhere }) =>
      !permission || (acting && (can(user.grants, permission, acting) || (anywhere && user.grants.some((g) => roleCan(g.role, permission))))),
  );
  return shown
    .filter(({ item }, i) => shown.findIndex((other) => other.item.href === item.href) === i)
    .map(({ item, count }) => (count ? { ...item, params: { count: counts[count] ?? 0 } } : item));
}

/** May this user see the item at this address? (Lets the root loader skip counting what is not shown.) */
export const showsItem = (user: CurrentUser, href: string) => navigationFor(user).some((item) => item.href === href);
