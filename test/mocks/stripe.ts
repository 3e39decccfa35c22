// Stripe's HTTP API, as far as we use it, on a local port, for the SDK to be pointed at (host,
// port, protocol). It keeps its objects as Stripe would, honours idempotency keys, records every
// request, serves a stand-in for the hosted Checkout page, and signs webhook events.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export type StripeRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };
type Obj = Record<string, unknown> & { id: string; object: string };
export type StripeEvent = { id: string; object: "event"; type: string; created: number; livemode: false; api_version: string; data: { object: Obj } };

/** Parse Stripe's form encoding (a[b][0][c]=v) into nested objects and arrays. */
export function parseForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const arrays = (v: unknown): unknown => {
    if (!v || typeof v !== "object") return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) return keys.sort((a, b) => Number(a) - Number(b)).map((k) => arrays(o[k]));
    return Object.fromEntries(keys.map((k) => [k, arrays(o[k])]));
  };
  return arrays(root) as Record<string, unknown>;
}

export type FakeStripe = {
  url: string;
  host: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  requests: StripeRequest[];
  objects: Map<string, Obj>;
  /** Where completing the hosted page sends its events (the app's /webhooks/stripe), when set. */
  webhookUrl: string | null;
  /** Every event made, in order. */
  events: StripeEvent[];
  /** Answer the next n API requests with a 500; with `afterAccepting`, the request takes effect first (the answer is what is lost). */
  failNext: (n: number, options?: { afterAccepting?: boolean }) => void;
  session: (id: string) => Obj;
  /** The payer finishes Checkout: card is paid at once; bacs_debit and customer_balance complete unpaid and settle later. */
  complete: (sessionId: string, method?: "card" | "bacs_debit" | "customer_balance", options?: { amountPence?: number }) => StripeEvent[];
  /** A debit or bank transfer (by the method it was completed with) settles, or fails. */
  settle: (sessionId: string, outcome: "succeeded" | "failed") => StripeEvent[];
  expire: (sessionId: string) => StripeEvent[];
  refundCharge: (chargeId: string, amount?: number) => StripeEvent[];
  /** The school's bank disputes the charge: what is left of it is withdrawn from the balance, with Stripe's dispute fee. */
  dispute: (chargeId: string) => StripeEvent[];
  /** The dispute is decided: won returns the money (and the fee), lost keeps it gone. */
  closeDispute: (disputeId: string, outcome: "won" | "lost") => StripeEvent[];
  updateAccount: (accountId: string, changes: { details_submitted?: boolean; payouts_enabled?: boolean; charges_enabled?: boolean }) => StripeEvent[];
  /** A payout of the platform's balance to its bank, paid (or failed at once); `authorityId` goes in its metadata. */
  payout: (amount: number, status: "paid" | "failed", options?: { authorityId?: string }) => StripeEvent[];
  /** A paid payout comes back from the bank: the money returns to the balance. */
  failPayout: (payoutId: string) => StripeEvent[];
  event: (type: string, object: Obj) => StripeEvent;
  /** A valid Stripe-Signature header for a payload, as Stripe would send it (timestamp in seconds, optional). */
  sign: (payload: string, options?: { timestamp?: number; secret?: string }) => string;
  /** POST an event to a URL, signed, like Stripe: returns the status. */
  deliver: (url: string, event: StripeEvent) => Promise<{ status: number; body: string }>;
  close: () => Promise<void>;
};

const API_VERSION = "2026-10-28.endive";
/** Stripe's fee for a dispute in the UK, in pence. */
export const DISPUTE_FEE = 2000;

