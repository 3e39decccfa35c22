import type { home as english } from "../en/home";
import type { Message } from "../index";
export const home: Record<keyof typeof english, Message> = {
  "home.task.needAnswers": {
    zero: "Mae {count} ateb i’ch galwad am gynigion “{title}” yn aros",
    one: "Mae 1 ateb i’ch galwad am gynigion “{title}” yn aros",
    two: "Mae {count} ateb i’ch galwad am gynigion “{title}” yn aros",
    few: "Mae {count} ateb i’ch galwad am gynigion “{title}” yn aros",
    many: "Mae {count} ateb i’ch galwad am gynigion “{title}” yn aros",
    other: "Mae {count} ateb i’ch galwad am gynigion “{title}” yn aros",
  },
  "home.task.callForOffers": "Galwad agored am gynigion: {title} (yn cau {closesOn})",
};
