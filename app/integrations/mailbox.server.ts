// The local mailbox: emails as the outbox holds them, for the demo and development, where no
// email provider is configured and people still need to follow their invitation links.
import { and, desc, eq } from "drizzle-orm";
import { renderEmail, templates, type EmailName } from "#emails/index";
import { schema, type Queryable } from "~/db.server";
import type { Env } from "~/env.server";

export const mailboxEnabled = (env: Pick<Env, "DEMO" | "NODE_ENV">) => env.DEMO || env.NODE_ENV === "development";

const isEmailName = (topic: string): topic is EmailName => Object.hasOwn(templates, topic);
const isRedacted = (payload: Record<string, unknown>) => Object.keys(payload).length === 0;

function subjectOf(topic: string, payload: Record<string, unknown>) {
  if (!isEmailName(topic) || isRedacted(payload)) return topic;
  return (templates[topic].subject as (p: unknown) => string)(payload);
}

/** Emails newest first, optionally only those to one address. */
export async function listMailbox(db: Queryable, { to, limit = 200 }: { to?: string; limit?: number }) {
  const rows = await db
    .select({ id: schema.outbox.id, to: schema.outbox.recipient, topic: schema.outbox.topic, payload: schema.outbox.payload, status: schema.outbox.status, createdAt: schema.outbox.createdAt })
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
  const rendered = await renderEmail(row.topic, row.payload as never);
  return { ...base, subject: rendered.subject, text: rendered.text };
}
