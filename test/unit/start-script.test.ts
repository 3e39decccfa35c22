// `npm start` must run what the tests run: the built server under plain node, in production.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { START_COMMAND } from "../setup/app-server";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

describe("npm start", () => {
  it("builds, then runs the built server with node and NODE_ENV=production, as the browser tests do", () => {
    const env = Object.entries(START_COMMAND.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    // The browser tests ask for the demo themselves (DEMO=true); npm start asks for it only when DEMO is unset.
    expect(pkg.scripts.start).toBe(`npm run build && ${env} DEMO=\${DEMO:-local} node ${START_COMMAND.args.join(" ")}`);
  });

  it("needs no TypeScript loader at run time", () => {
    expect(pkg.scripts.start).not.toMatch(/tsx|ts-node/);
    expect(Object.keys(pkg.dependencies)).not.toContain("tsx");
  });
});
