import { describe, expect, it } from "vitest";
import { can, ROLE_PERMISSIONS, roleCan } from "~/auth/permissions";
import { ROLES } from "~/db.server";

const A = "authority-a";
const B = "authority-b";

describe("the permission map", () => {
  it("gives every role a list of permissions", () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role].length).toBeGreaterThan(0);
  });

  it("lets a headteacher buy for their own school and not for another", () => {
    const grants = [{ organisationId: "school-1", authorityId: A, role: "headteacher" as const }];
    expect(can(grants, "buy:offer", { organisationId: "school-1", authorityId: A })).toBe(true);
    expect(can(grants, "buy:offer", { organisationId: "school-2", authorityId: A })).toBe(false);
  });

  it("lets an la_admin verify any provider of their authority, never of another", () => {
    const grants = [{ organisationId: "office-a", authorityId: A, role: "la_admin" as const }];
    expect(can(grants, "verify:provider", { organisationId: "provider-1", authorityId: A })).toBe(true);
    expect(can(grants, "verify:provider", { organisationId: "provider-9", authorityId: B })).toBe(false);
  });

  it("keeps approval away from providers and purchase away from panel members", () => {
    expect(roleCan("provider_admin", "decide:offer")).toBe(false);
    expect(roleCan("provider_admin", "review:offer")).toBe(false);
    expect(roleCan("qa_panel_member", "buy:offer")).toBe(false);
    expect(roleCan("school_business_manager", "record:payment")).toBe(false);
  });
});
