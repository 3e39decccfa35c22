// Yr hyn y mae'r awdurdod yn ei ysgrifennu yn Saesneg ac yn Gymraeg: y memorandwm cyd-ddealltwriaeth a thystiolaeth yr adolygiad parodrwydd.
import type { welshcontent as english } from "../en/welshcontent";
import type { Message } from "../index";

export const welshcontent: Record<keyof typeof english, Message> = {
  "mou.welshHeading": "Yn Gymraeg",
  "mou.welshHint":
    "Rhowch y memorandwm yn Gymraeg hefyd, fel bod penaethiaid sy'n darllen y gwasanaeth yn Gymraeg yn gallu ei ddarllen a'i lofnodi yn eu hiaith. Gadewch y rhain yn wag os nad oes gennych fersiwn Gymraeg.",
  "mou.titleCy": "Teitl yn Gymraeg (dewisol)",
  "mou.bodyCy": "Testun y memorandwm yn Gymraeg (dewisol)",
  "language.mou.notInWelsh": "Nid yw'r memorandwm hwn ar gael yn Gymraeg.",
  "language.mou.partlyInWelsh": "Nid yw rhan o'r memorandwm hwn ar gael yn Gymraeg.",
  "readiness.welshSummary": "Rhoi'r dystiolaeth a'r rhesymeg yn Gymraeg (dewisol)",
  "readiness.evidenceCyOf": "{judgement}: tystiolaeth yn Gymraeg (dewisol)",
  "readiness.rationaleCyOf": "{judgement}: rhesymeg yn Gymraeg (dewisol)",
  "language.readiness.notInWelsh": "Nid yw'r dystiolaeth a'r rhesymeg ar gyfer y farn hon ar gael yn Gymraeg.",
  "language.readiness.partlyInWelsh": "Nid yw rhan o'r testun ar gyfer y farn hon ar gael yn Gymraeg.",
  "mou.field.titleCy": "Y teitl yn Gymraeg",
  "mou.field.bodyCy": "Testun y memorandwm yn Gymraeg",
  "readiness.field.evidenceCy": "Y dystiolaeth ar gyfer {judgement} yn Gymraeg",
  "readiness.field.rationaleCy": "Y rhesymeg ar gyfer {judgement} yn Gymraeg",
};
