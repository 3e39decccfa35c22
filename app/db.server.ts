// The one door from app/ to db/: routes and the domain import the database from here.
export type { Database, Queryable, Tx } from "#db/client";
export { preparedQuery, preparedStatement, schema, sqlState } from "#db/client";
export * from "#db/schema";
