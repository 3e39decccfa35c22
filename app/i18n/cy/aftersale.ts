// Rhagolwg y demo o negeseuon e-bost: pob templed wedi'i ysgrifennu gyda'i enghraifft, yn Saesneg neu yn Gymraeg.
import type { aftersale as english } from "../en/aftersale";
import type { Message } from "../index";

export const aftersale: Record<keyof typeof english, Message> = {
  "emailPreviews.title": "Rhagolwg o negeseuon e-bost",
  "emailPreviews.lead":
    "Pob neges e-bost y mae'r gwasanaeth yn ei hanfon, wedi'i hysgrifennu gyda manylion enghreifftiol, yn Saesneg ac yn Gymraeg. Ar gael yn y demo ac wrth ddatblygu yn unig.",
  "emailPreviews.link": "Gweld pob neges e-bost y gall y gwasanaeth ei hanfon",
  "emailPreviews.template": "Templed",
  "emailPreviews.subject": "Pwnc",
  "emailPreviews.languages": "Rhagolwg",
  "emailPreviews.inLanguage": "{template} yn {language}",
  "emailPreviews.back": "Yn ôl i'r rhagolwg o negeseuon e-bost",
  "emailPreviews.otherLanguage": "Ei gweld yn {language}",
  "emailPreviews.html": "Fel y mae'n edrych",
  "emailPreviews.htmlFrame": "Y neges e-bost fel HTML",
  "emailPreviews.text": "Fel testun plaen",
  "emailPreviews.toMailbox": "Mynd i'r blwch post lleol",
};
