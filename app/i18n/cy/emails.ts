// Yr e-byst y mae’r gwasanaeth yn eu hanfon (emails/*.tsx): pynciau, penawdau, brawddegau a botymau, yn iaith y derbynnydd.
import type { emails as english } from "../en/emails";
import type { Message } from "../index";
export const emails: Record<keyof typeof english, Message> = {
  "email.dear": "Annwyl {name},",
  "email.copyLink": "Neu copïwch y ddolen hon i’ch porwr: {url}",
  "email.notExpected.contact": "Os nad oeddech yn disgwyl hyn, rhowch wybod i {person} neu i’ch awdurdod lleol.",
  "email.amountLine": "{label}: ",
  "email.quoted": "“{text}”",
  "email.byCommissioner": "comisiynydd",

  "email.addedToOrganisation.subject": "Rydych wedi cael eich ychwanegu at {organisation}",
  "email.addedToOrganisation.body":
    "Mae {inviter} wedi eich ychwanegu fel {role} ar gyfer {organisation}. Mewngofnodwch â’ch cyfrinair presennol, yna dewiswch {organisation} o dan “Newid sefydliad”.",
  "email.addedToOrganisation.button": "Mewngofnodi",

  "email.callForOffers.subject": "Galwad newydd am gynigion: {need}",
  "email.callForOffers.body":
    "Mae’r awdurdod wedi cyhoeddi galwad am gynigion ym maes {subjectArea}, maes y mae {provider} yn cynnig cymorth ynddo. Mae’r cyfnod ymateb yn cau ar {closesOn}.",
  "email.callForOffers.button": "Gweld yr alwad am gynigion",

  "email.collectiveInvitation.subject": "Mae {consortium} yn prynu {offer} ar y cyd",
  "email.collectiveInvitation.heading": "Ymunwch â’r pryniant ar y cyd: {offer}",
  "email.collectiveInvitation.body": "Mae {openedBy} wedi agor pryniant ar y cyd o {offer} ar gyfer ysgolion {consortium}.",
  "email.collectiveInvitation.prices": "Mae’r pris i bob ysgol yn dibynnu ar faint sy’n ymuno:",
  "email.collectiveInvitation.tier": "{schools}: {price}",
  "email.collectiveInvitation.closes": "Ymunwch neu wrthodwch erbyn {closesOn}.",
  "email.collectivePurchase.button": "Gweld y pryniant ar y cyd",

  "email.collectiveOutcome.subject.confirmed": "Wedi’i gadarnhau: mae {consortium} yn prynu {offer}",
  "email.collectiveOutcome.subject.cancelled": "Wedi’i ganslo: y pryniant ar y cyd o {offer}",
  "email.collectiveOutcome.body.confirmed": "Mae pryniant ar y cyd {consortium} o {offer} wedi’i gadarnhau ar gyfer {school}.",
  "email.collectiveOutcome.body.cancelled": "Mae pryniant ar y cyd {consortium} o {offer} wedi’i ganslo. Ni chodir tâl ar {school} amdano.",
  "email.collectiveOutcome.price": {
    zero: "{count} ysgol am {price} yr un.",
    one: "{count} ysgol am {price}.",
    two: "{count} ysgol am {price} yr un.",
    few: "{count} ysgol am {price} yr un.",
    many: "{count} ysgol am {price} yr un.",
    other: "{count} ysgol am {price} yr un.",
  },
  "email.collectiveOutcome.pays": "Mae eich ysgol yn talu {payable}.",
  "email.collectiveOutcome.paysWithPot": "Mae eich ysgol yn talu {payable}; talodd cronfa’r consortiwm {pot}.",
  "email.collectiveOutcome.reason.pot_undecided": "Ni wnaeth arweinydd y consortiwm gymeradwyo cyfraniad y gronfa cyn y dyddiad cau.",
  "email.collectiveOutcome.reason.off_sale": "Nid yw’r cynnig ar werth mwyach.",
  "email.collectiveOutcome.reason.too_few": {
    zero: "Ni ymunodd yr un o’r {min} ysgol yr oedd eu hangen ({count}).",
    one: "Dim ond {count} o’r {min} ysgol yr oedd eu hangen a ymunodd.",
    two: "Dim ond {count} o’r {min} ysgol yr oedd eu hangen a ymunodd.",
    few: "Dim ond {count} o’r {min} ysgol yr oedd eu hangen a ymunodd.",
    many: "Dim ond {count} o’r {min} ysgol yr oedd eu hangen a ymunodd.",
    other: "Dim ond {count} o’r {min} ysgol yr oedd eu hangen a ymunodd.",
  },
  "email.collectiveOutcome.reason.no_tier": {
    zero: "Nid oes gan y cynnig bris ar gyfer {count} ysgol.",
    one: "Nid oes gan y cynnig bris ar gyfer {count} ysgol.",
    two: "Nid oes gan y cynnig bris ar gyfer {count} ysgol.",
    few: "Nid oes gan y cynnig bris ar gyfer {count} ysgol.",
    many: "Nid oes gan y cynnig bris ar gyfer {count} ysgol.",
    other: "Nid oes gan y cynnig bris ar gyfer {count} ysgol.",
  },
  "email.collectiveOutcome.reason.given": "Y rheswm a roddwyd: {reason}",
  "email.collectiveOutcome.nothingCharged": "Ni chodwyd unrhyw dâl.",
  "email.collectiveOutcome.refunded": "Mae unrhyw anfoneb wedi’i chredydu ac mae cronfa’r consortiwm wedi cael ei had-dalu.",

  "email.commissioningDecision.subject.commissioned": "Mae eich cynnig wedi’i gomisiynu: {need}",
  "email.commissioningDecision.subject.not_chosen": "Penderfyniad ar yr alwad am gynigion: {need}",
  "email.commissioningDecision.body.commissioned":
    "Mae’r awdurdod wedi comisiynu {offer} gan {provider} i ddiwallu “{need}”. Mae’r cynnig wedi’i nodi yn y catalog fel un a gomisiynwyd.",
  "email.commissioningDecision.body.not_chosen":
    "Mae’r awdurdod wedi penderfynu ar yr alwad am gynigion “{need}” ac wedi dewis cynnig arall. Diolch am ymateb gyda {offer}; mae’n aros yn y catalog.",
  "email.seeYourOffer": "Gweld eich cynnig",

  "email.pleaseEvaluate.subject": "Darparwyd {offer}: gwerthuswch y cymorth",
  "email.pleaseEvaluate.subject.reminder": "Nodyn atgoffa: gwerthuswch {offer}",
  "email.pleaseEvaluate.delivered": "Mae {provider} wedi nodi bod {offer} wedi’i ddarparu i {school}.",
  "email.pleaseEvaluate.notYet": "Nid yw {school} wedi gwerthuso {offer} gan {provider} eto.",
  "email.pleaseEvaluate.body":
    "Cadarnhewch y ddarpariaeth (neu dywedwch beth na chafodd ei ddarparu), yna gwerthuswch hi yn erbyn blaenoriaethau gwella eich ysgol: ansawdd, effaith a gwerth am arian. Bydd eich ymgynghorydd her yn ei darllen, a bydd ysgolion eraill yn gweld sgôr y cynnig.",
  "email.pleaseEvaluate.button": "Gwerthuso’r cymorth",

  "email.evaluationSignedOff.subject.signed_off": "Gwerthusiad wedi’i gymeradwyo: {offer}",
  "email.evaluationSignedOff.subject.question": "Cwestiwn am eich gwerthusiad o {offer}",
  "email.evaluationSignedOff.body.signed_off": "Mae {adviser}, ymgynghorydd her {school}, wedi darllen a chymeradwyo gwerthusiad yr ysgol o {offer}.",
  "email.evaluationSignedOff.body.question": "Mae gan {adviser}, ymgynghorydd her {school}, gwestiwn am werthusiad yr ysgol o {offer}: “{question}”",
  "email.evaluationSignedOff.button": "Gweld y gwerthusiad",

  "email.invitation.subject": "Rydych wedi cael gwahoddiad i {organisation}",
  "email.invitation.heading": "Eich gwahoddiad i {organisation}",
  "email.invitation.body": "Mae {inviter} wedi eich gwahodd i Farchnad Gwella Ysgolion fel {role} ar gyfer {organisation}.",
  "email.invitation.button": "Gosod eich cyfrinair",
  "email.invitation.expires": {
    zero: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} diwrnod.",
    one: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} diwrnod.",
    two: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} ddiwrnod.",
    few: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} diwrnod.",
    many: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} diwrnod.",
    other: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} diwrnod.",
  },

  "email.joinOrganisation.subject": "Rydych wedi cael gwahoddiad i fod yn rhan o {organisation}",
  "email.joinOrganisation.body":
    "Mae {inviter} wedi eich gwahodd i fod yn rhan o {organisation} fel {role}. Does dim yn newid nes i chi dderbyn: mewngofnodwch â’ch cyfrinair presennol a dewiswch “Derbyn”.",
  "email.joinOrganisation.button": "Gweld y gwahoddiad",
  "email.joinOrganisation.expires": {
    zero: "Mae’r gwahoddiad yn ddilys am {count} diwrnod. Os nad oeddech yn ei ddisgwyl, anwybyddwch yr e-bost hwn.",
    one: "Mae’r gwahoddiad yn ddilys am {count} diwrnod. Os nad oeddech yn ei ddisgwyl, anwybyddwch yr e-bost hwn.",
    two: "Mae’r gwahoddiad yn ddilys am {count} ddiwrnod. Os nad oeddech yn ei ddisgwyl, anwybyddwch yr e-bost hwn.",
    few: "Mae’r gwahoddiad yn ddilys am {count} diwrnod. Os nad oeddech yn ei ddisgwyl, anwybyddwch yr e-bost hwn.",
    many: "Mae’r gwahoddiad yn ddilys am {count} diwrnod. Os nad oeddech yn ei ddisgwyl, anwybyddwch yr e-bost hwn.",
    other: "Mae’r gwahoddiad yn ddilys am {count} diwrnod. Os nad oeddech yn ei ddisgwyl, anwybyddwch yr e-bost hwn.",
  },

  "email.membershipChanged.subject.removed": "Nid oes gennych y rôl {role} ar gyfer {organisation} mwyach",
  "email.membershipChanged.subject.changed": "Eich rôl newydd ar gyfer {organisation}: {role}",
  "email.membershipChanged.body.removed":
    "Mae {admin} wedi dileu eich rôl {role} ar gyfer {organisation}. Rydych wedi cael eich allgofnodi; os oes gennych rolau eraill, mewngofnodwch eto i’w defnyddio.",
  "email.membershipChanged.body.changed":
    "Mae {admin} wedi newid eich rôl ar gyfer {organisation} o rôl {oldRole} i rôl {newRole}. Mae’n dod i rym o’ch tudalen nesaf.",

  "email.mouReminder.subject": "Llofnodwch femorandwm cyd-ddealltwriaeth {year} ar gyfer {school}",
  "email.mouReminder.body.month_before":
    "Mae blwyddyn ariannol {year} yn dechrau ar 1 Ebrill. Nid yw {school} wedi llofnodi memorandwm cyd-ddealltwriaeth {consortium} ar ei chyfer eto.",
  "email.mouReminder.body.year_start":
    "Mae blwyddyn ariannol {year} wedi dechrau ac nid yw {school} wedi llofnodi memorandwm cyd-ddealltwriaeth {consortium} ar ei chyfer eto.",
  "email.mouReminder.matchFunding":
    "Dim ond ysgolion y mae eu pennaeth wedi llofnodi’r memorandwm sy’n cymryd rhan yn arian cyfatebol y consortiwm am y flwyddyn.",
  "email.mouReminder.button": "Darllen a llofnodi’r memorandwm",

  "email.offerDecision.heading.approved": "Mae ansawdd eich cynnig wedi’i sicrhau",
  "email.offerDecision.heading.changes_requested": "Mae’r panel sicrhau ansawdd wedi gofyn am newidiadau",
  "email.offerDecision.heading.rejected": "Ni chafodd eich cynnig ei gymeradwyo",
  "email.offerDecision.subject": "{heading}: {offer}",
  "email.offerDecision.body.approved": "Mae “{offer}” wedi pasio’r broses sicrhau ansawdd ac mae bellach ar werth i ysgolion.",
  "email.offerDecision.body.approvedUntil":
    "Mae “{offer}” wedi pasio’r broses sicrhau ansawdd ac mae ar werth i ysgolion tan {expiresOn}, pan fydd angen adolygiad newydd arno.",
  "email.offerDecision.body.changes_requested":
    "Mae’r panel wedi adolygu “{offer}” ac yn gofyn i chi wneud newidiadau cyn y gellir ei gymeradwyo. Golygwch y cynnig a’i gyflwyno eto.",
  "email.offerDecision.body.rejected": "Mae’r panel wedi adolygu “{offer}” ac wedi penderfynu peidio â’i gymeradwyo.",
  "email.offerDecision.conditions": "Amodau’r gymeradwyaeth: {conditions}",
  "email.offerDecision.comments": "Sylwadau’r panel: {comments}",

  "email.offerReReview.subject": "Mae {offer} yn mynd yn ôl at y panel sicrhau ansawdd ar ôl sgoriau gwael",
  "email.offerReReview.body": {
    zero: "Mae gwerthusiadau ysgolion o {offer} gan {provider} bellach yn {average} allan o 4 ar gyfartaledd dros {count} gwerthusiad, o dan drothwy’r awdurdod o {threshold}. Mae’r cynnig wedi mynd yn ôl at y panel sicrhau ansawdd i’w adolygu eto; mae’n aros ar werth tra bydd y panel yn edrych arno.",
    one: "Mae gwerthusiad ysgol o {offer} gan {provider} yn rhoi {average} allan o 4 dros {count} gwerthusiad, o dan drothwy’r awdurdod o {threshold}. Mae’r cynnig wedi mynd yn ôl at y panel sicrhau ansawdd i’w adolygu eto; mae’n aros ar werth tra bydd y panel yn edrych arno.",
    two: "Mae gwerthusiadau ysgolion o {offer} gan {provider} bellach yn {average} allan o 4 ar gyfartaledd dros {count} werthusiad, o dan drothwy’r awdurdod o {threshold}. Mae’r cynnig wedi mynd yn ôl at y panel sicrhau ansawdd i’w adolygu eto; mae’n aros ar werth tra bydd y panel yn edrych arno.",
    few: "Mae gwerthusiadau ysgolion o {offer} gan {provider} bellach yn {average} allan o 4 ar gyfartaledd dros {count} gwerthusiad, o dan drothwy’r awdurdod o {threshold}. Mae’r cynnig wedi mynd yn ôl at y panel sicrhau ansawdd i’w adolygu eto; mae’n aros ar werth tra bydd y panel yn edrych arno.",
    many: "Mae gwerthusiadau ysgolion o {offer} gan {provider} bellach yn {average} allan o 4 ar gyfartaledd dros {count} gwerthusiad, o dan drothwy’r awdurdod o {threshold}. Mae’r cynnig wedi mynd yn ôl at y panel sicrhau ansawdd i’w adolygu eto; mae’n aros ar werth tra bydd y panel yn edrych arno.",
    other:
      "Mae gwerthusiadau ysgolion o {offer} gan {provider} bellach yn {average} allan o 4 ar gyfartaledd dros {count} gwerthusiad, o dan drothwy’r awdurdod o {threshold}. Mae’r cynnig wedi mynd yn ôl at y panel sicrhau ansawdd i’w adolygu eto; mae’n aros ar werth tra bydd y panel yn edrych arno.",
  },
  "email.offerReReview.provider": "Bydd y panel yn darllen y gwerthusiadau a gall ofyn i chi am newidiadau.",
  "email.offerReReview.commissioner": "Fel ei gomisiynydd arweiniol, efallai yr hoffech siarad â’r darparwr, neu atal y cynnig.",
  "email.seeTheOffer": "Gweld y cynnig",

  "email.offerSubmitted.subject": "Cynnig newydd i’w adolygu gan y panel sicrhau ansawdd: {offer}",
  "email.offerSubmitted.heading": "Mae cynnig yn aros am adolygiad sicrhau ansawdd",
  "email.offerSubmitted.body":
    "Mae {provider} wedi cyflwyno “{offer}” (fersiwn {revision}) ar gyfer sicrhau ansawdd. Mae angen i ddau aelod o’r panel ei adolygu yn erbyn y meini prawf cyn y gall y bwrdd benderfynu.",
  "email.offerSubmitted.conflict": "Os oes gennych wrthdaro buddiannau â’r darparwr hwn, datganwch hynny pan fyddwch yn agor yr adolygiad.",
  "email.offerSubmitted.button": "Agor yr adolygiad",

  "email.offerSuspended.heading": "Mae eich cynnig wedi’i atal",
  "email.offerSuspended.subject": "Mae eich cynnig wedi’i atal: {offer}",
  "email.offerSuspended.body": "Mae uned gomisiynu’r awdurdod wedi atal “{offer}”. Ni all ysgolion ei brynu nes iddo gael ei adfer.",
  "email.offerSuspended.reason": "Y rheswm a roddwyd: {reason}",

  "email.orderPlaced.subject.school": "Rydych wedi prynu {offer}",
  "email.orderPlaced.subject.provider": "Archeb newydd: {offer} ar gyfer {school}",
  "email.orderPlaced.body.school": "Mae {school} wedi prynu {offer} gan {provider}. Mae’r ysgol yn talu {amount}. Sut mae’n talu: {route}.",
  "email.orderPlaced.body.provider":
    "Mae {school} wedi prynu {offer}. Gwerth yr archeb yw {amount}. Sut y telir: {route}. Cysylltwch â’r ysgol i drefnu’r ddarpariaeth.",
  "email.seeTheOrder": "Gweld yr archeb",

  "email.passwordChanged.subject": "Mae eich cyfrinair wedi’i newid",
  "email.passwordChanged.preview": "Mae eich cyfrinair ar gyfer Marchnad Gwella Ysgolion wedi’i newid",
  "email.passwordChanged.body": "Mae’r cyfrinair ar gyfer eich cyfrif newydd gael ei newid, ac mae pob sesiwn arall wedi’i hallgofnodi.",
  "email.passwordChanged.ifNotYou": "Os nad chi wnaeth hyn, ailosodwch eich cyfrinair nawr a rhowch wybod i weinyddwr eich awdurdod lleol.",
  "email.passwordChanged.button": "Ailosod eich cyfrinair",

  "email.passwordReset.subject": "Ailosod eich cyfrinair",
  "email.passwordReset.preview": "Ailosod eich cyfrinair ar gyfer Marchnad Gwella Ysgolion",
  "email.passwordReset.body": "Gofynnodd rhywun am ailosod y cyfrinair ar gyfer y cyfeiriad e-bost hwn. Os mai chi oedd hynny, defnyddiwch y ddolen isod.",
  "email.passwordReset.button": "Dewis cyfrinair newydd",
  "email.passwordReset.expires": {
    zero: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} munud. Os na wnaethoch ofyn, gallwch anwybyddu’r e-bost hwn.",
    one: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} munud. Os na wnaethoch ofyn, gallwch anwybyddu’r e-bost hwn.",
    two: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} funud. Os na wnaethoch ofyn, gallwch anwybyddu’r e-bost hwn.",
    few: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} munud. Os na wnaethoch ofyn, gallwch anwybyddu’r e-bost hwn.",
    many: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} munud. Os na wnaethoch ofyn, gallwch anwybyddu’r e-bost hwn.",
    other: "Mae’r ddolen yn gweithio unwaith ac yn dod i ben ymhen {count} munud. Os na wnaethoch ofyn, gallwch anwybyddu’r e-bost hwn.",
  },

  "email.placeOffered.subject": "Mae lle wedi dod yn rhydd: {offer}",
  "email.placeOffered.body":
    "Mae lle wedi dod yn rhydd yn y sesiwn o {offer} ar {when} ({where}). {delegate} o {school} oedd nesaf ar y rhestr aros, a’r cynrychiolydd hwnnw sy’n cael y lle nawr.",
  "email.placeOffered.giveUp": "Os na all {delegate} ddod mwyach, rhowch y lle yn ôl ar dudalen y ddarpariaeth fel y gall yr ysgol nesaf ei gael.",
  "email.placeOffered.button": "Gweld y sesiwn",

  "email.potBriefing.subject": "Briff cyllideb {consortium}: {month}",
  "email.potBriefing.intro": "Dyma sefyllfa cronfa {consortium} dros {month}.",
  "email.potBriefing.opening": "Balans agoriadol",
  "email.potBriefing.fundingIn": "Cyllid i mewn",
  "email.potBriefing.spent": "Wedi’i wario",
  "email.potBriefing.sharedBack": "Wedi’i rannu’n ôl o werthiannau",
  "email.potBriefing.closing": "Balans cloi",
  "email.potBriefing.committed": "Wedi’i ymrwymo i bryniannau sy’n aros am gymeradwyaeth",
  "email.potBriefing.button": "Gweld y briff yn ôl maes pwnc",

  "email.potDecision.subject.approved": "Taliad o’r gronfa wedi’i gymeradwyo: {offer}",
  "email.potDecision.subject.refused": "Taliad o’r gronfa wedi’i wrthod: {offer}",
  "email.potDecision.body.approved":
    "Mae arweinydd {consortium} wedi cymeradwyo talu {amount} o’r gronfa am {offer} ar gyfer {school}. Mae’r archeb wedi’i chadarnhau ac nid yw’r ysgol yn talu dim amdani.",
  "email.potDecision.body.refused":
    "Mae arweinydd {consortium} wedi gwrthod talu o’r gronfa am {offer} ar gyfer {school}. Mae’r archeb wedi’i chanslo ac ni chodwyd dim tâl. Gallwch ei brynu eto a thalu mewn ffordd arall.",

  "email.potRequest.subject": "Mae {school} yn gofyn am gael talu o gronfa {consortium}",
  "email.potRequest.heading": "Mae ysgol yn gofyn am gael talu o’r gronfa",
  "email.potRequest.body":
    "Mae {school} eisiau prynu {offer} am {amount} ac yn gofyn i gronfa {consortium} dalu. Ni chodir dim nes i chi gymeradwyo neu wrthod y cais.",
  "email.potRequest.button": "Ateb y cais",

  "email.roleGranted.subject": "Mae {person} wedi cael y rôl {role}",
  "email.roleGranted.heading": "Rôl wedi’i rhoi: {role}",
  "email.roleGranted.body":
    "Mae {grantedBy} wedi rhoi’r rôl {role} ar gyfer {organisation} i {person} ({email}). Rydym yn rhoi gwybod i bob gweinyddwr yn yr awdurdod pan fydd rhywun yn cael rôl sy’n gallu rheoli pobl neu arian.",
  "email.roleGranted.button": "Gweld yr aelodau",
  "email.roleGranted.ifNotExpected": "Os nad oeddech yn disgwyl hyn, holwch {grantedBy} a dilëwch y rôl os na ddylai fod wedi cael ei rhoi.",

  "email.sessionBooked.subject": "Sesiwn wedi’i threfnu: {offer} ar {when}",
  "email.sessionBooked.body": "Mae {provider} wedi trefnu sesiwn o {offer} ar gyfer {school}: {when}, {where}.",
  "email.sessionBooked.delegates":
    "Enwch y cynrychiolwyr a fydd yn dod i’r sesiwn ar dudalen y ddarpariaeth. Pan fydd y sesiwn yn llawn, bydd enwau diweddarach yn ymuno â rhestr aros.",
  "email.sessionBooked.button": "Enwi eich cynrychiolwyr",

  "email.stripePayment.heading.paid": "Taliad wedi’i dderbyn",
  "email.stripePayment.heading.processing": "Taliad ar ei ffordd",
  "email.stripePayment.heading.failed": "Taliad wedi methu",
  "email.stripePayment.heading.refunded": "Taliad wedi’i ad-dalu",
  "email.stripePayment.heading.disputed": "Taliad dan anghydfod",
  "email.stripePayment.subject": "{heading}: anfoneb {invoice}",
  "email.stripePayment.body.paid":
    "Rydym wedi derbyn {amount} gan {school} yn erbyn anfoneb {invoice}. Mae’r anfoneb yn dangos beth sy’n dal yn ddyledus, os oes unrhyw beth.",
  "email.stripePayment.body.processing":
    "Mae’r taliad o {amount} yn erbyn anfoneb {invoice} wedi’i dderbyn ac mae’r arian ar ei ffordd: mae Debyd Uniongyrchol Bacs neu drosglwyddiad banc yn cymryd hyd at 3 diwrnod gwaith. Byddwn yn anfon e-bost eto pan fydd yn cyrraedd.",
  "email.stripePayment.body.failed":
    "Ni aeth y taliad o {amount} yn erbyn anfoneb {invoice} drwodd. Ni chymerwyd dim; mae’r anfoneb yn dal yn ddyledus. Gallwch roi cynnig arall arni neu dalu drwy drosglwyddiad banc.",
  "email.stripePayment.body.refunded":
    "Mae {amount} a dalwyd yn erbyn anfoneb {invoice} wedi’i ad-dalu i’r cerdyn neu’r cyfrif y daeth ohono. Gall gymryd 5 i 10 diwrnod gwaith i gyrraedd.",
  "email.stripePayment.body.disputed":
    "Mae’r taliad o {amount} gan {school} yn erbyn anfoneb {invoice} wedi’i herio gyda’r banc. Dylai’r tîm cyllid edrych ar yr archeb ac ateb yr anghydfod.",
  "email.stripePayment.button": "Gweld yr anfoneb",

  "email.subjectLead.what.need-published": "Mae galwad am gynigion wedi’i chyhoeddi ym maes {subject}",
  "email.subjectLead.what.offer-suspended": "Mae cynnig wedi’i atal ym maes {subject}",
  "email.subjectLead.subject": "{what}: {title}",
  "email.subjectLead.body.need-published": "Chi yw’r comisiynydd arweiniol ar gyfer {subject}. Mae {by} wedi cyhoeddi galwad am gynigion “{title}”.",
  "email.subjectLead.body.offer-suspended": "Chi yw’r comisiynydd arweiniol ar gyfer {subject}. Mae {by} wedi atal y cynnig “{title}”.",
  "email.subjectLead.button": "Gweld hwn",
};
