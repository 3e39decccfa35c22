import { Link as RemixLink } from "@remix-run/react";
import { useContext, type AnchorHTMLAttributes } from "react";
import { PageHydrates } from "~/hydration";

/**
 * A link to a page of the app. On a page that hydrates it is Remix's, which moves to the next page
 * without a reload. On a page that goes out as HTML alone (the catalogue) nothing would run it, so it
 * is the plain anchor Remix's renders, without first resolving its path against the route tree for
 * the navigation it will never do (twenty-odd results, the pagination and the navigation on each page).
 */
export function Link({
  to,
  reloadDocument = false,
  children,
  ...props
}: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  to: string;
  /** Followed by the browser with a reload, whatever the page: a plain anchor. */
  reloadDocument?: boolean;
}) {
  const navigatesInApp = useContext(PageHydrates) && !reloadDocument;
  return navigatesInApp || !to.startsWith("/") ? (
    <RemixLink to={to} reloadDocument={reloadDocument} {...props}>
      {children}
    </RemixLink>
  ) : (
    <a href={to} {...props}>
      {children}
    </a>
  );
}
