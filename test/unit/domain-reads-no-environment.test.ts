// Configuration reaches the domain as arguments (from the route's context or the dispatcher), so
// a use case behaves the same in a test, a bench and production, whatever the process environment.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot as root, sourceFiles } from "../setup/source-files";

const domain = join(root, "app/domain");

/** What counts as reading the environment: process.env, import.meta.env, or the env loader. */
const ENVIRONMENT_READS = [
  /\bprocess\.env\b/,
  /\bimport\.meta\.env\b/,
  /\bprocess\[\s*["']env["']\s*\]/,
  /from\s+["'](~\/env\.server|\.\.?\/[^"']*env\.server)["']/,
];

const environmentReads = (source: string) =>
  source.split("\n").flatMap((line, i) => (ENVIRONMENT_READS.some((pattern) => pattern.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));

describe("the domain", () => {
  it("recognises each way of reading the environment", () => {
    expect(environmentReads('const url = process.env.APP_URL;\nimport { parseEnv } from "~/env.server";\nconst x = import.meta.env.MODE;')).toHaveLength(3);
    expect(environmentReads("const appUrl = options.appUrl;")).toEqual([]);
  });

  it("reads no process.env: configuration comes in as arguments", () => {
    const files = sourceFiles(domain);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) => environmentReads(readFileSync(file, "utf8")).map((line) => `${relative(root, file)}:${line}`));
    expect(offenders).toEqual([]);
  });
});
