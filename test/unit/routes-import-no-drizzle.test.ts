// Pages load through the domain: a route reads the request, calls one domain function and renders what
// it answers. No route builds a query: it imports nothing from drizzle-orm, no table from the schema
// (vocabularies, the closed lists of values in ALL_CAPS, and types are fine), and calls no query
// method on the database it is handed.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot as root, sourceFiles } from "../setup/source-files";

const routes = join(root, "app/routes");

/** The modules that hold the tables: the one door to the database and the schema behind it. */
const SCHEMA_MODULES = /^(~\/db\.server|#db\/client|#db\/schema(\/.*)?|(\.\.\/)+db\/.*)$/;
const VOCABULARY = /^[A-Z][A-Z0-9_]*$/;

/** Every way a route could reach past the domain to the database, each with the line it is on. */
export function queriesIn(source: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => source.slice(0, index).split("\n").length;
  for (const m of source.matchAll(/\bimport\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/g)) {
    const [, typeOnly, what, module] = m;
    if (module === "drizzle-orm" || module.startsWith("drizzle-orm/")) {
      found.push(`${lineOf(m.index!)}: imports ${module}`);
      continue;
    }
    if (!SCHEMA_MODULES.test(module) || typeOnly) continue;
    const named = /^\{([\s\S]*)\}$/.exec(what.trim());
    if (!named) {
      found.push(`${lineOf(m.index!)}: imports all of ${module}`);
      continue;
    }
    const tables = named[1]
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name && !name.startsWith("type "))
      .map((name) => name.split(/\s+as\s+/)[0])
      .filter((name) => !VOCABULARY.test(name));
    if (tables.length) found.push(`${lineOf(m.index!)}: imports ${tables.join(", ")} from ${module}`);
  }
  for (const m of source.matchAll(/\bimport\(\s*["'](drizzle-orm[^"']*)["']\s*\)/g)) found.push(`${lineOf(m.index!)}: imports ${m[1]}`);
  for (const m of source.matchAll(/\b(db|tx)\s*\.\s*(select|selectDistinct|insert|update|delete|execute|transaction|query)\b/g))
    found.push(`${lineOf(m.index!)}: queries with ${m[0].replace(/\s+/g, "")}`);
  return found;
}

describe("routes", () => {
  it("recognises each way of querying in a route", () => {
    const source = [
      'import { and, eq } from "drizzle-orm";',
      'import { alias } from "drizzle-orm/pg-core";',
      'import { schema } from "~/db.server";',
      'import { ROLES, organisations as orgs, type Queryable } from "~/db.server";',
      'import * as tables from "#db/schema";',
      "const rows = await context.db",
      "  .select()",
      "  .from(orgs);",
      "await context.db.transaction(async (tx) => tx.insert(orgs));",
    ].join("\n");
    expect(queriesIn(source)).toEqual([
      "1: imports drizzle-orm",
      "2: imports drizzle-orm/pg-core",
      "3: imports schema from ~/db.server",
      "4: imports organisations from ~/db.server",
      "5: imports all of #db/schema",
      "6: queries with db.select",
      "9: queries with db.transaction",
      "9: queries with tx.insert",
    ]);
  });

  it("lets a route name vocabularies and types, and hand the database to the domain", () => {
    const source = [
      'import { ROLES, SUBJECT_AREAS, type AccountKind } from "~/db.server";',
      'import type { Queryable } from "~/db.server";',
      'import { RUBRIC_CRITERIA, type RubricCriterion } from "#db/schema/catalogue";',
      "const page = await orErrorPage(() => consortiumPage(context.db, { actor }));",
    ].join("\n");
    expect(queriesIn(source)).toEqual([]);
  });

  it("query nothing themselves: pages load through domain functions", () => {
    const files = sourceFiles(routes);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => queriesIn(readFileSync(file, "utf8")).map((line) => `${relative(root, file)}:${line}`));
    expect(offenders).toEqual([]);
  });
});
