// The shortlist buttons on the results, the offer page and the compare page all post here,
// each to its own route's action, so a refusal shows on the page the buyer is looking at.
import { donePath } from "~/done";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { requireAuthorityId, requirePermission, requireUser, type CurrentUser } from "~/auth/user.server";
import { addToShortlist } from "~/domain/catalogue/add-to-shortlist.server";
import { removeFromShortlist } from "~/domain/catalogue/remove-from-shortlist.server";
import { AppError } from "~/domain/errors";
import { invalid, parseForm } from "~/forms.server";

/** A shortlist button's name says what to do and its value names the offer (app/components/shortlist-button.tsx). */
export const ShortlistSchema = z.union([
  z.object({ "shortlist-add": z.string().max(100) }).transform((form) => ({ intent: "shortlist-add" as const, offerId: form["shortlist-add"] })),
  z.object({ "shortlist-remove": z.string().max(100) }).transform((form) => ({ intent: "shortlist-remove" as const, offerId: form["shortlist-remove"] })),
]);

/** A buyer of the acting organisation who may browse the catalogue, and their authority. */
export async function requireBuyer(request: Request, context: AppLoadContext): Promise<{ user: CurrentUser; authorityId: string }> {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "browse:catalogue", user.acting!);
  return { user, authorityId };
}

/** Back to the page the form was on (the same address, without Remix's `index` marker). */
function samePage(request: Request) {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return url.pathname + url.search;
}

export async function shortlistAction(request: Request, context: AppLoadContext) {
  const { user, authorityId } = await requireBuyer(request, context);
  const form = await parseForm(request, ShortlistSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const { intent, offerId } = form.data;
  try {
    if (intent === "shortlist-add") await addToShortlist(context.db, { authorityId, userId: user.id, offerId });
    else await removeFromShortlist(context.db, { authorityId, userId: user.id, offerId });
  } catch (error) {
    if (error instanceof AppError) return data({ ok: false as const, errors: { form: [error.message] }, values: form.values }, { status: error.status });
    throw error;
  }
  return redirect(donePath(samePage(request), intent === "shortlist-add" ? "shortlistAdded" : "shortlistRemoved"), { status: 303 });
}
