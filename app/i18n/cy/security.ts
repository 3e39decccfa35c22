import type { security as english } from "../en/security";
import type { Message } from "../index";
export const security: Record<keyof typeof english, Message> = {
  "members.invite.notYourself": "Ni allwch roi rôl i chi’ch hun. Gofynnwch i weinyddwr arall wneud hynny",
  "payment.recordedBy": "Cofnodwyd gan",
  "password.weak.common":
    "Mae’r cyfrinair hwn ar restr o’r cyfrineiriau mwyaf cyffredin, felly byddai’n cael ei ddyfalu’n gyflym. Dewiswch rywbeth arall, er enghraifft tri neu bedwar gair digyswllt",
  "password.weak.repeated":
    "Mae cyfrineiriau sydd wedi’u gwneud o nodau neu eiriau sy’n cael eu hailadrodd, fel aaaa neu abcabc, yn hawdd eu dyfalu. Dewiswch rywbeth arall, er enghraifft tri neu bedwar gair digyswllt",
  "password.weak.sequence": "Mae dilyniannau fel abcd neu 1234 yn hawdd eu dyfalu. Dewiswch rywbeth arall, er enghraifft tri neu bedwar gair digyswllt",
  "password.weak.keyboard":
    "Mae rhesi o fysellau ar y bysellfwrdd, fel qwerty, yn hawdd eu dyfalu. Dewiswch rywbeth arall, er enghraifft tri neu bedwar gair digyswllt",
  "password.weak.personal":
    "Rhaid i’ch cyfrinair beidio â chynnwys eich enw na’ch cyfeiriad e-bost. Dewiswch rywbeth arall, er enghraifft tri neu bedwar gair digyswllt",
  "password.weak.guessable": "Mae’r cyfrinair hwn yn rhy hawdd ei ddyfalu. Dewiswch rywbeth hirach, er enghraifft tri neu bedwar gair digyswllt",
  "demo.banner.label": "Arddangosiad",
  "demo.banner.tag": "Demo",
  "demo.banner.text":
    "Arddangosiad yw hwn. Mae’r awdurdodau, yr ysgolion, y bobl a’r arian yn ffug, mae pob cyfrif demo yn rhannu cyfrinair sydd wedi’i gyhoeddi, ac mae e-byst yn mynd i flwch post lleol yn lle cael eu hanfon. Peidiwch â rhoi gwybodaeth go iawn.",
  "members.invite.nameInvalid": "Rhaid i’r enw gynnwys llythrennau, bylchau, cysylltnodau a chollnodau yn unig",
  "members.invite.tooMany": "Rydych wedi anfon gormod o wahoddiadau. Rhowch gynnig arall arni ymhen {minutes} munud",
  "members.invite.tooManyOne": "Rydych wedi anfon gormod o wahoddiadau. Rhowch gynnig arall arni ymhen 1 munud",
  "invitation.join.title": "Ymuno â {organisation}",
  "invitation.join.lead": "Mae {inviter} wedi eich gwahodd i ymuno â {organisation} fel {role}.",
  "invitation.join.what": "Os byddwch yn derbyn, gallwch weithredu ar ran {organisation} yn y gwasanaeth hwn yn ogystal ag ar ran eich sefydliadau eraill.",
  "invitation.join.button": "Derbyn y gwahoddiad",
  "invitation.join.wrongAccount.title": "Mae’r gwahoddiad hwn ar gyfer cyfrif arall",
  "invitation.join.wrongAccount.body":
    "Rydych wedi mewngofnodi gyda chyfeiriad e-bost sy’n wahanol i’r un yr anfonwyd y gwahoddiad hwn ato. Allgofnodwch, yna agorwch y ddolen eto a mewngofnodi gyda’r cyfeiriad a gafodd y gwahoddiad.",
  "invitation.join.joined": "Rydych wedi ymuno â {organisation} fel {role}",
  "invitation.join.joinedHeading": "Gwahoddiad wedi’i dderbyn",
};
