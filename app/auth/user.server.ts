import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { and, asc, eq, sql } from "drizzle-orm";
import { preparedQuery, schema, type Queryable } from "~/db.server";
import { isUuid } from "~/domain/ids";
import { can, type Permission, type Target } from "./permissions";
import { hashToken, liveSession, readSessionToken, sessionColumns, type Session } from "./session.server";
import { isLocale, t, type Locale } from "~/i18n";
import { languageOf } from "~/domain/identity/rules";
import { shortlistCountOf } from "~/domain/catalogue/load-shortlist.server";
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
  /** The default language of the membership's authority, and when the membership began: the reader's language falls back to them. */
  authorityLanguage: Locale;
  since: Date;
};

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  /** The language the person chose, if they have. */
  language: Locale | null;
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
  /** How many offers are on the person's shortlist in the acting authority (0 when acting for none), for the navigation. */
  shortlisted: number;
};

const membershipColumns = {
  id: schema.memberships.id,
  organisationId: schema.memberships.organisationId,
  organisationName: schema.organisations.name,
  organisationKind: schema.organisations.kind,
  authorityId: schema.memberships.authorityId,
  authorityName: schema.authorities.name,
  role: schema.memberships.role,
  subjectAreas: schema.memberships.subjectAreas,
  chair: schema.memberships.chair,
  authorityLanguage: schema.authorities.defaultLanguage,
  since: schema.memberships.createdAt,
};
const membershipOrder = [asc(schema.organisations.name), asc(schema.memberships.role)];

export async function loadMemberships(db: Queryable, userId: string): Promise<CurrentMembership[]> {
  return db
    .select(membershipColumns)
    .from(schema.memberships)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .innerJoin(schema.authorities, eq(schema.authorities.id, schema.memberships.authorityId))
    .where(eq(schema.memberships.userId, userId))
    .orderBy(...membershipOrder);
}

// An action's request and each loader's get a Request of their own: each looks the session up once.
const usersByRequest = new WeakMap<Request, Promise<CurrentUser | null>>();

/**
 * The signed-in person, or null. The server looks them up once as a page's request arrives and hands
 * them to its loaders in the load context (`context.user`); otherwise (an action, which may change
 * them, and what runs after it) each Request looks them up once.
 */
export function getUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  if (context.user !== undefined) return Promise.resolve(context.user);
  let user = usersByRequest.get(request);
  if (!user) {
    const token = readSessionToken(request, context.env.SECURE);
    user = token ? loadUser(context.db, token) : Promise.resolve(null);
    usersByRequest.set(request, user);
  }
  return user.then((found) => {
    if (found && context.requestLog) context.requestLog.userId = found.id;
    return found;
  });
}

/**
 * The session's person and their memberships, a row for each membership (one, with none, for a person who
 * has none), each with the count of the person's shortlist in its authority: the navigation's count comes
 * with the session, not in a statement of its own.
 */
const sessionWithMemberships = preparedQuery((db) =>
  db
    .select({ ...sessionColumns, membership: membershipColumns, shortlisted: shortlistCountOf(schema.users.id, schema.memberships.authorityId) })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .leftJoin(schema.memberships, eq(schema.memberships.userId, schema.users.id))
    .leftJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .leftJoin(schema.authorities, eq(schema.authorities.id, schema.memberships.authorityId))
    .where(eq(schema.sessions.id, sql.placeholder("sessionId")))
    .orderBy(...membershipOrder)
    .prepare("load_user"),
);

/** The person whose session `token` is, with their memberships, or null when it is not a live session. */
export async function loadUser(db: Queryable, token: string): Promise<CurrentUser | null> {
  const rows = await sessionWithMemberships(db).execute({ sessionId: hashToken(token) });
  const result = await liveSession(db, rows[0]);
  if (!result) return null;
  // A person with no membership has one row, its membership's columns all null.
  const memberships = rows.flatMap(({ membership }) => (membership.id === null ? [] : [membership as CurrentMembership]));
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
  const shortlisted = acting ? (rows.find(({ membership }) => membership.authorityId === acting.authorityId)?.shortlisted ?? 0) : 0;
  return { ...result.user, session: result.session, memberships, acting, grants, shortlisted };
}

/**
 * The language to answer a request in: the signed-in person's own choice, else the choice this
 * browser made (`languageCookie`), else the default of the authority they act in (or of their first
 * membership), else English.
 */
export function readerLanguage(user: CurrentUser | null, languageCookie: string | null): Locale {
  const browser = isLocale(languageCookie) ? languageCookie : null;
  if (!user) return browser ?? "en";
  const acting = user.memberships.find((m) => m.organisationId === user.acting?.organisationId);
  const first = user.memberships.reduce<CurrentMembership | undefined>((earliest, m) => (earliest && earliest.since <= m.since ? earliest : m), undefined);
  return languageOf({ chosen: user.language, browser, authorityDefault: (acting ?? first)?.authorityLanguage ?? null });
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
