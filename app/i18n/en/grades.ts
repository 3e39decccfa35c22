// The grades inspectorates give, as their own published words (Ofsted's and Estyn's).
export const grades = {
  "inspection.grade.outstanding": "Outstanding",
  "inspection.grade.good": "Good",
  "inspection.grade.requires_improvement": "Requires improvement",
  "inspection.grade.inadequate": "Inadequate",
  "inspection.grade.exceptional": "Exceptional",
  "inspection.grade.strong_standard": "Strong standard",
  "inspection.grade.expected_standard": "Expected standard",
  "inspection.grade.needs_attention": "Needs attention",
  "inspection.grade.urgent_improvement": "Urgent improvement",
  "inspection.grade.excellent": "Excellent",
  "inspection.grade.adequate_and_needs_improvement": "Adequate and needs improvement",
  "inspection.grade.unsatisfactory_and_needs_urgent_improvement": "Unsatisfactory and needs urgent improvement",
  "inspection.grade.effective": "Effective",
  "inspection.grade.not_effective": "Not effective",
};
