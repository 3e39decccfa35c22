import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { action as membersAction, loader as membersLoader } from "~/routes/organisations.$organisationId.members";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitation.$token";
import { request, respond } from "../setup/context";

/** An organisation's members page, its form sent (an invitation, a change of role) by the holder of this cookie. */
export const postMembersPage = (context: AppLoadContext, organisationId: string, cookie: string, form: Record<string, string>) =>
  respond(() =>
    membersAction({
      request: request(`/organisations/${organisationId}/members`, { cookie, form }),
      context,
      params: { organisationId },
    } as ActionFunctionArgs),
  );

/** An organisation's members page as the holder of this cookie sees it. */
export const getMembersPage = (context: AppLoadContext, organisationId: string, cookie: string, query = "") =>
  respond(() =>
    membersLoader({
      request: request(`/organisations/${organisationId}/members${query}`, { cookie }),
      context,
      params: { organisationId },
    } as LoaderFunctionArgs),
  );

/** The invitation page of a token, as the holder of this cookie (or someone signed out) sees it. */
export const getInvitationPage = (context: AppLoadContext, token: string, cookie?: string) =>
  respond(() => invitationLoader({ request: request(`/invitation/${token}`, { cookie }), context, params: { token } } as LoaderFunctionArgs));

/** The invitation page's form (accept or decline) sent by the holder of this cookie, or by someone signed out. */
export const postInvitationPage = (context: AppLoadContext, token: string, form: Record<string, string>, cookie?: string) =>
  respond(() => invitationAction({ request: request(`/invitation/${token}`, { form, cookie }), context, params: { token } } as ActionFunctionArgs));
