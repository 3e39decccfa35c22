// What the server does with its database before it takes requests, and what it tells the operator.
import type { Database } from "#db/client";
import { existingSignIns, isDatabaseEmpty, seedDemo, type SignIn } from "#db/seed/index";
import type { Env } from "./env.server";

export type Startup =
  /** Demo mode: the demo county is there (just seeded, or from an earlier start). */
  | { kind: "demo"; seeded: boolean; signIns: SignIn[] }
  /** Production on an empty database: schema only, waiting for the first authority. */
  | { kind: "empty" }
  | { kind: "ready" };

/**
 * Demo people with a known password go only into a demo database: the embedded default, or
 * where DEMO=true. A production start on an empty database leaves it empty.
 */
export async function prepareDatabase(db: Database, env: Env, today = new Date()): Promise<Startup> {
  const empty = await isDatabaseEmpty(db);
  if (!env.DEMO) return empty ? { kind: "empty" } : { kind: "ready" };
  if (!empty) return { kind: "demo", seeded: false, signIns: await existingSignIns(db, today) };
  return { kind: "demo", seeded: true, signIns: await seedDemo(db, { password: env.DEMO_PASSWORD, today }) };
}

export const FIRST_AUTHORITY_COMMAND =
  'npm run authority:create -- --name "Example County Council" --slug example --nation england --admin-email admin@example.gov.uk --admin-name "Alex Morgan"';

/** A plain-text table with padded columns. */
export function textTable(headings: string[], rows: string[][]) {
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(headings), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** What to print after "running at": the demo sign-ins, or how to create the first authority. */
export function startupMessage(startup: Startup): string | null {
  if (startup.kind === "empty") {
    return ["The database is empty (schema only). Create the first authority and its administrator with:", `  ${FIRST_AUTHORITY_COMMAND}`].join("\n");
  }
  if (startup.kind !== "demo") return null;
  const authorities = [...new Set(startup.signIns.map((s) => s.authority))];
  return [
    startup.seeded ? "Demo mode: seeded the demo county." : "Demo mode.",
    ...authorities.map((authority) =>
      [
        "",
        authority,
        textTable(
          ["Role", "Name", "Organisation", "Email"],
          startup.signIns.filter((s) => s.authority === authority).map((s) => [s.role, s.name, s.organisation, s.email]),
        ),
      ].join("\n"),
    ),
    "",
    "Password: the value of DEMO_PASSWORD, default demo-county-2026",
  ].join("\n");
}
