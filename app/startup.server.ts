// What the server does with its database before it takes requests, and what it tells the operator.
import type { Database } from "#db/client";
import { existingSignIns, isDatabaseEmpty, seedDemo, type SignIn } from "#db/seed/index";
import type { Env } from "./env.server";

export type Startup =
  /** Demo mode: the demo county is there (just seeded, or from an earlier start). */
  | {
      kind: "demo";
      seeded: boolean;
      signIns: SignIn[];
      /** DEMO=true: open to every visitor, not only this machine. */
      open?: boolean;
    }
  /** Production on an empty database: schema only, waiting for the first authority. */
  | { kind: "empty"; demoRefused?: true }
  | { kind: "ready"; demoRefused?: true };

/**
 * Demo people with a known password go only into a demo database: where DEMO=true, or DEMO=local
 * (what `npm start` sets) on the embedded database over plain http. A production start on an empty
 * database leaves it empty.
 */
export async function prepareDatabase(db: Database, env: Env, today = new Date()): Promise<Startup> {
  const empty = await isDatabaseEmpty(db);
  if (!env.DEMO) {
    const refused = env.DEMO_LOCAL_REFUSED ? { demoRefused: true as const } : {};
    return empty ? { kind: "empty", ...refused } : { kind: "ready", ...refused };
  }
  const open = env.DEMO_EXPLICIT ? { open: true } : {};
  if (!empty) return { kind: "demo", seeded: false, signIns: await existingSignIns(db, today), ...open };
  return { kind: "demo", seeded: true, signIns: await seedDemo(db, { password: env.DEMO_PASSWORD, today }), ...open };
}

const DEMO_REFUSED =
  "No demo: DEMO=local (the npm start default) applies only to the embedded database served over plain http. Set DEMO=true to run a demo here on purpose.";

export const FIRST_AUTHORITY_COMMAND =
  'npm run authority:create -- --name "Example County Council" --slug example --nation england --admin-email admin@example.gov.uk --admin-name "Alex Morgan"';

/** A plain-text table with padded columns. */
export function textTable(headings: string[], rows: string[][]) {
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(headings), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** What to print after "running at": the demo sign-ins, or how to create the first authority. */
export function startupMessage(startup: Startup): string | null {
  if (startup.kind === "empty") {
    return [
      ...(startup.demoRefused ? [DEMO_REFUSED] : []),
      "The database is empty (schema only). Create the first authority and its administrator with:",
      `  ${FIRST_AUTHORITY_COMMAND}`,
    ].join("\n");
  }
  if (startup.kind !== "demo") return startup.demoRefused ? DEMO_REFUSED : null;
  const authorities = [...new Set(startup.signIns.map((s) => s.authority))];
  return [
    startup.seeded ? "Demo mode: seeded the demo county." : "Demo mode.",
    "Every page says it is a demonstration. Never use demo mode for real data.",
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
    startup.open
      ? "The local mailbox at /dev/mailbox (with working sign-in links) is open to every visitor: DEMO=true."
      : "The local mailbox at /dev/mailbox answers only this machine. DEMO=true opens the demo and its mailbox to others.",
  ].join("\n");
}
