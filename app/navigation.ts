import type { CurrentUser } from "~/auth/user.server";
import { can, type Permission } from "~/auth/permissions";
import type { MessageKey } from "~/i18n";

export type NavigationItem = { href: string; label: MessageKey };

/** The service navigation: each item shows when the user may use it in their acting organisation's authority. */
const ITEMS: { item: NavigationItem; permission?: Permission }[] = [
  { item: { href: "/", label: "nav.home" } },
  { item: { href: "/accounts", label: "nav.accounts" }, permission: "view:statement" },
  { item: { href: "/finance/ledger", label: "nav.ledger" }, permission: "view:ledger" },
  { item: { href: "/account", label: "nav.account" } },
];

export function navigationFor(user: CurrentUser): NavigationItem[] {
  const acting = user.acting;
  return ITEMS.filter(({ permission }) => !permission || (acting && can(user.grants, permission, acting))).map(({ item }) => item);
}
