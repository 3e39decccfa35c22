// Taliadau i ddarparwyr drwy Stripe: pa werthiannau a delir drwy drosglwyddiad, a phryd.
import type { payouts as english } from "../en/payouts";
import type { Message } from "../index";
export const payouts: Record<keyof typeof english, Message> = {
  "payouts.intro.whenConfirmed":
    "Mae’r awdurdod yn talu eich cyfran o werthiant i’ch cyfrif banc drwy Stripe pan fydd yr ysgol wedi talu amdano drwy Stripe ac wedi cadarnhau’r ddarpariaeth.",
  "payouts.intro.otherSales":
    "Telir gwerthiannau y talodd ysgol amdanynt drwy drosglwyddiad banc, drwy ailgodi tâl mewnol neu o gronfa ei chonsortiwm i chi yn rhediad taliadau arferol yr awdurdod.",
  "payouts.ownService":
    "Dyma wasanaeth masnachu’r awdurdod ei hun: mae ei dderbyniadau’n aros yng nghyfrifon yr awdurdod, felly does dim i’w dalu allan drwy Stripe.",
  "payouts.transfers.school": "Ysgol",
};
