import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { queueEmail } from "~/domain/outbox.server";
import { isLoopback } from "~/integrations/mailbox.server";
import { loader as rootLoader } from "~/root";
import { loader as mailboxEmailLoader } from "~/routes/dev.mailbox.$id";
import { loader as mailboxLoader } from "~/routes/dev.mailbox._index";
import { useTestDatabase } from "../factories/database";
import { appContext, request, respond, testEnv } from "../setup/context";

describe("demo mode and its mailbox", () => {
  const db = useTestDatabase();
  let emailId: string;
  const list = (context: AppLoadContext, headers: Record<string, string> = {}) =>
    respond(() =>
      mailboxLoader({ request: new Request(new URL("/dev/mailbox", context.env.APP_URL), { headers }), context, params: {} } as LoaderFunctionArgs),
    );
  const open = (context: AppLoadContext) =>
    respond(() =>
      mailboxEmailLoader({
        request: new Request(new URL(`/dev/mailbox/${emailId}`, context.env.APP_URL)),
        context,
        params: { id: emailId },
      } as LoaderFunctionArgs),
    );
  const at = (DEMO: string, clientIp: string, more: Record<string, string> = {}) =>
    appContext(db(), { env: testEnv({ DEMO, NODE_ENV: "production", ...more }), clientIp });

  beforeAll(async () => {
    emailId = await queueEmail(db(), {
      to: "someone@example.org",
      template: "password-reset",
      props: { name: "Someone", url: "http://localhost:3000/reset-password/abcdefghijklmnopqrstuvwxyz234567", expiresInMinutes: 60 },
    });
  });

  it("recognises loopback addresses only", () => {
    for (const a of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a)).toBe(true);
    for (const a of ["10.0.0.1", "203.0.113.7", "::ffff:192.0.2.1", "unknown", "", "127.0.0.1.evil", "fe80::1"]) expect(isLoopback(a)).toBe(false);
  });

  it("with the npm start default (DEMO=local), answers this machine and 404 to any other", async () => {
    expect((await list(at("local", "127.0.0.1"))).status).toBe(200);
    expect((await open(at("local", "::1"))).status).toBe(200);
    expect((await list(at("local", "203.0.113.7"))).status).toBe(404);
    expect((await open(at("local", "192.168.1.20"))).status).toBe(404);
    // Through a local proxy the app was not told to trust, the loopback address is the proxy's, not the visitor's.
    expect((await list(at("local", "127.0.0.1"), { "X-Forwarded-For": "203.0.113.7" })).status).toBe(404);
    expect((await list(at("local", "127.0.0.1"), { Forwarded: "for=203.0.113.7" })).status).toBe(404);
  });

  it("is open to every visitor only when the demo was asked for with DEMO=true", async () => {
    expect((await list(at("true", "203.0.113.7"))).status).toBe(200);
    expect((await open(at("true", "203.0.113.7"))).status).toBe(200);
  });

  it("does not exist outside demo mode, however the app is reached", async () => {
    for (const DEMO of ["false", "local"]) {
      const context = at(DEMO, "127.0.0.1", { APP_URL: "https://marketplace.example.gov.uk" });
      expect(context.env.DEMO).toBe(false);
      expect((await list(context)).status).toBe(404);
      expect((await open(context)).status).toBe(404);
    }
  });

  it("tells every page whether it is a demonstration", async () => {
    const page = async (DEMO: string) =>
      (await respond(() => rootLoader({ request: request("/"), context: at(DEMO, "127.0.0.1"), params: {} } as LoaderFunctionArgs))) as {
        data: { demo: boolean };
      };
    expect((await page("true")).data.demo).toBe(true);
    expect((await page("local")).data.demo).toBe(true);
    expect((await page("false")).data.demo).toBe(false);
  });
});
