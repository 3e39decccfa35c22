import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { request, respond } from "../setup/context";

type Action = (args: ActionFunctionArgs) => Promise<unknown>;
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

/**
 * A page's loader and action called as a signed-in browser calls them: `get` asks for the page, `post`
 * sends its form. Each call takes its load context from `context` at the time of the call.
 */
export function pageCalls(context: () => AppLoadContext) {
  return {
    post: (action: Action, path: string, cookie: string, form: Record<string, string>, params: Record<string, string> = {}) =>
      respond(() => action({ request: request(path, { cookie, form }), context: context(), params })),
    get: (loader: Loader, path: string, cookie: string, params: Record<string, string> = {}) =>
      respond(() => loader({ request: request(path, { cookie }), context: context(), params })),
  };
}
