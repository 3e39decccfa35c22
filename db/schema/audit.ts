import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/** Who did what, when, to what, before and after. Append-only (enforced by a trigger). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    authorityId: uuid("authority_id"),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** The organisation the change concerns (a school, a consortium, a provider), for the log's filter. */
    organisationId: uuid("organisation_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  // The log pages newest first by (created_at, id): one index per filter, each ending in those two
  // columns, so every filtered page is a range scan that stops after a page of rows (docs/bench.md).
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_authority_idx").on(t.authorityId, t.createdAt, t.id),
    index("audit_log_actor_idx").on(t.authorityId, t.actorUserId, t.createdAt, t.id),
    index("audit_log_organisation_idx").on(t.authorityId, t.organisationId, t.createdAt, t.id),
    index("audit_log_action_idx").on(t.authorityId, t.action, t.createdAt, t.id),
  ],
);
