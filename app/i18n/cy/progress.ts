import type { progress as english } from "../en/progress";
import type { Message } from "../index";
export const progress: Record<keyof typeof english, Message> = {
  "gias.progress.title": "Rhoi’r ffeil hon ar waith",
  "gias.progress.applied": "Wedi rhoi {done} o {total} ysgol ar waith",
  "gias.progress.startedBy":
    "Dechreuwyd gan {person} ar {date}. Caiff pob swp ei gadw wrth iddo gael ei roi ar waith, felly gallwch barhau yn nes ymlaen neu gall gweinyddwr arall ei orffen.",
  "gias.progress.continue": "Parhau i roi ar waith",
  "gias.progress.auto": "Os na fydd y dudalen hon yn parhau ohoni ei hun, dewiswch Parhau i roi ar waith.",
  "gias.progress.soFar": "Hyd yma: {added} ysgol wedi’u hychwanegu, {changed} wedi’u newid, {closed} wedi cau, {inspections} arolygiad wedi’u cofnodi.",
};
