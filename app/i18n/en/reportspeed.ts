// The termly report's evaluations and impact section.
export const reportspeed = {
  "termly.evaluations.lead":
    "Evaluations schools submitted in the term of the support they received, scored from 1 (poor) to 4 (excellent), and the impact follow-ups recorded in the term.",
  "termly.evaluations.none": "No evaluations were submitted in this term.",
  "termly.impact.none": "No impact follow-ups were recorded in this term.",
  "termly.evaluations.notKept": "This report was kept before evaluations and impact were part of it, so the kept figures do not include them.",
  "termly.table.evaluations": "Evaluations submitted in the term by subject area, with average scores",
  "termly.table.impact": "Impact follow-ups recorded in the term",
  "termly.col.evaluations": "Evaluations",
  "termly.col.quality": "Average quality",
  "termly.col.impact": "Average impact",
  "termly.col.valueForMoney": "Average value for money",
  "termly.col.recommend": "Would recommend",
  "termly.col.school": "School",
  "termly.col.service": "Support bought",
  "termly.col.outcome": "Intended outcome",
  "termly.col.measure": "Measure",
  "termly.col.baseline": "Before",
  "termly.col.followUp": "After",
  "termly.col.recorded": "Recorded on",
};
