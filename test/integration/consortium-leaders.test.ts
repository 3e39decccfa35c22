// Naming a consortium's lead: the new lead gets the role there, and a lead who is replaced loses it.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { nameConsortiumLeaders } from "~/domain/consortia/create-consortium.server";
import { actorFor, createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";
import { createMember } from "../factories/tenancy";
import { useTestDatabase } from "../factories/database";

describe("naming a consortium's lead and chair", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 2, potPence: 0 });
  });

  const leadRoles = (userId: string) =>
    db()
      .select({ id: schema.memberships.id })
      .from(schema.memberships)
      .where(
        and(eq(schema.memberships.userId, userId), eq(schema.memberships.organisationId, world.consortium.id), eq(schema.memberships.role, "consortium_lead")),
      );

  it("gives the new lead the role, takes it from the lead replaced, and records both", async () => {
    const admin = await createMember(db(), world.office, "la_admin");
    const actor = await actorFor(db(), admin, world.authority.id);
    const [first, second] = world.members.map((m) => m.head);
    const options = { actor, authorityId: world.authority.id, consortiumId: world.consortium.id, chairUserId: second.id };

    await nameConsortiumLeaders(db(), { ...options, leadUserId: first.id });
    expect(await leadRoles(first.id)).toHaveLength(1);

    await nameConsortiumLeaders(db(), { ...options, leadUserId: second.id });
    expect(await leadRoles(second.id)).toHaveLength(1);
    expect(await leadRoles(first.id)).toEqual([]);
    const removed = await db()
      .select({ before: schema.auditLog.before, organisationId: schema.auditLog.organisationId })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.authorityId, world.authority.id), eq(schema.auditLog.action, "membership.removed")));
    expect(removed).toEqual([
      { before: { userId: first.id, organisationId: world.consortium.id, role: "consortium_lead" }, organisationId: world.consortium.id },
    ]);

    // Naming the same lead again changes no one's role.
    await nameConsortiumLeaders(db(), { ...options, leadUserId: second.id });
    expect(await leadRoles(second.id)).toHaveLength(1);
  });
});
