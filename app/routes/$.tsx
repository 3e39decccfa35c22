// Any address no other route answers. As a route (rather than Remix's own no-match), the root's loader
// runs, so the page not found shows the header of the person signed in.
import type { MetaFunction } from "@remix-run/node";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { notFoundPage } from "~/refusals.server";

export const meta: MetaFunction = ({ data }) => pageTitle(t("error.notFound.title"), data);

export function loader() {
  throw notFoundPage(t("error.notFound.title"));
}

export default function NotFound() {
  return null;
}
