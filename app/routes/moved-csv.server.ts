// A page's CSV once answered on the page's own address with `?format=csv`; each CSV now has its own
// route. Links and bookmarks to the old address are sent on to the new one with the same filters.
import { redirect } from "@remix-run/node";

/** Where a `?format=csv` request for a page now goes: the CSV's own address, with the other query parameters; null for any other request. */
export function movedCsvAddress(request: Request, csvPath: string): string | null {
  const url = new URL(request.url);
  if (url.searchParams.get("format") !== "csv") return null;
  const query = new URLSearchParams(url.searchParams);
  query.delete("format");
  return query.size ? `${csvPath}?${query}` : csvPath;
}

/** Sends a `?format=csv` request on to the CSV's own address (302). Call it after the page's role check. */
export function forwardMovedCsv(request: Request, csvPath: string) {
  const to = movedCsvAddress(request, csvPath);
  if (to) throw redirect(to, 302);
}
