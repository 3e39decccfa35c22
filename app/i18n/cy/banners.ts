// What each action did, shown in the success banner after it (see app/done.ts).
import type { banners as english } from "../en/banners";
import type { Message } from "../index";
export const banners: Record<keyof typeof english, Message> = {
  "done.shortlistAdded": "Mae’r cynnig wedi’i ychwanegu at eich rhestr fer.",
  "done.shortlistRemoved": "Mae’r cynnig wedi’i dynnu oddi ar eich rhestr fer.",
  "done.needPublished": "Mae’r angen wedi’i gyhoeddi. Gall darparwyr ymateb iddo nawr.",
  "done.offerCommissioned": "Mae’r cynnig wedi’i gomisiynu i ddiwallu’r angen hwn.",
  "done.offerSuspended": "Mae’r cynnig wedi’i atal. Ni all prynwyr ei brynu nes iddo gael ei adfer.",
  "done.offerReinstated": "Mae’r cynnig wedi’i adfer. Gall prynwyr ei brynu eto.",
  "done.needAnswered": "Mae eich ymateb wedi’i anfon at yr awdurdod.",
  "done.offerSubmitted": "Mae’r cynnig wedi’i gyflwyno i’w adolygu.",
  "done.offerWithdrawn": "Mae’r cynnig wedi’i dynnu’n ôl.",
  "done.offerSaved": "Mae eich newidiadau i’r cynnig wedi’u cadw.",
  "done.reviewTaken": "Rydych wedi cymryd yr adolygiad hwn.",
  "done.conflictDeclared": "Mae eich gwrthdaro buddiannau wedi’i gofnodi. Ni fyddwch yn adolygu’r cynnig hwn.",
  "done.reviewSubmitted": "Mae eich adolygiad wedi’i gyflwyno.",
  "done.offerApproved": "Mae’r cynnig wedi’i gymeradwyo ac mae’r darparwr wedi cael gwybod.",
  "done.offerChangesRequested": "Gofynnwyd am newidiadau ac mae’r darparwr wedi cael gwybod.",
  "done.offerRejected": "Mae’r cynnig wedi’i wrthod ac mae’r darparwr wedi cael gwybod.",
  "done.importUploaded": "Mae’r ffeil wedi’i huwchlwytho. Gwiriwch y rhagolwg cyn i chi ei rhoi ar waith.",
};
