import type { Role } from "~/db.server";

/** Everything a person can be allowed to do. */
export const PERMISSIONS = [
  "view:organisation",
  "invite:member",
  "verify:provider",
  "edit:offer",
  "submit:offer",
  "review:offer",
  "decide:offer",
  "suspend:offer",
  "publish:need",
  "commission:offer",
  "browse:catalogue",
  "buy:offer",
  "open:collective-purchase",
  "join:collective-purchase",
  "manage:pot",
  "view:statement",
  "deliver:order",
  "evaluate:delivery",
  "sign-off:evaluation",
  "record:payment",
  "view:sales",
  "allocate:funding",
  "publish:mou",
  "sign:mou",
  "view:audit",
  "view:ledger",
  "manage:consortia",
  "set:category",
  "assign:adviser",
  "assign:subject-lead",
  "retry:outbox",
  "import:schools",
  "view:directory",
  "manage:members",
  "manage:payouts",
  "view:schools",
  "view:readiness",
  "record:readiness",
  "respond:readiness",
  "set:rating-threshold",
  "view:impact",
  "view:disputes",
  "view:traded-income",
  "view:termly-report",
  "take:report-snapshot",
  "view:pot-briefing",
  "view:school-finance",
  "set:cfr-code",
  "manage:authority-settings",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** One table: what each role may do in the organisation where it is held. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  la_admin: [
    "view:organisation",
    "invite:member",
    "verify:provider",
    "browse:catalogue",
    "view:statement",
    "view:audit",
    "allocate:funding",
    "publish:mou",
    "manage:consortia",
    "set:category",
    "assign:adviser",
    "assign:subject-lead",
    "retry:outbox",
    "import:schools",
    "view:directory",
    "manage:members",
    "view:schools",
    "view:readiness",
    "record:readiness",
    "set:rating-threshold",
    "view:impact",
    "view:traded-income",
    "view:termly-report",
    "take:report-snapshot",
    "view:pot-briefing",
    "manage:authority-settings",
  ],
  la_finance: [
    "view:organisation",
    "view:statement",
    "record:payment",
    "view:sales",
    "allocate:funding",
    "view:audit",
    "view:ledger",
    "view:directory",
    "view:disputes",
    "view:traded-income",
    "view:termly-report",
    "take:report-snapshot",
    "view:pot-briefing",
    "view:school-finance",
    "set:cfr-code",
  ],
  commissioner: [
    "view:organisation",
    "browse:catalogue",
    "decide:offer",
    "suspend:offer",
    "publish:need",
    "commission:offer",
    "open:collective-purchase",
    "view:directory",
    "view:schools",
    "view:readiness",
    "view:impact",
    "view:disputes",
  ],
  // An adviser sets the category only of the schools assigned to them (checked in the use case).
  challenge_adviser: [
    "view:organisation",
    "browse:catalogue",
    "sign-off:evaluation",
    "set:category",
    "view:directory",
    "view:schools",
    "view:readiness",
    "view:impact",
  ],
  qa_panel_member: ["view:organisation", "review:offer"],
  consortium_lead: [
    "view:organisation",
    "invite:member",
    "browse:catalogue",
    "open:collective-purchase",
    "manage:pot",
    "view:statement",
    "view:readiness",
    "respond:readiness",
    "view:pot-briefing",
  ],
  headteacher: [
    "view:organisation",
    "invite:member",
    "browse:catalogue",
    "buy:offer",
    "join:collective-purchase",
    "view:statement",
    "evaluate:delivery",
    "sign:mou",
  ],
  school_business_manager: ["view:organisation", "browse:catalogue", "buy:offer", "join:collective-purchase", "view:statement", "view:school-finance"],
  provider_admin: ["view:organisation", "invite:member", "edit:offer", "submit:offer", "deliver:order", "view:statement", "manage:payouts"],
  provider_staff: ["view:organisation", "edit:offer", "deliver:order"],
};

/**
 * Roles held in the authority's own office act across the whole authority
 * (for example an la_admin verifies any provider of that authority).
 */
export const AUTHORITY_WIDE_ROLES: readonly Role[] = ["la_admin", "la_finance", "commissioner", "challenge_adviser"];

export type MembershipGrant = { organisationId: string; authorityId: string; role: Role; chair?: boolean };
export type Target = { organisationId: string; authorityId: string } | { authorityId: string; organisationId?: undefined };

export const roleCan = (role: Role, permission: Permission) => ROLE_PERMISSIONS[role].includes(permission);

/** Does any of these memberships allow this permission on the target organisation (or authority)? */
export function can(memberships: readonly MembershipGrant[], permission: Permission, target: Target): boolean {
  return memberships.some(
    (m) =>
      m.authorityId === target.authorityId &&
      roleCan(m.role, permission) &&
      (m.organisationId === target.organisationId || AUTHORITY_WIDE_ROLES.includes(m.role)),
  );
}
