import type { MembershipGrant } from "~/auth/permissions";

/** Who acts in a use case: the user and their memberships in the authority they act in. */
export type Actor = { id: string; grants: readonly (MembershipGrant & { subjectAreas?: readonly string[] })[] };