export async function startFakeStripe({
  secretKey = "sk_test_fakestripe",
  webhookSecret = "whsec_fakestripe",
  port: wantedPort = 0,
  host: wantedHost = "127.0.0.1",
}: {
  secretKey?: string;
  webhookSecret?: string;
  port?: number;
  host?: string;
} = {}): Promise<FakeStripe> {
  const requests: StripeRequest[] = [];
  const objects = new Map<string, Obj>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  /** Where each connected account's onboarding link returns to, as Stripe's account links do. */
  const onboardingReturns = new Map<string, string>();
  const events: StripeEvent[] = [];
  let failures = 0;
  let acceptBeforeFailing = false;
  let counter = 0;
  const now = () => Math.floor(Date.now() / 1000);
  const newId = (prefix: string) => `${prefix}_test_${(++counter).toString(36).padStart(6, "0")}${Math.random().toString(36).slice(2, 8)}`;
  const put = (o: Obj) => (objects.set(o.id, o), o);
  const get = (id: string) => objects.get(id);
  const helpers = new Stripe(secretKey);
  let base = "";

  const event = (type: string, object: Obj): StripeEvent => {
    const e: StripeEvent = {
      id: newId("evt"),
      object: "event",
      type,
      created: now(),
      livemode: false,
      api_version: API_VERSION,
      data: { object: structuredClone(object) },
    };
    events.push(e);
    return e;
  };
  const balance = (type: string, source: string, amount: number, fee = 0, feeDescription = "Stripe processing fees") =>
    put({
      id: newId("txn"),
      object: "balance_transaction",
      type,
      source,
      amount,
      fee,
      fee_details: fee === 0 ? [] : [{ amount: fee, application: null, currency: "gbp", description: feeDescription, type: "stripe_fee" }],
      net: amount - fee,
      currency: "gbp",
      created: now(),
      status: "available",
      reporting_category: type,
      description: null,
    });

  const intentOf = (session: Obj) => get(session.payment_intent as string)!;
  const chargeFor = (intent: Obj, method: string) => {
    const charge = put({
      id: newId("ch"),
      object: "charge",
      amount: intent.amount,
      amount_refunded: 0,
      currency: "gbp",
      paid: true,
      refunded: false,
      status: "succeeded",
      payment_intent: intent.id,
      metadata: {},
      transfer_group: intent.transfer_group ?? null,
      payment_method_details: { type: method },
      refunds: { object: "list", data: [], has_more: false, url: "" },
      created: now(),
    });
    intent.latest_charge = charge.id;
    return charge;
  };

  const expandOne = (value: unknown, path: string[]): unknown => {
    if (path.length === 0) return value;
    if (!value || typeof value !== "object") return value;
    const o = structuredClone(value) as Record<string, unknown>;
    const [head, ...rest] = path;
    if (head === "data" && Array.isArray(o.data)) return { ...o, data: o.data.map((d) => expandOne(d, rest)) };
    const field = o[head];
    if (typeof field === "string" && objects.has(field)) o[head] = expandOne(objects.get(field), rest);
    else if ((head === "refunds" || head === "reversals") && field && typeof field === "object") {
      const items = (field as { data: (string | Obj)[] }).data ?? [];
      const listed = { ...(field as object), data: items.map((item) => (typeof item === "string" ? structuredClone(get(item)) : item)) };
      o[head] = expandOne(listed, rest);
    } else if (field && typeof field === "object") o[head] = expandOne(field, rest);
    return o;
  };
  /** Stored objects hold lists of ids; answers show them as lists of objects, as Stripe does for refunds and reversals. */
  const render = (o: Obj, expand: string[] = []) => {
    let out: unknown = structuredClone(o);
    for (const e of ["refunds", "reversals"]) if ((o as Record<string, unknown>)[e]) out = expandOne(out, [e]);
    for (const path of expand) out = expandOne(out, path.split("."));
    return out;
  };

  const list = (data: unknown[]) => ({ object: "list", data, has_more: false, url: "" });
  const notFound = (id: string) => ({
    status: 404,
    body: { error: { type: "invalid_request_error", code: "resource_missing", message: `No such object: '${id}'` } },
  });

  function route(method: string, path: string, body: Record<string, unknown>, query: URLSearchParams): { status: number; body: unknown } {
    const fromQuery = parseForm(query.toString()).expand;
    const expand = [
      ...((body.expand as string[]) ?? []),
      ...(Array.isArray(fromQuery) ? (fromQuery as string[]) : typeof fromQuery === "string" ? [fromQuery] : []),
    ];
    const parts = path.split("/").filter(Boolean).slice(1); // drop "v1"
    const [resource, id, sub] = parts;
    const key = parts[0] === "checkout" ? `checkout/${parts[1]}` : resource;
    const objectId = parts[0] === "checkout" ? parts[2] : id;
    if (method === "POST" && key === "checkout/sessions" && !objectId) {
      const items = body.line_items as { price_data: { unit_amount: string }; quantity: string }[];
      const amount = items.reduce((s, i) => s + Number(i.price_data.unit_amount) * Number(i.quantity ?? 1), 0);
      const pid = body.payment_intent_data as { metadata?: Record<string, string>; description?: string; transfer_group?: string } | undefined;
      const intent = put({
        id: newId("pi"),
        object: "payment_intent",
        amount,
        currency: "gbp",
        status: "requires_payment_method",
        metadata: pid?.metadata ?? {},
        description: pid?.description ?? null,
        transfer_group: pid?.transfer_group ?? null,
        latest_charge: null,
        last_payment_error: null,
      });
      const session = put({
        id: newId("cs"),
        object: "checkout.session",
        mode: "payment",
        status: "open",
        payment_status: "unpaid",
        amount_total: amount,
        currency: "gbp",
        client_reference_id: body.client_reference_id ?? null,
        metadata: body.metadata ?? {},
        payment_intent: intent.id,
        success_url: body.success_url,
        cancel_url: body.cancel_url,
        url: "",
        created: now(),
      });
      session.url = `${base}/pay/${session.id}`;
      return { status: 200, body: session };
    }
    if (method === "GET" && key === "checkout/sessions" && !objectId) {
      const pi = query.get("payment_intent");
      return {
        status: 200,
        body: list([...objects.values()].filter((o) => o.object === "checkout.session" && (!pi || o.payment_intent === pi)).map((o) => render(o))),
      };
    }
    if (method === "GET" && key === "checkout/sessions") {
      const s = get(objectId);
      return s ? { status: 200, body: render(s, expand) } : notFound(objectId);
    }
    if (method === "GET" && ["payment_intents", "charges", "disputes", "accounts", "transfers", "payouts", "refunds"].includes(resource) && id) {
      const o = get(id);
      return o ? { status: 200, body: render(o, expand) } : notFound(id);
    }
    if (method === "POST" && resource === "accounts" && !id) {
      return {
        status: 200,
        body: put({
          id: newId("acct"),
          object: "account",
          type: "express",
          country: "GB",
          details_submitted: false,
          payouts_enabled: false,
          charges_enabled: false,
          metadata: body.metadata ?? {},
          created: now(),
        }),
      };
    }
    if (method === "POST" && resource === "account_links") {
      onboardingReturns.set(String(body.account), String(body.return_url ?? ""));
      return { status: 200, body: { object: "account_link", url: `${base}/onboarding/${body.account}`, created: now(), expires_at: now() + 300 } };
    }
    if (method === "POST" && resource === "transfers" && !id) {
      const amount = Number(body.amount);
      const transfer = put({
        id: newId("tr"),
        object: "transfer",
        amount,
        amount_reversed: 0,
        currency: "gbp",
        destination: body.destination,
        transfer_group: body.transfer_group ?? null,
        metadata: body.metadata ?? {},
        reversed: false,
        reversals: { object: "list", data: [], has_more: false, url: "" },
        created: now(),
      });
      balance("transfer", transfer.id, -amount);
      event("transfer.created", render(transfer) as Obj);
      return { status: 200, body: render(transfer) };
    }
    if (method === "POST" && resource === "transfers" && id && sub === "reversals") {
      const transfer = get(id);
      if (!transfer) return notFound(id);
      const amount = Number(body.amount ?? (transfer.amount as number) - (transfer.amount_reversed as number));
      if (amount + (transfer.amount_reversed as number) > (transfer.amount as number))
        return { status: 400, body: { error: { type: "invalid_request_error", message: "Reversal exceeds the transfer" } } };
      const reversal = put({
        id: newId("trr"),
        object: "transfer_reversal",
        amount,
        currency: "gbp",
        transfer: id,
        metadata: body.metadata ?? {},
        created: now(),
      });
      transfer.amount_reversed = (transfer.amount_reversed as number) + amount;
      transfer.reversed = transfer.amount_reversed === transfer.amount;
      (transfer.reversals as { data: string[] }).data.push(reversal.id);
      balance("transfer_reversal", reversal.id, amount);
      event("transfer.reversed", render(transfer) as Obj);
      return { status: 200, body: reversal };
    }
    if (method === "POST" && resource === "refunds" && !id) {
      const intent = get(body.payment_intent as string);
      const charge = intent?.latest_charge ? get(intent.latest_charge as string) : undefined;
      if (!intent || !charge) return notFound(String(body.payment_intent));
      const amount = Number(body.amount ?? (charge.amount as number) - (charge.amount_refunded as number));
      if (amount + (charge.amount_refunded as number) > (charge.amount as number))
        return { status: 400, body: { error: { type: "invalid_request_error", code: "charge_already_refunded", message: "Refund exceeds the charge" } } };
      const refund = makeRefund(charge, amount, (body.metadata as Record<string, string>) ?? {});
      return { status: 200, body: refund };
    }
    if (method === "GET" && resource === "balance_transactions") {
      const created = (parseForm(query.toString()).created ?? {}) as { gte?: string; lt?: string };
      const data = [...objects.values()]
        .filter((o) => o.object === "balance_transaction")
        .filter(
          (o) =>
            (created.gte === undefined || (o.created as number) >= Number(created.gte)) &&
            (created.lt === undefined || (o.created as number) < Number(created.lt)),
        )
        .map((o) =>
          render(
            o,
            expand.map((e) => e.replace(/^data\./, "")),
          ),
        );
      return { status: 200, body: list(data) };
    }
    return { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognised request URL (${method}: ${path})` } } };
  }

  function makeRefund(charge: Obj, amount: number, metadata: Record<string, string>) {
    const refund = put({
      id: newId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      currency: "gbp",
      status: "succeeded",
      metadata,
      created: now(),
    });
    charge.amount_refunded = (charge.amount_refunded as number) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    (charge.refunds as { data: string[] }).data.push(refund.id);
    refund.balance_transaction = balance("refund", refund.id, -amount).id;
    event("charge.refunded", render(charge) as Obj);
    return refund;
  }

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", base);
      // The stand-in for Stripe's hosted Checkout page, for a browser.
      if (url.pathname.startsWith("/pay/")) return hostedPage(req.method ?? "GET", url.pathname.slice(5), parseForm(raw), res);
      // The stand-in for Stripe's hosted Connect onboarding, and a page to play Stripe's part by hand.
      if (url.pathname.startsWith("/onboarding/")) return onboardingPage(req.method ?? "GET", url.pathname.slice(12), res);
      if (url.pathname === "/" || url.pathname === "/control") return controlPage(req.method ?? "GET", parseForm(raw), res);
      const body = parseForm(raw);
      requests.push({ method: req.method ?? "GET", path: url.pathname, headers: req.headers, body });
      if (req.headers.authorization !== `Bearer ${secretKey}`) {
        res
          .writeHead(401, { "Content-Type": "application/json" })
          .end(JSON.stringify({ error: { type: "invalid_request_error", message: "Invalid API Key provided" } }));
        return;
      }
      const key = req.headers["idempotency-key"] as string | undefined;
      const answer = () => {
        if (req.method === "POST" && key && idempotent.has(key)) return idempotent.get(key)!;
        const result = route(req.method ?? "GET", url.pathname, body, url.searchParams);
        if (req.method === "POST" && key && result.status < 500) idempotent.set(key, result);
        return result;
      };
      if (failures > 0) {
        failures--;
        if (acceptBeforeFailing) answer();
        res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { type: "api_error", message: "Something went wrong" } }));
        return;
      }
      const { status, body: out } = answer();
      res.writeHead(status, { "Content-Type": "application/json", "Request-Id": `req_${counter}` }).end(JSON.stringify(out));
    });
  });

  const fake: FakeStripe = {
    url: "",
    host: "127.0.0.1",
    port: 0,
    secretKey,
    webhookSecret,
    requests,
    objects,
    webhookUrl: null,
    events,
    failNext: (n, { afterAccepting = false } = {}) => {
      failures = n;
      acceptBeforeFailing = afterAccepting;
    },
    session: (id) => get(id)!,
    complete: (sessionId, method = "card", { amountPence } = {}) => {
      const session = get(sessionId)!;
      const intent = intentOf(session);
      if (amountPence !== undefined) session.amount_total = intent.amount = amountPence;
      session.status = "complete";
      if (method === "card") {
        const charge = chargeFor(intent, method);
        intent.status = "succeeded";
        session.payment_status = "paid";
        charge.balance_transaction = balance("charge", charge.id, charge.amount as number, Math.round((charge.amount as number) * 0.015) + 20).id;
        return [event("checkout.session.completed", session)];
      }
      intent.status = "processing";
      intent.payment_method_types = [method];
      return [event("checkout.session.completed", session)];
    },
    settle: (sessionId, outcome) => {
      const session = get(sessionId)!;
      const intent = intentOf(session);
      if (outcome === "succeeded") {
        const charge = chargeFor(intent, (intent.payment_method_types as string[] | undefined)?.[0] ?? "bacs_debit");
        intent.status = "succeeded";
        session.payment_status = "paid";
        charge.balance_transaction = balance("charge", charge.id, charge.amount as number, 20).id;
        return [event("checkout.session.async_payment_succeeded", session)];
      }
      intent.status = "requires_payment_method";
      intent.last_payment_error = { message: "The account has insufficient funds", code: "insufficient_funds" };
      return [event("payment_intent.payment_failed", intent), event("checkout.session.async_payment_failed", session)];
    },
    expire: (sessionId) => {
      const session = get(sessionId)!;
      session.status = "expired";
      return [event("checkout.session.expired", session)];
    },
    refundCharge: (chargeId, amount) => {
      const charge = get(chargeId)!;
      const before = events.length;
      makeRefund(charge, amount ?? (charge.amount as number) - (charge.amount_refunded as number), {});
      return events.slice(before);
    },
    dispute: (chargeId) => {
      const charge = get(chargeId)!;
      const amount = (charge.amount as number) - (charge.amount_refunded as number);
      const id = newId("dp");
      const withdrawal = balance("adjustment", id, -amount, DISPUTE_FEE, "Dispute fee");
      const dispute = put({
        id,
        object: "dispute",
        amount,
        currency: "gbp",
        charge: chargeId,
        payment_intent: charge.payment_intent,
        reason: "fraudulent",
        status: "needs_response",
        // Stripe lists a dispute's balance transactions in full, not as ids.
        balance_transactions: [structuredClone(withdrawal)],
        metadata: {},
        created: now(),
      });
      charge.disputed = true;
      return [event("charge.dispute.created", dispute)];
    },
    closeDispute: (disputeId, outcome) => {
      const dispute = get(disputeId)!;
      dispute.status = outcome;
      if (outcome === "won") {
        const reinstated = balance("adjustment", disputeId, dispute.amount as number, -DISPUTE_FEE, "Dispute fee returned");
        (dispute.balance_transactions as Obj[]).push(structuredClone(reinstated));
      }
      return [event("charge.dispute.closed", dispute)];
    },
    updateAccount: (accountId, changes) => {
      const account = get(accountId)!;
      Object.assign(account, changes);
      return [event("account.updated", account)];
    },
    payout: (amount, status, { authorityId } = {}) => {
      const payout = put({
        id: newId("po"),
        object: "payout",
        amount,
        currency: "gbp",
        status,
        method: "standard",
        type: "bank_account",
        automatic: false,
        metadata: authorityId ? { authority_id: authorityId } : {},
        balance_transaction: null,
        failure_balance_transaction: null,
        failure_code: status === "failed" ? "account_closed" : null,
        arrival_date: now(),
        created: now(),
      });
      // The balance is debited when the payout is made; a payout that fails at once never left it.
      if (status === "paid") payout.balance_transaction = balance("payout", payout.id, -amount).id;
      return [event(`payout.${status}`, payout)];
    },
    failPayout: (payoutId) => {
      const payout = get(payoutId)!;
      payout.status = "failed";
      payout.failure_code = "account_closed";
      payout.failure_balance_transaction = balance("payout_failure", payoutId, payout.amount as number).id;
      return [event("payout.failed", payout)];
    },
    event,
    sign: (payload, { timestamp, secret } = {}) => helpers.webhooks.generateTestHeaderString({ payload, secret: secret ?? webhookSecret, timestamp }),
    deliver: async (url, e) => {
      const payload = JSON.stringify(e);
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Stripe-Signature": fake.sign(payload) },
        body: payload,
      });
      return { status: response.status, body: await response.text() };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function hostedPage(method: string, sessionId: string, form: Record<string, unknown>, res: import("node:http").ServerResponse) {
    const session = get(sessionId);
    if (!session) return void res.writeHead(404).end("No such session");
    if (method === "POST") {
      if (form.choice === "cancel") return void res.writeHead(303, { Location: session.cancel_url as string }).end();
      const made = fake.complete(sessionId, form.choice === "bacs" ? "bacs_debit" : "card");
      if (fake.webhookUrl) for (const e of made) await fake.deliver(fake.webhookUrl, e);
      return void res.writeHead(303, { Location: session.success_url as string }).end();
    }
    const pounds = ((session.amount_total as number) / 100).toFixed(2);
    res
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(
        `<!doctype html><html lang="en"><head><title>Stripe test checkout</title></head><body><main><h1>Pay £${pounds}</h1>` +
          `<form method="post"><label>Card number <input name="card" value="4242 4242 4242 4242"></label>` +
          `<button name="choice" value="pay">Pay £${pounds}</button> <button name="choice" value="bacs">Pay £${pounds} by Bacs Direct Debit</button> ` +
          `<button name="choice" value="cancel">Cancel</button></form></main></body></html>`,
      );
  }

  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  const deliverAll = async (made: StripeEvent[]) => {
    if (fake.webhookUrl) for (const e of made) await fake.deliver(fake.webhookUrl, e);
  };

  async function onboardingPage(method: string, accountId: string, res: import("node:http").ServerResponse) {
    const account = get(accountId);
    if (!account) return void res.writeHead(404).end("No such account");
    if (method === "POST") {
      await deliverAll(fake.updateAccount(accountId, { details_submitted: true, payouts_enabled: true, charges_enabled: true }));
      return void res.writeHead(303, { Location: onboardingReturns.get(accountId) || "/" }).end();
    }
    res
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(page("Stripe test onboarding", `<p>Account ${accountId}</p><form method="post"><button>Submit details</button></form>`));
  }

  /** Stripe's side by hand: settle or fail a Bacs Direct Debit, dispute a charge, pay out the balance. */
  async function controlPage(method: string, form: Record<string, unknown>, res: import("node:http").ServerResponse) {
    if (method === "POST") {
      const id = String(form.id ?? "");
      const made =
        form.action === "succeed" || form.action === "fail"
          ? fake.settle(id, form.action === "succeed" ? "succeeded" : "failed")
          : form.action === "dispute"
            ? fake.dispute(id)
            : form.action === "refund"
              ? fake.refundCharge(id)
              : [];
      await deliverAll(made);
      return void res.writeHead(303, { Location: "/" }).end();
    }
    const all = [...objects.values()];
    const button = (action: string, id: string, label: string) =>
      `<form method="post" action="/control" style="display:inline"><input type="hidden" name="id" value="${id}"><button name="action" value="${action}">${label}</button></form>`;
    const waiting = all
      .filter((o) => o.object === "checkout.session" && o.status === "complete" && o.payment_status === "unpaid")
      .map(
        (o) =>
          `<li>${o.id} £${((o.amount_total as number) / 100).toFixed(2)} ${button("succeed", o.id, "Debit succeeds")} ${button("fail", o.id, "Debit fails")}</li>`,
      );
    const charges = all
      .filter((o) => o.object === "charge")
      .map(
        (o) =>
          `<li>${o.id} £${((o.amount as number) / 100).toFixed(2)}, refunded £${((o.amount_refunded as number) / 100).toFixed(2)} ${button("dispute", o.id, "Dispute")}</li>`,
      );
    res
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(
        page(
          "Local Stripe",
          `<p>Webhooks go to ${fake.webhookUrl ?? "nowhere (set APP_URL)"}.</p><h2>Bank debits waiting</h2><ul>${waiting.join("") || "<li>None</li>"}</ul>` +
            `<h2>Charges</h2><ul>${charges.join("") || "<li>None</li>"}</ul>`,
        ),
      );
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(wantedPort, wantedHost, resolve);
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${wantedHost}:${port}`;
  fake.url = base;
  fake.port = port;
  fake.host = wantedHost;
  return fake;
}
