import { bigserial, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { LANGUAGES } from "./vocabulary";

/**
 * Side effects that leave the process (email, payment calls) are written here in the
 * transaction of the change that causes them, and sent by the dispatcher after commit.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    /** The order rows were written in: several can share a timestamp. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    authorityId: uuid("authority_id"),
    kind: text("kind", { enum: ["email", "job"] }).notNull(),
    /** For email: the template's name; for jobs: the job's name. */
    topic: text("topic").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** For email: the recipient, so the local mailbox can list by address. */
    recipient: text("recipient"),
    /** For email: the language it is written in, the recipient's. */
    language: text("language", { enum: LANGUAGES }).notNull().default("en"),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: at("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt), index("outbox_recipient_idx").on(t.recipient)],
);
