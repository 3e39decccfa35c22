import { can, type MembershipGrant, type Permission, type Target } from "~/auth/permissions";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";

/** Who acts in a use case: the user and their memberships in the authority they act in. */
export type Actor = { id: string; grants: readonly (MembershipGrant & { subjectAreas?: readonly string[] })[] };

/** Refuse (FORBIDDEN, with this message) unless the actor holds the permission on the target. */
export function ensureCan(actor: Actor, permission: Permission, target: Target, message = t("refusal.forbidden")) {
  if (!can(actor.grants, permission, target)) throw new AppError("FORBIDDEN", message);
}
