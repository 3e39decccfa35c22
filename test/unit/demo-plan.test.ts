import { describe, expect, it } from "vitest";
import { arden } from "#db/seed/arden";
import { glanTeifi } from "#db/seed/glan-teifi";
import { addDays, consortiaEstablishedOn, isoDate, planAuthority } from "#db/seed/plan";
import { createRandom, seedFrom } from "#db/seed/random";

describe("the demo county's plan", () => {
  it("draws the same numbers from the same seed, and different ones from another", () => {
    const a = createRandom(seedFrom("arden"));
    const b = createRandom(seedFrom("arden"));
    const c = createRandom(seedFrom("glan-teifi"));
    const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 20 }, () => r.int(0, 1_000_000));
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    for (const n of first) expect(n).toBeGreaterThanOrEqual(0);
  });

  it("plans the same schools and people twice, with fresh ids", () => {
    const day = new Date("2026-09-07T08:00:00Z");
    const one = planAuthority(arden, day);
    const two = planAuthority(arden, day);
    const content = (p: typeof one) => ({
      schools: p.county.schools.map((s) => [s.urn, s.name, s.phase, s.numberOnRoll]),
      users: p.users.map((u) => [u.email, u.name]),
      signIns: p.signIns,
    });
    expect(content(two)).toEqual(content(one));
    expect(two.authority.id).not.toBe(one.authority.id);
  });

  it("gives Welsh schools Welsh names, categories and Estyn inspections", () => {
    const plan = planAuthority(glanTeifi, new Date("2026-09-07T08:00:00Z"));
    expect(plan.county.schools.every((s) => s.name.startsWith("Ysgol"))).toBe(true);
    expect(plan.schools.every((s) => ["green", "yellow", "amber", "red"].includes(s.category!))).toBe(true);
    expect(plan.inspections.every((i) => i.inspectorate === "estyn")).toBe(true);
    expect(plan.schools.every((s) => s.laMaintained)).toBe(true);
  });

  it("dates the consortia from 30 September two academic years back, in England's calendar", () => {
    expect(consortiaEstablishedOn("2026-09-01")).toBe("2024-09-30");
    expect(consortiaEstablishedOn("2026-08-31")).toBe("2023-09-30");
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(isoDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
