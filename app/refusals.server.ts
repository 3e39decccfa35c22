// The one way a refusal becomes an HTTP answer: the domain throws AppError, a route wraps its call in
// `orErrorPage` (loaders) or `attempt` (actions), and the pages below are the only 403 and 404 builders.
import type { CurrentUser } from "~/auth/user.server";
import { can } from "~/auth/permissions";
import { AppError } from "~/domain/errors";
import type { z } from "zod";
import { invalid, parseForm, type FormValues } from "~/forms.server";
import { t } from "~/i18n";

/** The 403 page, saying why. */
export const forbidden = (message: string = t("refusal.forbidden")) => new Response(message, { status: 403, statusText: "Forbidden" });

/** The 404 page. */
export const notFoundPage = (message: string = t("refusal.notFound.page")) => new Response(message, { status: 404, statusText: "Not Found" });

function rethrowAsPage(error: unknown): never {
  if (error instanceof AppError && error.status === 404) throw notFoundPage(error.message);
  if (error instanceof AppError && error.status === 403) throw forbidden(error.message);
  if (error instanceof AppError) throw new Response(error.message, { status: error.status });
  throw error;
}

/** In a loader: a refusal becomes its error page (404, 403, or the error page with the refusal's status). */
export async function orErrorPage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    rethrowAsPage(error);
  }
}

/**
 * Where an action shows a refusal: next to `field` (by default atop the form, or chosen by the refusal),
 * and whether 403 and 404 show there too (`allOnForm`, for forms where they answer what was typed, such
 * as inviting yourself) instead of as their pages.
 */
export type RefusalPlace = { field?: string | ((error: AppError) => string | undefined); allOnForm?: boolean };

/**
 * In an action: run a use case; a refusal on state or input becomes a message on the form with its
 * status and what the user typed (nothing was written), while 403 and 404 become their pages.
 */
export async function attempt<T>(
  fn: () => Promise<T>,
  values: FormValues = {},
  place: RefusalPlace = {},
): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof invalid> }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, response: refusalOnForm(error, values, place) };
  }
}

/**
 * In an action: read the posted form with the schema and run a use case with what it holds. A form that
 * does not validate is answered as `invalid` does, a refusal as `attempt` does, both with what the user typed.
 */
export async function attemptForm<S extends z.ZodTypeAny, T>(
  request: Request,
  schema: S,
  fn: (data: z.output<S>) => Promise<T>,
  place: RefusalPlace = {},
): Promise<{ ok: true; value: T; data: z.output<S> } | { ok: false; response: ReturnType<typeof invalid> }> {
  const form = await parseForm(request, schema);
  if (!form.ok) return { ok: false, response: invalid(form.errors, form.values) };
  const done = await attempt(() => fn(form.data), form.values, place);
  return done.ok ? { ...done, data: form.data } : done;
}

/** What `attempt` answers for a caught error, for an action that must look at some errors itself first. */
export function refusalOnForm(error: unknown, values: FormValues = {}, place: RefusalPlace = {}) {
  if (error instanceof AppError && (place.allOnForm || (error.status !== 403 && error.status !== 404))) {
    const field = (typeof place.field === "function" ? place.field(error) : place.field) ?? "form";
    return invalid({ [field]: [error.message] }, values, error.status);
  }
  rethrowAsPage(error);
}

/** The provider organisation the user acts for, where they may edit offers; 403 otherwise. */
export function requireActingProvider(user: CurrentUser) {
  const acting = user.acting;
  if (!acting || acting.organisationKind !== "provider" || !can(user.grants, "edit:offer", acting))
    throw forbidden(t("refusal.auth.actProviderOrganisationManage"));
  return { authorityId: acting.authorityId, providerId: acting.organisationId };
}
