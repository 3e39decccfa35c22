import { can, type MembershipGrant, type Permission, type Target } from "~/auth/permissions";
import { AppError } from "~/domain/errors";

/** Who is acting: the signed-in user's id and their memberships in the acting authority. */
export type Actor = { id: string; grants: readonly MembershipGrant[] };

export function ensureCan(actor: Actor, permission: Permission, target: Target, message = "You do not have permission to do that") {
  if (!can(actor.grants, permission, target)) throw new AppError("FORBIDDEN", message);
}
