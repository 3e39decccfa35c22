// What the purchasing pages share: who is acting, for which schools and consortia, and how a refusal reads.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { can, type Permission } from "~/auth/permissions";
import { requireAuthorityId, requireUser, type CurrentUser } from "~/auth/user.server";
import type { AccountKind } from "~/db.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { consortiaOfAuthority } from "~/domain/consortia/load.server";
import { accountIdsOf } from "~/domain/ledger/accounts.server";
import type { Actor } from "~/domain/actor";
import { PAYMENT_ROUTES } from "#db/schema/purchasing-vocabulary";
import { z } from "zod";
import { optionalText, whole } from "~/forms/fields";
import { t } from "~/i18n";
import { orErrorPage } from "~/refusals.server";

export async function requireActing(request: Request, context: AppLoadContext) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  return { user, authorityId, actor: { id: user.id, name: user.name, grants: user.grants } satisfies Actor & { name: string } };
}

/** Who is acting, in which authority, on the order the address names. */
export async function actingOnOrder({ request, params, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  return { actor, authorityId, orderId: params.orderId ?? "" };
}

/** The loader of a page the domain builds from who is acting in which authority; a refusal shows as an error page. */
export const actingPageLoader =
  <T>(page: (db: AppLoadContext["db"], who: { actor: Actor; authorityId: string }) => Promise<T>) =>
  async ({ request, context }: LoaderFunctionArgs) => {
    const { actor, authorityId } = await requireActing(request, context);
    return orErrorPage(() => page(context.db, { actor, authorityId }));
  };

/** What a consortium's pages ask the domain with: who is acting and for which organisation, the consortium, and today. */
export function consortiumPageRequest(user: CurrentUser, authorityId: string, consortiumId: string | undefined) {
  return {
    actor: user,
    authorityId,
    consortiumId: consortiumId ?? "",
    actingOrganisationId: user.acting?.organisationId ?? null,
    today: londonToday(new Date()),
  };
}

/** The organisations of a kind where the user holds this permission, the acting one first. */
export function organisationsWhere(user: CurrentUser, kind: "school" | "consortium", permission: Permission) {
  const seen = new Map<string, { id: string; name: string }>();
  for (const m of user.grants) {
    if (m.organisationKind === kind && can(user.grants, permission, { organisationId: m.organisationId, authorityId: m.authorityId }))
      seen.set(m.organisationId, { id: m.organisationId, name: m.organisationName });
  }
  return [...seen.values()].sort((a, b) =>
    a.id === user.acting?.organisationId ? -1 : b.id === user.acting?.organisationId ? 1 : a.name.localeCompare(b.name),
  );
}

/** The consortia a user may open a collective purchase for: their own as lead, or all the authority's as commissioner. */
export async function consortiaToOpenFor(context: AppLoadContext, user: CurrentUser, authorityId: string) {
  const all = await consortiaOfAuthority(context.db, authorityId);
  return all.filter((c) => can(user.grants, "open:collective-purchase", { organisationId: c.id, authorityId }));
}

export const accountIdOf = (context: AppLoadContext, authorityId: string, kind: AccountKind, ownerIds: string[]) =>
  accountIdsOf(context.db, authorityId, kind, ownerIds);

/** A fresh key for a form, so that submitting it twice does the thing once. */
export const formKey = () => crypto.randomUUID();

/** The fields a school fills in to buy or to join: how many delegates, its purchase-order number, how it pays. */
export const buyerFields = {
  delegates: whole({
    label: t("refusal.label.delegates"),
    invalid: t("purchase.delegates.invalid"),
    tooSmall: t("purchase.delegates.invalid"),
    tooLarge: t("purchase.delegates.tooMany"),
    min: 1,
    max: 500,
  }),
  poNumber: optionalText({ label: t("refusal.label.poNumber"), max: 40 }).pipe(
    z
      .string()
      .regex(/^[\w\-/. ]*$/, t("purchase.poNumber.invalid"))
      .optional(),
  ),
  paymentRoute: z.enum(PAYMENT_ROUTES, { errorMap: () => ({ message: t("purchase.paymentRoute.required") }) }),
};
