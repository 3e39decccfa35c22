// What long lists (the directory, the school-by-school view) read from their query strings: the
// search words, the chosen filters and the sort. Pure: unknown values are dropped, never refused,
// so a link from an old page or a hand-edited address still shows a list.

export type SortDirection = "ascending" | "descending";
export type Sort<K extends string> = { sort: K; direction: SortDirection };

/** The known values among those given, each once, in the order given. */
export const only = <T extends string>(allowed: readonly T[], values: string[]) => [
  ...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v))),
];

/** Search words without control characters, trimmed and at most 100 characters. */
export const searchWords = (value: string | null) =>
  (value ?? "")
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 100);

/** A page number from 1 to 100,000; 1 otherwise. */
export function pageNumber(value: string | null) {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/** `sort=<column>&direction=descending`; an unknown column falls back to the default, ascending. */
export function parseSort<K extends string>(params: URLSearchParams, columns: readonly K[], fallback: K): Sort<K> {
  const column = params.get("sort");
  const known = column !== null && (columns as readonly string[]).includes(column);
  return { sort: known ? (column as K) : fallback, direction: known && params.get("direction") === "descending" ? "descending" : "ascending" };
}

/** Clicking a column's header: ascending first, and the other way round when it is already the sorted column. */
export function nextSort<K extends string>(current: Sort<K>, column: K): Sort<K> {
  return { sort: column, direction: current.sort === column && current.direction === "ascending" ? "descending" : "ascending" };
}

/** A query string with the search words and each filter's chosen values, the filters in the order given. */
export function filterParams(q: string, filters: Record<string, readonly string[]>) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
  return params;
}

/** Writes the sort back into a query string, leaving out the default (so the plain address stays plain). */
export function writeSort<K extends string>(params: URLSearchParams, { sort, direction }: Sort<K>, fallback: K) {
  if (sort !== fallback || direction !== "ascending") params.set("sort", sort);
  if (direction === "descending") params.set("direction", "descending");
}
