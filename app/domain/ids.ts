const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Check an id's shape before it reaches PostgreSQL as a uuid parameter (which would raise an error). */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** The ids of these rows, in their order: for `inArray(column, idsOf(rows))`. */
export const idsOf = (rows: readonly { id: string }[]): string[] => rows.map((row) => row.id);
