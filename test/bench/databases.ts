import { createDatabaseOn } from "../setup/postgres";

/** Where the PostgreSQL benches make their databases. */
export const benchPostgresUrl = () => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** A new, empty PostgreSQL database beside `base`, and a way to drop it afterwards. */
export const freshPostgres = (base: string, prefix = "mkt_bench") => createDatabaseOn(base, `${prefix}_${process.pid}`);
