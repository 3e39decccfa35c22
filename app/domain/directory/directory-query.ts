// The directory's search, filters and sort, read from the query string. Pure, so it is tested alone.
import { ESTABLISHMENT_TYPES, ORGANISATION_KINDS, PHASES, SCHOOL_STATUSES } from "#db/schema/tenancy-vocabulary";
import { only, pageNumber, parseSort, searchWords, type Sort } from "~/domain/list-query";

export const DIRECTORY_PAGE_SIZE = 25;
export const DIRECTORY_SORTS = ["name", "kind", "phase", "roll", "status"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export type DirectoryQuery = Sort<DirectorySort> & {
  q: string;
  kinds: (typeof ORGANISATION_KINDS)[number][];
  phases: (typeof PHASES)[number][];
  types: (typeof ESTABLISHMENT_TYPES)[number][];
  statuses: (typeof SCHOOL_STATUSES)[number][];
  page: number;
};

/** Unknown values are dropped rather than refused: a filter link from an old page still works. */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  return {
    q: searchWords(params.get("q")),
    kinds: only(ORGANISATION_KINDS, params.getAll("kind")),
    phases: only(PHASES, params.getAll("phase")),
    types: only(ESTABLISHMENT_TYPES, params.getAll("type")),
    statuses: only(SCHOOL_STATUSES, params.getAll("status")),
    ...parseSort(params, DIRECTORY_SORTS, "name"),
    page: pageNumber(params.get("page")),
  };
}

export { directoryHref } from "./directory-href";
