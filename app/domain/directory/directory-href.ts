import { filterParams, writeSort, type Sort } from "~/domain/list-query";
import type { DirectoryQuery, DirectorySort } from "./directory-query";

type Filter = "q" | "kinds" | "phases" | "types" | "statuses";

/** The query string for this query on another page (or sorted another way). */
export function directoryHref(query: DirectoryQuery, page: number, sort: Sort<DirectorySort> = query) {
  const params = filterParams(query.q, { kind: query.kinds, phase: query.phases, type: query.types, status: query.statuses });
  writeSort(params, sort, "name");
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `/directory?${qs}` : "/directory";
}

/** The directory without one chosen filter, on its first page: the href of that filter's removable tag. */
export function directoryWithout(query: DirectoryQuery, field: Filter, value: string) {
  const next = field === "q" ? { ...query, q: "" } : { ...query, [field]: (query[field] as string[]).filter((v) => v !== value) };
  return directoryHref(next, 1);
}
