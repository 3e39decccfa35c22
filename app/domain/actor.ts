import type { MembershipGrant } from "~/auth/permissions";

/** Who acts in a use case: the user and their memberships in the authority they act in. */
export type Actor = { id: string; grants: readonly (MembershipGrant & { subjectAreas?: readonly string[] })[] };

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID_PATTERN.test(value);
