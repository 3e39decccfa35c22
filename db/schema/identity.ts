import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, refersTo } from "./columns";
import { authorityIdColumn, organisations } from "./tenancy";
import { LANGUAGES, ROLES, type SubjectArea } from "./vocabulary";

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased; unique across the deployment. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    disabledAt: at("disabled_at"),
    /** The language they chose to read the service in; null until they choose (their authority's default applies). */
    language: text("language", { enum: LANGUAGES }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_idx").on(t.email)],
);

/** A person the row must name: its member, or who made, signed or recorded it. */
export const userIdColumn = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: userIdColumn("user_id"),
    organisationId: refersTo("organisation_id", () => organisations.id),
    authorityId: authorityIdColumn(),
    role: text("role", { enum: ROLES }).notNull(),
    /** For commissioners: the subject areas they lead. */
    subjectAreas: text("subject_areas").array().$type<SubjectArea[]>().notNull().default(sql`'{}'::text[]`),
    /** For QA panel members: the chair of the improvement board's panel. */
    chair: boolean("chair").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("memberships_user_org_role_idx").on(t.userId, t.organisationId, t.role), index("memberships_org_idx").on(t.organisationId)],
);

/** Sessions after Lucia's guide: only the SHA-256 of the cookie's token is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: userIdColumn("user_id"),
    actingOrganisationId: uuid("acting_organisation_id").references(() => organisations.id),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    absoluteExpiresAt: at("absolute_expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Single-use emailed links: invitations and password resets. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: id(),
    kind: text("kind", { enum: ["invitation", "password_reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    userId: userIdColumn("user_id"),
    createdBy: uuid("created_by").references(() => users.id),
    /**
     * An invitation for someone who already has an account: the role is given only when they,
     * signed in, accept it. Null for links that set a password.
     */
    organisationId: uuid("organisation_id").references(() => organisations.id),
    role: text("role", { enum: ROLES }),
    /** The name the inviter typed, shown in the members list until the invitation is accepted. */
    inviteeName: text("invitee_name"),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("auth_tokens_hash_idx").on(t.tokenHash), index("auth_tokens_organisation_idx").on(t.organisationId)],
);

/** Fixed-window counters for sign-in throttling, kept in the database so any app server sees them. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: at("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Sign-in attempts per (account, client address) pair and per account, with exponential backoff
 * instead of a hard lock. Attempts are counted before the password is checked, in one statement
 * that also refuses while the subject is held back, so parallel guesses cannot slip past the count.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull().default(0),
  blockedUntil: at("blocked_until"),
  lastAttemptAt: at("last_attempt_at").notNull(),
  /** For a pair: when the account last signed in from this address, which spares it the account-wide ceiling. */
  succeededAt: at("succeeded_at"),
});
