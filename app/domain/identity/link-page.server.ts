// What the invitation and password-reset pages share: the emailed link is checked on GET, and on
// POST a new password is parsed, the use case run, and the person signed in.
import type { AppLoadContext } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { readSessionToken, sessionCookie, type Session } from "~/auth/session.server";
import { passwordProblem } from "~/auth/password-policy";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { inspectToken, TOKEN_STATUS, UnusableTokenError, type TokenKind } from "./auth-tokens.server";
import { NewPasswordSchema } from "./fields";

export async function loadLinkPage(context: AppLoadContext, kind: TokenKind, token: string | undefined) {
  const found = await inspectToken(context.db, kind, token);
  if (found.state !== "valid") return data({ state: found.state, email: null }, { status: TOKEN_STATUS[found.state] });
  return { state: found.state, email: found.user.email };
}

type SignedIn = { sessionToken: string; session: Session };

export async function submitLinkPage(
  request: Request,
  context: AppLoadContext,
  redeem: (password: string, previousToken: string | null) => Promise<SignedIn>,
  link: { kind: TokenKind; token: string | undefined },
) {
  const parsed = await parseForm(request, NewPasswordSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  // The person's own name and email address are the first things someone would try.
  const found = await inspectToken(context.db, link.kind, link.token);
  const problem = found.state === "valid" ? passwordProblem(parsed.data.password, [found.user.email, found.user.name]) : null;
  if (problem) return invalid({ password: [t(`password.weak.${problem}`)] }, parsed.values);
  try {
    const { sessionToken, session } = await redeem(parsed.data.password, readSessionToken(request, context.env.SECURE));
    return redirect("/", { headers: { "Set-Cookie": sessionCookie(sessionToken, session.absoluteExpiresAt, context.env.SECURE) } });
  } catch (error) {
    if (error instanceof UnusableTokenError) return data({ ok: false as const, unusable: error.state, errors: null, values: {} }, { status: error.status });
    throw error;
  }
}
