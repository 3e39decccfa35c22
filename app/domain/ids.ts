const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is this the shape of an id? Anything else must not reach PostgreSQL as a uuid parameter. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
