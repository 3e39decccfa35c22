// The local mailbox: emails as the outbox holds them, for the demo and development, where no
// email provider is configured and people still need to follow their invitation links.
import { and, desc, eq } from "drizzle-orm";
import { renderEmail, templates, type EmailName } from "#emails/index";
import { schema, type Queryable } from "~/db.server";
import type { Env } from "~/env.server";

export const mailboxEnabled = (env: Pick<Env, "DEMO" | "NODE_ENV">) => env.DEMO || env.NODE_ENV === "development";

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export const isLoopback = (address: string) => /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address) || address === "::1";

/**
 * The mailbox shows working sign-in links for everyone, so it answers only where it exists (the
 * demo, development) and, unless the demo was asked for with DEMO=true, only to this machine. A
 * request that came through a proxy the app does not trust is not from this machine, whatever
 * address the proxy connected from.
 */
export function mailboxOpenTo(context: { env: Pick<Env, "DEMO" | "DEMO_EXPLICIT" | "NODE_ENV" | "TRUST_PROXY">; clientIp: string }, request: Request) {
  if (!mailboxEnabled(context.env)) return false;
  if (context.env.DEMO_EXPLICIT) return true;
  const forwarded = request.headers.has("forwarded") || request.headers.has("x-forwarded-for");
  if (forwarded && !context.env.TRUST_PROXY) return false;
  return isLoopback(context.clientIp);
}

const isEmailName = (topic: string): topic is EmailName => Object.hasOwn(templates, topic);
const isRedacted = (payload: Record<string, unknown>) => Object.keys(payload).length === 0;

function subjectOf(topic: string, payload: Record<string, unknown>) {
  if (!isEmailName(topic) || isRedacted(payload)) return topic;
  try {
    return (templates[topic].subject as (p: unknown) => string)(payload);
  } catch {
    // Written before the template's props changed shape (an old date or amount): listed by its template's name.
    return topic;
  }
}

/** Emails newest first, optionally only those to one address. */
export async function listMailbox(db: Queryable, { to, limit = 200 }: { to?: string; limit?: number }) {
  const rows = await db
    .select({
      id: schema.outbox.id,
      to: schema.outbox.recipient,
      topic: schema.outbox.topic,
      payload: schema.outbox.payload,
      status: schema.outbox.status,
      createdAt: schema.outbox.createdAt,
    })
    .from(schema.outbox)
    .where(and(eq(schema.outbox.kind, "email"), to ? eq(schema.outbox.recipient, to) : undefined))
    .orderBy(desc(schema.outbox.seq))
    .limit(limit);
  return rows.map(({ payload, topic, ...row }) => ({ ...row, subject: subjectOf(topic, payload) }));
}

/** One email, rendered to text; null when there is no such email. */
export async function readMailboxEmail(db: Queryable, id: string) {
  const [row] = await db
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.id, id), eq(schema.outbox.kind, "email")));
  if (!row) return null;
  const base = { id: row.id, to: row.recipient, status: row.status, createdAt: row.createdAt };
  if (!isEmailName(row.topic) || isRedacted(row.payload)) return { ...base, subject: row.topic, text: null };
  const rendered = await renderEmail(row.topic, row.payload as never, row.language).catch(() => null);
  if (!rendered) return { ...base, subject: row.topic, text: null };
  return { ...base, subject: rendered.subject, text: rendered.text };
}
