import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { and, asc, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { isUuid } from "~/domain/ids";
import { can, type Permission, type Target } from "./permissions";
import { readSessionToken, validateSessionToken, type Session } from "./session.server";
import { t } from "~/i18n";
import { forbidden, notFoundPage } from "~/refusals.server";

export type CurrentMembership = {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationKind: (typeof schema.organisations.$inferSelect)["kind"];
  authorityId: string;
  authorityName: string;
  role: (typeof schema.memberships.$inferSelect)["role"];
  subjectAreas: string[];
  chair: boolean;
};

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  session: Session;
  memberships: CurrentMembership[];
  /** The organisation the user acts for now, and its authority: every query is scoped by it. */
  acting: {
    organisationId: string;
    organisationName: string;
    organisationKind: CurrentMembership["organisationKind"];
    authorityId: string;
    authorityName: string;
  } | null;
  /** Memberships in the acting organisation's authority: nothing crosses authorities. */
  grants: CurrentMembership[];
};

export async function loadMemberships(db: Queryable, userId: string): Promise<CurrentMembership[]> {
  return db
    .select({
      id: schema.memberships.id,
      organisationId: schema.memberships.organisationId,
      organisationName: schema.organisations.name,
      organisationKind: schema.organisations.kind,
      authorityId: schema.memberships.authorityId,
      authorityName: schema.authorities.name,
      role: schema.memberships.role,
      subjectAreas: schema.memberships.subjectAreas,
      chair: schema.memberships.chair,
    })
    .from(schema.memberships)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .innerJoin(schema.authorities, eq(schema.authorities.id, schema.memberships.authorityId))
    .where(eq(schema.memberships.userId, userId))
    .orderBy(asc(schema.organisations.name), asc(schema.memberships.role));
}

// The root loader and the page's loaders see the same Request: look the session up once for all of them.
const usersByRequest = new WeakMap<Request, Promise<CurrentUser | null>>();

export function getUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  let user = usersByRequest.get(request);
  if (!user) {
    user = loadUser(request, context);
    usersByRequest.set(request, user);
  }
  return user;
}

async function loadUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  const token = readSessionToken(request, context.env.SECURE);
  if (!token) return null;
  const result = await validateSessionToken(context.db, token);
  if (!result) return null;
  if (context.requestLog) context.requestLog.userId = result.user.id;
  const memberships = await loadMemberships(context.db, result.user.id);
  const actingMembership = memberships.find((m) => m.organisationId === result.session.actingOrganisationId) ?? memberships[0] ?? null;
  const acting = actingMembership
    ? {
        organisationId: actingMembership.organisationId,
        organisationName: actingMembership.organisationName,
        organisationKind: actingMembership.organisationKind,
        authorityId: actingMembership.authorityId,
        authorityName: actingMembership.authorityName,
      }
    : null;
  const grants = acting ? memberships.filter((m) => m.authorityId === acting.authorityId) : [];
  return { ...result.user, session: result.session, memberships, acting, grants };
}

/** The signed-in user, or a redirect to sign in that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await getUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return user;
}

/** Throws 403 unless one of the user's roles allows the permission on the target. */
export function requirePermission(user: CurrentUser, permission: Permission, target: Target) {
  if (!can(user.grants, permission, target)) throw forbidden();
}

/** The user's authority (of the organisation they act for); 403 when they have no organisation. */
export function requireAuthorityId(user: CurrentUser): string {
  if (!user.acting) throw forbidden(t("refusal.auth.areMemberAnyOrganisation"));
  return user.acting.authorityId;
}

/**
 * The start of most authority pages: the signed-in user (or a redirect to sign in), their
 * authority, and a 403 unless one of their roles allows `permission` there.
 */
export async function requireAuthorityPermission(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
): Promise<{ user: CurrentUser; authorityId: string }> {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, permission, { authorityId });
  return { user, authorityId };
}

/** An organisation of the user's authority, or 404: ids from another authority find nothing. */
export async function requireOrganisation(db: Queryable, user: CurrentUser, organisationId: string) {
  const authorityId = requireAuthorityId(user);
  const [organisation] = isUuid(organisationId)
    ? await db
        .select()
        .from(schema.organisations)
        .where(and(eq(schema.organisations.id, organisationId), eq(schema.organisations.authorityId, authorityId)))
    : [];
  if (!organisation) throw notFoundPage();
  return organisation;
}
