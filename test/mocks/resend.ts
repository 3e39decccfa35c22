// Resend's HTTP API, as far as we use it, on a local port: POST /emails with its idempotency.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ResendRequest = { headers: IncomingHttpHeaders; body: { from: string; to: string | string[]; subject: string; html: string; text: string } };

export type FakeResend = {
  url: string;
  requests: ResendRequest[];
  /** Emails accepted, one per idempotency key, as Resend would deliver them. */
  delivered: Map<string, ResendRequest>;
  /** Answer the next n requests with a 500; with `afterAccepting`, the email is accepted first (the answer is what is lost). */
  failNext: (n: number, options?: { afterAccepting?: boolean }) => void;
  close: () => Promise<void>;
};

export async function startFakeResend(): Promise<FakeResend> {
  const requests: ResendRequest[] = [];
  const delivered = new Map<string, ResendRequest>();
  let failures = 0;
  let acceptBeforeFailing = false;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/emails") {
        res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ name: "not_found", message: "Not found", statusCode: 404 }));
        return;
      }
      const request = { headers: req.headers, body: JSON.parse(raw) };
      requests.push(request);
      const key = String(req.headers["idempotency-key"] ?? `no-key-${requests.length}`);
      if (failures > 0) {
        failures--;
        if (acceptBeforeFailing && !delivered.has(key)) delivered.set(key, request);
        res
          .writeHead(500, { "Content-Type": "application/json" })
          .end(JSON.stringify({ name: "internal_server_error", message: "Something went wrong", statusCode: 500 }));
        return;
      }
      if (!delivered.has(key)) delivered.set(key, request);
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `email-${key}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    failNext: (n, { afterAccepting = false } = {}) => {
      failures = n;
      acceptBeforeFailing = afterAccepting;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
