import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { describe, expect, it } from "vitest";
import { countQuery, createLogger, requestLogging, routeOf, type RequestLogFields } from "~/logger.server";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      raw.push(String(chunk));
      lines.push(JSON.parse(String(chunk)));
      callback();
    },
  });
  return { lines, raw, stream };
}

describe("the logger", () => {
  it("never writes a password, token, cookie or key, wherever it sits in what is logged", () => {
    const { lines, raw, stream } = capture();
    const logger = createLogger("info", stream);
    logger.info(
      {
        password: "hunter2-secret",
        form: { password: "pw-in-form", token: "tok-in-form" },
        req: { headers: { cookie: "session=abc123cookie", authorization: "Bearer xyz-bearer" } },
        apiKey: "re_live_key",
      },
      "oops",
    );
    expect(raw.join("")).not.toMatch(/hunter2-secret|pw-in-form|tok-in-form|abc123cookie|xyz-bearer|re_live_key/);
    expect(lines[0]).toMatchObject({ msg: "oops", password: "[redacted]", form: { password: "[redacted]", token: "[redacted]" } });
  });

  it("honours the level", () => {
    const { lines, stream } = capture();
    const logger = createLogger("warn", stream);
    logger.info("not shown");
    logger.warn("shown");
    expect(lines.map((l) => l.msg)).toEqual(["shown"]);
  });

  it("names a route without its ids or the tokens of emailed links", () => {
    expect(routeOf("/collective-purchases/3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f")).toBe("/collective-purchases/:id");
    expect(routeOf("/reset-password/k7q2m9x4v8b3n6c1z5")).toBe("/reset-password/:token");
    expect(routeOf("/catalogue/compare")).toBe("/catalogue/compare");
    expect(routeOf("/finance/recharges.csv")).toBe("/finance/recharges.csv");
  });
});

describe("request logging", () => {
  it("writes one line per request with its id (also in X-Request-Id), route, status, duration, user and SQL statements, and no cookie", async () => {
    const { lines, raw, stream } = capture();
    const app = express();
    app.use(requestLogging(createLogger("info", stream)));
    app.get("/reset-password/:token", async (_req, res) => {
      (res.locals.requestLog as RequestLogFields).userId = "user-42";
      // Statements are counted against the request they run for, across what it awaits.
      countQuery();
      await new Promise((resolve) => setTimeout(resolve, 1));
      countQuery();
      res.status(404).send("gone");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // Outside any request (the outbox dispatcher's statements): counted against nothing.
      countQuery();
      const response = await fetch(`http://127.0.0.1:${port}/reset-password/abcd1234efgh5678ijkl?x=secret-query`, {
        headers: { Cookie: "session=cookie-value-123" },
      });
      await response.text();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        msg: "request",
        method: "GET",
        route: "/reset-password/:token",
        status: 404,
        userId: "user-42",
        queries: 2,
        requestId: response.headers.get("x-request-id"),
      });
      expect(lines[0].durationMs).toEqual(expect.any(Number));
      expect(raw.join("")).not.toMatch(/cookie-value-123|abcd1234efgh5678ijkl|secret-query/);
    } finally {
      server.close();
    }
  });
});
