// The inspection frameworks a school may have been judged under, and what each of them gives.
// Ofsted stopped one-word overall grades in September 2024 and issues report cards since
// 10 November 2025; Estyn stopped summative grades with its 2022 arrangements.

export const INSPECTORATES = ["ofsted", "estyn"] as const;
export type Inspectorate = (typeof INSPECTORATES)[number];

const OFSTED_GRADES = ["Outstanding", "Good", "Requires improvement", "Inadequate"] as const;
const REPORT_CARD_GRADES = ["Exceptional", "Strong standard", "Expected standard", "Needs attention", "Urgent improvement"] as const;
const ESTYN_2017_GRADES = ["Excellent", "Good", "Adequate and needs improvement", "Unsatisfactory and needs urgent improvement"] as const;

/** The four key judgements of Ofsted's inspections from 2019 until report cards, each on the four-point scale. */
export const OFSTED_KEY_JUDGEMENTS = {
  quality_of_education: OFSTED_GRADES,
  behaviour_and_attitudes: OFSTED_GRADES,
  personal_development: OFSTED_GRADES,
  leadership_and_management: OFSTED_GRADES,
};

export type FrameworkKey = "ofsted_overall_effectiveness" | "ofsted_2024_25" | "ofsted_report_card_2025" | "estyn_2017" | "estyn_2022";

type Framework = {
  inspectorate: Inspectorate;
  /** The first day inspections were carried out under it. */
  from: string;
  /** Judgement areas, in the order the framework reports them, and the grades each may take. */
  areas: Record<string, readonly string[]>;
  /** The area that is an overall grade, when the framework gives one. */
  overall?: string;
  /** The grades of the overall area that count as good or better. */
  goodOrBetter?: readonly string[];
};

export const FRAMEWORKS: Record<FrameworkKey, Framework> = {
  ofsted_overall_effectiveness: {
    inspectorate: "ofsted",
    from: "2005-09-01",
    areas: {
      overall_effectiveness: OFSTED_GRADES,
      ...OFSTED_KEY_JUDGEMENTS,
      early_years: OFSTED_GRADES,
      sixth_form: OFSTED_GRADES,
    },
    overall: "overall_effectiveness",
    goodOrBetter: ["Outstanding", "Good"],
  },
  ofsted_2024_25: {
    inspectorate: "ofsted",
    from: "2024-09-01",
    areas: {
      ...OFSTED_KEY_JUDGEMENTS,
      early_years: OFSTED_GRADES,
      sixth_form: OFSTED_GRADES,
      safeguarding: ["Effective", "Not effective"],
    },
  },
  ofsted_report_card_2025: {
    inspectorate: "ofsted",
    from: "2025-11-10",
    areas: {
      inclusion: REPORT_CARD_GRADES,
      curriculum_and_teaching: REPORT_CARD_GRADES,
      achievement: REPORT_CARD_GRADES,
      attendance_and_behaviour: REPORT_CARD_GRADES,
      personal_development_and_wellbeing: REPORT_CARD_GRADES,
      early_years: REPORT_CARD_GRADES,
      sixth_form: REPORT_CARD_GRADES,
      leadership_and_governance: REPORT_CARD_GRADES,
      safeguarding: ["Met", "Not met"],
    },
  },
  estyn_2017: {
    inspectorate: "estyn",
    from: "2017-09-01",
    areas: {
      standards: ESTYN_2017_GRADES,
      wellbeing_and_attitudes_to_learning: ESTYN_2017_GRADES,
      teaching_and_learning_experiences: ESTYN_2017_GRADES,
      care_support_and_guidance: ESTYN_2017_GRADES,
      leadership_and_management: ESTYN_2017_GRADES,
    },
  },
  estyn_2022: {
    inspectorate: "estyn",
    from: "2022-09-01",
    areas: { follow_up: ["No follow-up", "Estyn review", "Significant improvement", "Special measures"] },
  },
};

export const FRAMEWORK_KEYS = Object.keys(FRAMEWORKS) as FrameworkKey[];
export const isFrameworkKey = (value: string): value is FrameworkKey => value in FRAMEWORKS;

/** The framework an inspection on this day (YYYY-MM-DD) was carried out under. */
export function frameworkFor(inspectorate: Inspectorate, inspectedOn: string): FrameworkKey {
  const candidates = FRAMEWORK_KEYS.filter((key) => FRAMEWORKS[key].inspectorate === inspectorate && FRAMEWORKS[key].from <= inspectedOn);
  // Before the oldest framework we know, the oldest one is the nearest description.
  const ordered = (candidates.length ? candidates : FRAMEWORK_KEYS.filter((key) => FRAMEWORKS[key].inspectorate === inspectorate)).sort((a, b) =>
    FRAMEWORKS[a].from.localeCompare(FRAMEWORKS[b].from),
  );
  return candidates.length ? ordered[ordered.length - 1] : ordered[0];
}

/** Does this framework give an overall grade at all? */
export const givesOverallGrade = (framework: string) => isFrameworkKey(framework) && FRAMEWORKS[framework].overall !== undefined;

/**
 * Was the school judged good or better? true or false only where the framework gives an overall
 * grade and the inspection recorded it; null otherwise (report cards, Estyn, the 2024-25 interim).
 */
export function goodOrBetter(inspection: { framework: string; judgements: Record<string, string> }): boolean | null {
  if (!isFrameworkKey(inspection.framework)) return null;
  const { overall, goodOrBetter: good } = FRAMEWORKS[inspection.framework];
  if (!overall || !good) return null;
  const grade = inspection.judgements[overall];
  if (!grade || !(FRAMEWORKS[inspection.framework].areas[overall] ?? []).includes(grade)) return null;
  return good.includes(grade);
}

/**
 * The judgements GIAS carries for an Ofsted inspection: the last inspection's date and, under the
 * framework with overall grades, its overall effectiveness. Anything else in "OfstedRating" (empty,
 * "Not applicable", "Serious Weaknesses"...) is not an overall grade and is left out.
 */
export function judgementsFromGias(framework: FrameworkKey, rating: string | null): Record<string, string> {
  if (framework !== "ofsted_overall_effectiveness" || !rating) return {};
  const grade = OFSTED_GRADES.find((g) => g.toLowerCase() === rating.trim().toLowerCase());
  return grade ? { overall_effectiveness: grade } : {};
}

/** The judgements of an inspection in the framework's order (unknown areas last), for display. */
export function orderedJudgements(framework: string, judgements: Record<string, string>): [string, string][] {
  const order = isFrameworkKey(framework) ? Object.keys(FRAMEWORKS[framework].areas) : [];
  return Object.entries(judgements).sort(([a], [b]) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib);
  });
}
