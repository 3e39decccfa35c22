import type { reportspeed as english } from "../en/reportspeed";
import type { Message } from "../index";

export const reportspeed: Record<keyof typeof english, Message> = {
  "termly.evaluations.lead":
    "Gwerthusiadau a gyflwynodd ysgolion yn ystod y tymor o’r cymorth a gawsant, wedi’u sgorio o 1 (gwael) i 4 (rhagorol), a’r gwaith dilynol ar effaith a gofnodwyd yn ystod y tymor.",
  "termly.evaluations.none": "Ni chyflwynwyd unrhyw werthusiadau yn ystod y tymor hwn.",
  "termly.impact.none": "Ni chofnodwyd unrhyw waith dilynol ar effaith yn ystod y tymor hwn.",
  "termly.evaluations.notKept": "Cadwyd yr adroddiad hwn cyn i werthusiadau ac effaith fod yn rhan ohono, felly nid yw’r ffigurau a gadwyd yn eu cynnwys.",
  "termly.table.evaluations": "Gwerthusiadau a gyflwynwyd yn ystod y tymor fesul maes pwnc, gyda sgoriau cyfartalog",
  "termly.table.impact": "Gwaith dilynol ar effaith a gofnodwyd yn ystod y tymor",
  "termly.col.evaluations": "Gwerthusiadau",
  "termly.col.quality": "Ansawdd cyfartalog",
  "termly.col.impact": "Effaith gyfartalog",
  "termly.col.valueForMoney": "Gwerth am arian cyfartalog",
  "termly.col.recommend": "Byddai’n ei argymell",
  "termly.col.school": "Ysgol",
  "termly.col.service": "Y cymorth a brynwyd",
  "termly.col.outcome": "Y canlyniad a fwriadwyd",
  "termly.col.measure": "Mesur",
  "termly.col.baseline": "Cyn",
  "termly.col.followUp": "Ar ôl",
  "termly.col.recorded": "Dyddiad cofnodi",
};
