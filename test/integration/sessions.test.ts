import { describe, expect, it } from "vitest";
import {
  ABSOLUTE_TIMEOUT_MS,
  createSession,
  generateSessionToken,
  hashToken,
  IDLE_TIMEOUT_MS,
  invalidateUserSessions,
  validateSessionToken,
} from "~/auth/session.server";
import { schema } from "~/db.server";
import { useTestDatabase } from "../factories/database";
import { createUser } from "../factories/tenancy";
import { eq } from "drizzle-orm";

describe("sessions", () => {
  const db = useTestDatabase();

  it("stores only the SHA-256 of the token", async () => {
    const user = await createUser(db());
    const token = generateSessionToken();
    await createSession(db(), token, user.id, null);
    const rows = await db().select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(hashToken(token));
    expect(rows[0].id).not.toContain(token);
  });

  it("expires after the idle timeout and slides while in use", async () => {
    const user = await createUser(db());
    const token = generateSessionToken();
    const start = new Date("2026-01-05T09:00:00Z");
    await createSession(db(), token, user.id, null, start);
    const later = new Date(start.getTime() + IDLE_TIMEOUT_MS * 0.75);
    const used = await validateSessionToken(db(), token, later);
    expect(used?.session.expiresAt.getTime()).toBe(later.getTime() + IDLE_TIMEOUT_MS);
    const idle = new Date(later.getTime() + IDLE_TIMEOUT_MS + 1);
    expect(await validateSessionToken(db(), token, idle)).toBeNull();
  });

  it("ends at the absolute timeout however busy", async () => {
    const user = await createUser(db());
    const token = generateSessionToken();
    const start = new Date("2026-01-05T09:00:00Z");
    await createSession(db(), token, user.id, null, start);
    let now = start;
    while (now.getTime() < start.getTime() + ABSOLUTE_TIMEOUT_MS - IDLE_TIMEOUT_MS / 2) {
      now = new Date(now.getTime() + IDLE_TIMEOUT_MS / 2 + 1000);
      if (now.getTime() >= start.getTime() + ABSOLUTE_TIMEOUT_MS) break;
      expect(await validateSessionToken(db(), token, now)).not.toBeNull();
    }
    expect(await validateSessionToken(db(), token, new Date(start.getTime() + ABSOLUTE_TIMEOUT_MS))).toBeNull();
  });

  it("signs out of every session", async () => {
    const user = await createUser(db());
    const tokens = [generateSessionToken(), generateSessionToken()];
    for (const t of tokens) await createSession(db(), t, user.id, null);
    await invalidateUserSessions(db(), user.id);
    for (const t of tokens) expect(await validateSessionToken(db(), t)).toBeNull();
  });
});
