// Y briff cyllideb misol: y cyllid a ddaeth i mewn i'r gronfa, yn ôl o ble y daeth.
import type { briefing as english } from "../en/briefing";
import type { Message } from "../index";
export const briefing: Record<keyof typeof english, Message> = {
  "briefing.fundingIn.authority": "Cyllid i mewn gan yr awdurdod",
  "briefing.fundingIn.match": "Arian cyfatebol i mewn gan ysgolion",
};
