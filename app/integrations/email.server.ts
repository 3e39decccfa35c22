// Sending email: through Resend when RESEND_API_KEY is set; otherwise the local mailbox, where the
// outbox row itself is the email and /dev/mailbox shows it.
import { Resend } from "resend";
import type { Env } from "~/env.server";

export type OutgoingEmail = { id: string; to: string; subject: string; html: string; text: string };

export type EmailSender = {
  mode: "resend" | "local";
  send: (email: OutgoingEmail) => Promise<void>;
};

export function createEmailSender(env: Pick<Env, "RESEND_API_KEY" | "RESEND_BASE_URL" | "EMAIL_FROM">): EmailSender {
  if (!env.RESEND_API_KEY) return { mode: "local", send: async () => {} };
  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  return {
    mode: "resend",
    async send({ id, to, subject, html, text }) {
      // The outbox row's id is the idempotency key: a retry after a lost answer is not sent twice.
      const { error } = await resend.emails.send({ from: env.EMAIL_FROM, to, subject, html, text }, { idempotencyKey: id });
      if (error) throw new Error(`Resend refused the email: ${error.name}: ${error.message}`);
    },
  };
}
