import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { blankSessionCookie, hashToken, invalidateSession, readSessionToken } from "~/auth/session.server";

/** Signing out only ever happens by POST, so another site cannot sign people out with a link. */
export const loader = () => redirect("/");

export async function action({ request, context }: ActionFunctionArgs) {
  const token = readSessionToken(request, context.env.SECURE);
  if (token) await invalidateSession(context.db, hashToken(token));
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie(context.env.SECURE) } });
}
