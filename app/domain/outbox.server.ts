import { schema, type Queryable } from "~/db.server";
import type { EmailName, EmailProps } from "#emails/index";
import { recipientLanguage } from "~/domain/identity/reader-language.server";

/** Queue an email in the caller's transaction, in the recipient's language; the dispatcher sends it after commit. */
export async function queueEmail<N extends EmailName>(
  tx: Queryable,
  { to, template, props, authorityId }: { to: string; template: N; props: EmailProps<N>; authorityId?: string | null },
) {
  const language = await recipientLanguage(tx, { email: to, authorityId });
  const [row] = await tx
    .insert(schema.outbox)
    .values({
      kind: "email",
      topic: template,
      recipient: to.toLowerCase(),
      language,
      payload: props as Record<string, unknown>,
      authorityId: authorityId ?? null,
    })
    .returning({ id: schema.outbox.id });
  return row.id;
}

/**
 * Queue work for the dispatcher in the caller's transaction (a Stripe call, for example). The
 * handler must be idempotent: a crash after the work but before the row is settled runs it again.
 */
export async function queueJob(
  tx: Queryable,
  { topic, payload, authorityId }: { topic: string; payload: Record<string, unknown>; authorityId?: string | null },
) {
  const [row] = await tx
    .insert(schema.outbox)
    .values({ kind: "job", topic, payload, authorityId: authorityId ?? null })
    .returning({ id: schema.outbox.id });
  return row.id;
}
