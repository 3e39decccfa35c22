import type { language as english } from "../en/language";
import type { Message } from "../index";

export const language: Record<keyof typeof english, Message> = {
  "language.switch.label": "Iaith",
  "language.english": "English",
  "language.welsh": "Cymraeg",
  "language.offer.notInWelsh": "Nid yw'r cynnig hwn ar gael yn Gymraeg.",
  "language.offer.welshHeading": "Yn Gymraeg",
  "language.offer.welshHint":
    "Rhowch y cynnig yn Gymraeg hefyd, fel y gall pobl sy'n darllen y gwasanaeth yn Gymraeg ei ddarllen yn eu hiaith. Gadewch y rhain yn wag os nad oes gennych fersiwn Gymraeg.",
  "offerField.titleCy": "Teitl yn Gymraeg",
  "offerField.summaryCy": "Crynodeb yn Gymraeg",
  "offerField.descriptionCy": "Disgrifiad yn Gymraeg",
  "need.titleCy": "Teitl yn Gymraeg (dewisol)",
  "need.descriptionCy": "Disgrifiad yn Gymraeg (dewisol)",
  "need.welshHint": "Fel y gall darparwyr ac ysgolion sy'n darllen y gwasanaeth yn Gymraeg ei ddarllen yn eu hiaith.",
  "language.need.notInWelsh": "Nid yw'r alwad hon am gynigion ar gael yn Gymraeg.",
  "language.errorPrefix": "Gwall",
  "language.email.why": "Rydych yn cael hwn oherwydd eich rôl mewn partneriaeth gwella ysgolion.",
  "language.email.footer": "Gallwch ddarllen y gwasanaeth hwn yn Gymraeg neu yn Saesneg: dewiswch o dan Iaith ar frig unrhyw dudalen.",
  // Welsh counts with a singular noun ("3 rhan"); two mutates it ("2 ran").
  "language.offer.partlyInWelsh": {
    zero: "Nid yw {count} rhan o'r cynnig hwn ar gael yn Gymraeg.",
    one: "Nid yw {count} rhan o'r cynnig hwn ar gael yn Gymraeg.",
    two: "Nid yw {count} ran o'r cynnig hwn ar gael yn Gymraeg.",
    few: "Nid yw {count} rhan o'r cynnig hwn ar gael yn Gymraeg.",
    many: "Nid yw {count} rhan o'r cynnig hwn ar gael yn Gymraeg.",
    other: "Nid yw {count} rhan o'r cynnig hwn ar gael yn Gymraeg.",
  },
};
