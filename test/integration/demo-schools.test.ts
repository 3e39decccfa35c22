import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "#db/seed/index";
import { settingsStep } from "#db/seed/settings";
import { schema } from "~/db.server";
import { frameworkFor } from "~/domain/schools/inspection-frameworks";
import { useTestDatabase } from "../factories/database";

describe("the demo county's schools and settings", () => {
  const db = useTestDatabase();

  beforeAll(async () => {
    await seedDemo(db(), { password: "a-demo-password-for-tests", today: new Date("2026-03-16T09:00:00Z"), steps: [settingsStep] });
  });

  it("gives each authority an LA code and every school its GIAS-like fields and an inspection history", async () => {
    const authorities = await db().select().from(schema.authorities);
    expect(authorities.map((a) => a.laCode).sort()).toEqual(["690", "990"]);
    const rows = await db().select().from(schema.schools);
    for (const s of rows) {
      expect(s.urn).toMatch(/^[A-Z0-9]{6,12}$/);
      expect(s.typeName).toBeTruthy();
      expect(s.numberOnRoll).toBeGreaterThan(0);
      expect(s.status).toBe("open");
    }
    const inspections = await db().select().from(schema.inspections);
    const bySchool = new Set(inspections.map((i) => i.schoolId));
    expect(bySchool.size).toBe(rows.length);
    for (const i of inspections) expect(i.framework).toBe(frameworkFor(i.inspectorate, i.inspectedOn));
  });

  it("has early years settings and a post-16 provider in a consortium in each authority", async () => {
    const settings = await db()
      .select({ authorityId: schema.schools.authorityId, phase: schema.schools.phase, consortiumId: schema.consortiumMemberships.consortiumId })
      .from(schema.schools)
      .innerJoin(schema.consortiumMemberships, eq(schema.consortiumMemberships.schoolId, schema.schools.organisationId))
      .where(eq(schema.schools.laMaintained, false));
    const authorities = await db().select().from(schema.authorities);
    for (const a of authorities) {
      const mine = settings.filter((s) => s.authorityId === a.id);
      expect(mine.filter((s) => s.phase === "early_years").length, a.name).toBeGreaterThanOrEqual(2);
      expect(mine.filter((s) => s.phase === "post_16").length, a.name).toBe(1);
    }
  });
});
