import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { action as membersAction, loader as membersLoader } from "~/routes/organisations.$organisationId.members";
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
