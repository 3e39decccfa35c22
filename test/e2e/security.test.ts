import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { baseUrl } from "./browser";

type Route = ServerBuild["routes"][string];

/** A concrete URL path for a route: its parents' paths joined, each :param filled in, optional segments kept. */
function pathOf(routes: ServerBuild["routes"], route: Route): string {
  const segments: string[] = [];
  for (let r: Route | undefined = route; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) segments.unshift(r.path);
  const path = segments
    .join("/")
    .split("/")
    .map((s) =>
      s
        .replace(/^\(?(.*?)\)?$/, "$1")
        .replace(/^:.*$/, "00000000-0000-4000-8000-000000000000")
        .replace(/^\*$/, "anything"),
    )
    .filter(Boolean)
    .join("/");
  return `/${path}${route.index ? "?index" : ""}`;
}

describe("every action refuses a POST from another site", () => {
  it("answers 403 to a foreign Origin on each route module that has an action", async () => {
    const build = (await import(/* @vite-ignore */ pathToFileURL(`${process.cwd()}/build/server/index.js`).href)) as ServerBuild;
    const paths = Object.values(build.routes)
      .filter((route) => typeof route.module.action === "function")
      .map((route) => pathOf(build.routes, route));
    expect(paths).toEqual(expect.arrayContaining(["/sign-in", "/sign-out", "/account", "/forgot-password", "/organisations?index"]));
    for (const path of paths) {
      const response = await fetch(new URL(path, baseUrl()), {
        method: "POST",
        redirect: "manual",
        headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=la.admin%40arden.demo&password=guess",
      });
      // Stripe's webhook is the one POST without an Origin check: its signature is checked instead, so a
      // foreign POST is refused as unsigned (400), or not found where Stripe is not set up (404).
      if (path === "/webhooks/stripe") expect({ path, refused: [400, 404].includes(response.status) }).toEqual({ path, refused: true });
      else expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
  });

  it("refuses a POST with no Origin or Referer at all, and accepts one from the service itself", async () => {
    const bare = await fetch(new URL("/sign-in", baseUrl()), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=&password=",
    });
    expect(bare.status).toBe(403);
    const own = await fetch(new URL("/sign-in", baseUrl()), {
      method: "POST",
      headers: { Origin: baseUrl(), "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=&password=",
    });
    expect(own.status).toBe(400);
  });
});

describe("security headers", () => {
  it("sends a nonce-based CSP with no inline script, nosniff, no framing, a referrer policy and no X-Powered-By", async () => {
    const response = await fetch(new URL("/sign-in", baseUrl()));
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives["script-src"]).toContain("'self'");
    expect(directives["script-src"]).not.toContain("'unsafe-inline'");
    expect(directives["script-src"]).not.toContain("'unsafe-eval'");
    expect(directives["style-src"]).not.toContain("'unsafe-inline'");
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    const nonce = directives["script-src"].find((v: string) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/\sstyle="/);

    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("X-Powered-By")).toBeNull();

    const again = await fetch(new URL("/sign-in", baseUrl()));
    expect(again.headers.get("Content-Security-Policy")).not.toContain(`'nonce-${nonce}'`);
  });
});

describe("one security policy per response", () => {
  it("sends pages the service's strict policy, and the email preview frame its own in its place, never both", async () => {
    const page = await fetch(new URL("/sign-in", baseUrl()));
    const pagePolicy = page.headers.get("content-security-policy") ?? "";
    expect(pagePolicy).toContain("frame-ancestors 'none'");
    expect(pagePolicy).not.toContain(",");
    expect(page.headers.get("x-frame-options")).toBe("DENY");

    const frame = await fetch(new URL("/dev/emails/order-placed/html?lang=cy", baseUrl()));
    expect(frame.status).toBe(200);
    expect(frame.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    );
    expect(frame.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(await frame.text()).toContain('lang="cy"');
  });
});
