import { describe, expect, it } from "vitest";
import { frameworkFor, givesOverallGrade, goodOrBetter, judgementsFromGias, orderedJudgements } from "~/domain/schools/inspection-frameworks";

describe("inspection frameworks", () => {
  it("files an inspection under the framework of its day", () => {
    expect(frameworkFor("ofsted", "2019-03-01")).toBe("ofsted_overall_effectiveness");
    expect(frameworkFor("ofsted", "2024-08-31")).toBe("ofsted_overall_effectiveness");
    expect(frameworkFor("ofsted", "2024-09-01")).toBe("ofsted_2024_25");
    expect(frameworkFor("ofsted", "2025-11-09")).toBe("ofsted_2024_25");
    expect(frameworkFor("ofsted", "2025-11-10")).toBe("ofsted_report_card_2025");
    expect(frameworkFor("estyn", "2019-05-01")).toBe("estyn_2017");
    expect(frameworkFor("estyn", "2012-05-01")).toBe("estyn_2017");
    expect(frameworkFor("estyn", "2023-01-10")).toBe("estyn_2022");
  });

  it("says good or better only where the framework gives an overall grade", () => {
    expect(goodOrBetter({ framework: "ofsted_overall_effectiveness", judgements: { overall_effectiveness: "Outstanding" } })).toBe(true);
    expect(goodOrBetter({ framework: "ofsted_overall_effectiveness", judgements: { overall_effectiveness: "Good" } })).toBe(true);
    expect(goodOrBetter({ framework: "ofsted_overall_effectiveness", judgements: { overall_effectiveness: "Requires improvement" } })).toBe(false);
    expect(goodOrBetter({ framework: "ofsted_overall_effectiveness", judgements: { overall_effectiveness: "Inadequate" } })).toBe(false);
    expect(goodOrBetter({ framework: "ofsted_overall_effectiveness", judgements: {} })).toBeNull();
    // Every area good under the 2024-25 arrangements is still no overall grade.
    expect(goodOrBetter({ framework: "ofsted_2024_25", judgements: { quality_of_education: "Good", leadership_and_management: "Good" } })).toBeNull();
    expect(goodOrBetter({ framework: "ofsted_report_card_2025", judgements: { achievement: "Exceptional" } })).toBeNull();
    expect(goodOrBetter({ framework: "estyn_2017", judgements: { standards: "Excellent" } })).toBeNull();
    expect(goodOrBetter({ framework: "estyn_2022", judgements: { follow_up: "No follow-up" } })).toBeNull();
    expect(goodOrBetter({ framework: "something else", judgements: { overall_effectiveness: "Good" } })).toBeNull();
    expect(givesOverallGrade("ofsted_overall_effectiveness")).toBe(true);
    expect(givesOverallGrade("ofsted_report_card_2025")).toBe(false);
  });

  it("takes GIAS's rating as an overall grade only under the framework that had one", () => {
    expect(judgementsFromGias("ofsted_overall_effectiveness", "Requires improvement")).toEqual({ overall_effectiveness: "Requires improvement" });
    expect(judgementsFromGias("ofsted_overall_effectiveness", "Serious Weaknesses")).toEqual({});
    expect(judgementsFromGias("ofsted_2024_25", "Good")).toEqual({});
    expect(judgementsFromGias("ofsted_overall_effectiveness", null)).toEqual({});
  });

  it("lists judgements in the framework's order", () => {
    expect(orderedJudgements("ofsted_report_card_2025", { safeguarding: "Met", inclusion: "Strong standard", odd: "x" }).map(([a]) => a)).toEqual([
      "inclusion",
      "safeguarding",
      "odd",
    ]);
  });
});
