// Turning the domain's refusals (AppError) into HTTP answers, so routes stay straight-line.
import { forbidden, type CurrentUser } from "~/auth/user.server";
import { can } from "~/auth/permissions";
import { AppError } from "~/domain/errors";
import { invalid, type FormValues } from "~/forms.server";

const notFoundResponse = (message: string) => new Response(message, { status: 404, statusText: "Not Found" });

function rethrowAsPage(error: unknown): never {
  if (error instanceof AppError && error.status === 404) throw notFoundResponse(error.message);
  if (error instanceof AppError && error.status === 403) throw forbidden(error.message);
  throw error;
}

/** In a loader: a refusal becomes its error page (404, 403). */
export async function orErrorPage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    rethrowAsPage(error);
  }
}

/**
 * In an action: run a use case; a refusal on state or input becomes a message at the top of the
 * form with its status (nothing was written), while 403 and 404 become their pages.
 */
export async function attempt<T>(fn: () => Promise<T>, values: FormValues = {}): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof invalid> }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (error instanceof AppError && error.status !== 403 && error.status !== 404) return { ok: false, response: invalid({ form: [error.message] }, values, error.status) };
    rethrowAsPage(error);
  }
}

/** The provider organisation the user acts for, where they may edit offers; 403 otherwise. */
export function requireActingProvider(user: CurrentUser) {
  const acting = user.acting;
  if (!acting || acting.organisationKind !== "provider" || !can(user.grants, "edit:offer", acting))
    throw forbidden("Act for your provider organisation to manage its offers");
  return { authorityId: acting.authorityId, providerId: acting.organisationId };
}
