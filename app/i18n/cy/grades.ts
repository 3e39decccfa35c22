// Y graddau y mae arolygiaethau'n eu rhoi, yn Gymraeg (geiriau Estyn ei hun lle maent yn bod).
import type { Message } from "../index";
import type { grades as english } from "../en/grades";

export const grades: Record<keyof typeof english, Message> = {
  "inspection.grade.outstanding": "Rhagorol",
  "inspection.grade.good": "Da",
  "inspection.grade.requires_improvement": "Angen gwella",
  "inspection.grade.inadequate": "Annigonol",
  "inspection.grade.exceptional": "Eithriadol",
  "inspection.grade.strong_standard": "Safon gref",
  "inspection.grade.expected_standard": "Safon ddisgwyliedig",
  "inspection.grade.needs_attention": "Angen sylw",
  "inspection.grade.urgent_improvement": "Angen gwella ar frys",
  "inspection.grade.excellent": "Rhagorol",
  "inspection.grade.adequate_and_needs_improvement": "Digonol ac angen gwelliant",
  "inspection.grade.unsatisfactory_and_needs_urgent_improvement": "Anfoddhaol ac angen gwelliant brys",
  "inspection.grade.effective": "Effeithiol",
  "inspection.grade.not_effective": "Ddim yn effeithiol",
  // Enwau meysydd o fewn negeseuon.
  "fieldLabel.sessionDate": "Dyddiad y sesiwn",
  "fieldLabel.length": "Yr hyd",
  "fieldLabel.venue": "Y lleoliad",
  "fieldLabel.places": "Nifer y lleoedd",
  "fieldLabel.delegateName": "Enw’r cynrychiolydd",
  "fieldLabel.milestone": "Y garreg filltir",
  "fieldLabel.reason": "Y rheswm",
  "fieldLabel.priorities": "Y blaenoriaethau gwella",
  "fieldLabel.question": "Y cwestiwn",
  "fieldLabel.outcome": "Y canlyniad a fwriadwyd",
  "fieldLabel.measure": "Y mesur",
  "fieldLabel.baseline": "Y llinell sylfaen",
  "fieldLabel.followUp": "Y gwerth dymor yn ddiweddarach",
  "fieldLabel.threshold": "Y trothwy",
  "fieldLabel.minEvaluations": "Nifer y gwerthusiadau",
  "fieldLabel.comments": "Sylwadau",
  "qa.error.conflictNote": "Disgrifiwch y gwrthdaro buddiannau",
  "qa.error.overallComment": "Rhowch sylw cyffredinol",
};
