// A huge body is refused at once and does not hold up anyone else (ASVS: no request body limit).
import { request as httpRequest, type IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMIT } from "~/request-limits.server";
import { baseUrl } from "./browser";

const MB = 1024 * 1024;

type Answer = { status: number; text: string; ms: number; bytesSent: number; closed?: boolean };

/** A form POST to /sign-in of `length` bytes, declared with a Content-Length or sent chunked; the body is for the caller to write. */
function signInPost(length: number, chunked: boolean, onAnswer: (res: IncomingMessage) => void) {
  const url = new URL("/sign-in", baseUrl());
  return httpRequest(
    url,
    {
      method: "POST",
      agent: false,
      headers: {
        Origin: url.origin,
        "Content-Type": "application/x-www-form-urlencoded",
        ...(chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(length) }),
      },
    },
    onAnswer,
  );
}

/** POSTs `total` bytes to /sign-in in 64 KB writes, with a Content-Length or chunked; resolves on the answer. */
function bigPost(total: number, { chunked }: { chunked: boolean }) {
  const started = performance.now();
  return new Promise<Answer>((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = signInPost(total, chunked, (res) => {
      answered = true;
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - started, bytesSent }));
      res.on("error", () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - started, bytesSent }));
    });
    // The server closes the connection after refusing: writes after that fail, which is the point. When
    // the close reaches the client before the 413 is read, the answer is "closed" with what was sent.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === "EPIPE" || error.code === "ECONNRESET") {
        answered = true;
        resolve({ status: 0, text: "", ms: performance.now() - started, bytesSent, closed: true });
      } else reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!answered && bytesSent < total) {
        bytesSent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function healthzTimesWhile<T>(work: Promise<T>) {
  const times: number[] = [];
  let done = false;
  const result = work.finally(() => (done = true));
  do {
    const t0 = performance.now();
    const response = await fetch(new URL("/healthz", baseUrl()));
    expect(response.status).toBe(200);
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  } while (!done);
  return { result: await result, times };
}

describe("request bodies", () => {
  it("refuses a 50 MB form post that declares its length with 413, at once, while /healthz keeps answering", async () => {
    const { result, times } = await healthzTimesWhile(bigPost(50 * MB, { chunked: false }));
    if (result.closed) expect(result.bytesSent).toBeLessThan(50 * MB);
    else {
      expect(result.status).toBe(413);
      expect(result.text).toContain("too large");
    }
    expect(result.ms).toBeLessThan(2_000);
    expect(Math.max(...times)).toBeLessThan(500);
  });

  it("refuses a 50 MB chunked post once it passes the limit, having read little more than the limit", async () => {
    const { result, times } = await healthzTimesWhile(bigPost(50 * MB, { chunked: true }));
    if (!result.closed) expect(result.status).toBe(413);
    expect(result.ms).toBeLessThan(2_000);
    // The client stopped sending soon after the limit: the server did not read the 50 MB.
    expect(result.bytesSent).toBeLessThan(10 * MB);
    expect(Math.max(...times)).toBeLessThan(500);
  });

  it("still takes an ordinary form post, chunked or not, just under the limit", async () => {
    for (const chunked of [false, true]) {
      const body = `email=&password=${"a".repeat(DEFAULT_BODY_LIMIT - 200)}`;
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = signInPost(body.length, chunked, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        for (let i = 0; i < body.length; i += 100_000) req.write(body.slice(i, i + 100_000));
        req.end();
      });
      expect({ chunked, status: answer.status }).toEqual({ chunked, status: 400 });
      expect(answer.text).toContain("Enter an email address");
    }
  });
});
