// What the purchasing pages share: who is acting, for which schools and consortia, and how a refusal reads.
import type { AppLoadContext } from "@remix-run/node";
import { and, asc, eq, inArray } from "drizzle-orm";
import { can, type Permission } from "~/auth/permissions";
import { requireAuthorityId, requireUser, type CurrentUser } from "~/auth/user.server";
import { schema } from "~/db.server";
import { AppError } from "~/domain/errors";
import type { Actor } from "~/domain/purchasing/actor";
import { PAYMENT_ROUTES } from "#db/schema/purchasing-vocabulary";
import { z } from "zod";
import { optionalText } from "~/forms.server";
import { t } from "~/i18n";

export async function requireActing(request: Request, context: AppLoadContext) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  return { user, authorityId, actor: { id: user.id, name: user.name, grants: user.grants } satisfies Actor & { name: string } };
}

/** The organisations of a kind where the user holds this permission, the acting one first. */
export function organisationsWhere(user: CurrentUser, kind: "school" | "consortium", permission: Permission) {
  const seen = new Map<string, { id: string; name: string }>();
  for (const m of user.grants) {
    if (m.organisationKind === kind && can(user.grants, permission, { organisationId: m.organisationId, authorityId: m.authorityId })) seen.set(m.organisationId, { id: m.organisationId, name: m.organisationName });
  }
  return [...seen.values()].sort((a, b) => (a.id === user.acting?.organisationId ? -1 : b.id === user.acting?.organisationId ? 1 : a.name.localeCompare(b.name)));
}

/** The consortia a user may open a collective purchase for: their own as lead, or all the authority's as commissioner. */
export async function consortiaToOpenFor(context: AppLoadContext, user: CurrentUser, authorityId: string) {
  const all = await context.db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.consortia)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.consortia.organisationId))
    .where(eq(schema.consortia.authorityId, authorityId))
    .orderBy(asc(schema.organisations.name));
  return all.filter((c) => can(user.grants, "open:collective-purchase", { organisationId: c.id, authorityId }));
}

export const notFoundResponse = () => new Response("Not found", { status: 404, statusText: "Not Found" });

/** A domain refusal in a loader: 404 and 403 as pages, anything else as the error page with its message. */
export function loaderRefusal(error: unknown): never {
  if (error instanceof AppError) {
    if (error.status === 404) throw notFoundResponse();
    throw new Response(error.message, { status: error.status });
  }
  throw error;
}

export const accountIdOf = async (context: AppLoadContext, authorityId: string, kind: (typeof schema.ledgerAccounts.$inferSelect)["kind"], ownerIds: string[]) => {
  if (ownerIds.length === 0) return new Map<string, string>();
  const rows = await context.db
    .select({ id: schema.ledgerAccounts.id, ownerId: schema.ledgerAccounts.ownerId })
    .from(schema.ledgerAccounts)
    .where(and(eq(schema.ledgerAccounts.authorityId, authorityId), eq(schema.ledgerAccounts.kind, kind), inArray(schema.ledgerAccounts.ownerId, ownerIds)));
  return new Map(rows.map((r) => [r.ownerId, r.id]));
};

/** A fresh key for a form, so that submitting it twice does the thing once. */
export const formKey = () => crypto.randomUUID();

/** The fields a school fills in to buy or to join: how many delegates, its purchase-order number, how it pays. */
export const buyerFields = {
  delegates: z.coerce.number({ invalid_type_error: t("purchase.delegates.invalid") }).int(t("purchase.delegates.invalid")).min(1, t("purchase.delegates.invalid")).max(500, t("purchase.delegates.tooMany")),
  poNumber: optionalText(40).pipe(z.string().regex(/^[\w\-/. ]*$/, t("purchase.poNumber.invalid")).optional()),
  paymentRoute: z.enum(PAYMENT_ROUTES, { errorMap: () => ({ message: t("purchase.paymentRoute.required") }) }),
};
