// The Wales readiness review's words (Nov 2012), free of the database so that pages can use them too.

/** The twelve judgements, in the review's three groups and in its order. */
export const READINESS_GROUPS = {
  leadership: ["clarity_of_vision", "integrity_of_design", "strength_of_leadership", "rigour_of_governance"],
  capacity: ["level_of_resourcing", "clarity_of_roles", "credibility_of_staff", "capacity_of_partners"],
  systems: ["quality_of_planning", "coherent_core_processes", "monitoring_and_evaluation", "use_of_data"],
} as const;
export type ReadinessGroup = keyof typeof READINESS_GROUPS;
export const READINESS_GROUP_KEYS = Object.keys(READINESS_GROUPS) as ReadinessGroup[];

export const READINESS_JUDGEMENTS = [...READINESS_GROUPS.leadership, ...READINESS_GROUPS.capacity, ...READINESS_GROUPS.systems] as const;
export type ReadinessJudgement = (typeof READINESS_JUDGEMENTS)[number];

/** From weakest to strongest: the order movement between snapshots is read in. */
export const READINESS_RATINGS = ["red", "amber_red", "amber_green", "green"] as const;
export type ReadinessRating = (typeof READINESS_RATINGS)[number];
