import { schema, type Queryable } from "~/db.server";
import type { EmailName, EmailProps } from "#emails/index";

/** Queue an email in the caller's transaction; the dispatcher sends it after commit. */
export async function queueEmail<N extends EmailName>(
  tx: Queryable,
  { to, template, props, authorityId }: { to: string; template: N; props: EmailProps<N>; authorityId?: string | null },
) {
  const [row] = await tx
    .insert(schema.outbox)
    .values({ kind: "email", topic: template, recipient: to.toLowerCase(), payload: props as Record<string, unknown>, authorityId: authorityId ?? null })
    .returning({ id: schema.outbox.id });
  return row.id;
}
