// What the termly report page and its CSV share: who may read it and which term the address asks for.
import type { AppLoadContext } from "@remix-run/node";
import { requirePermission } from "~/auth/user.server";
import { parseTermKey, TERM_NAMES, termName, termOf } from "~/domain/reporting/rules";
import { londonIsoDate } from "~/format";
import { requireActing } from "./purchasing.server";

/** The current term and the five before it, latest first. */
export function recentTerms(today = londonIsoDate(new Date())) {
  const { academicYear, term } = termOf(today);
  const terms: { value: string; label: string }[] = [];
  let year = academicYear;
  let index = TERM_NAMES.indexOf(term);
  while (terms.length < 6) {
    const name = TERM_NAMES[index];
    terms.push({ value: `${year}-${name}`, label: termLabel(`${year}-${name}`) });
    index -= 1;
    if (index < 0) [index, year] = [2, year - 1];
  }
  return terms;
}

export function termLabel(key: string) {
  const parsed = parseTermKey(key);
  if (!parsed) return key;
  return termName(parsed.academicYear, parsed.term);
}

export async function loadTermlyQuery(request: Request, context: AppLoadContext) {
  const acting = await requireActing(request, context);
  requirePermission(acting.user, "view:termly-report", { authorityId: acting.authorityId });
  const url = new URL(request.url);
  const asked = url.searchParams.get("term")?.slice(0, 20) ?? "";
  const terms = recentTerms();
  // Only a well-formed term is read; anything else is not a report there is.
  const term = asked ? (parseTermKey(asked) ? asked : null) : terms[0].value;
  return { ...acting, term, terms };
}
