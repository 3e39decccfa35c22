import type { runtime as english } from "../en/runtime";
import type { Message } from "../index";
export const runtime: Record<keyof typeof english, Message> = {
  "request.tooLarge": "Mae’r cais hwn yn rhy fawr. Mae ffurflen ar y gwasanaeth hwn yn anfon {limit} ar y mwyaf.",

  "nav.failedEmails": "E-byst a fethodd",
  "failedEmails.title": "E-byst nad oedd modd eu hanfon",
  "failedEmails.lead":
    "Ceisiodd y gwasanaeth anfon pob un o’r rhain {attempts} o weithiau cyn rhoi’r gorau iddi. Anfonwch un eto pan fydd yr achos wedi’i ddatrys (er enghraifft, cyfeiriad y derbynnydd, neu wasanaeth y darparwr e-bost).",
  "failedEmails.none": "Nid oes dim wedi methu. Mae pob e-bost wedi’i anfon.",
  "failedEmails.caption": "E-byst a fethodd, y diweddaraf yn gyntaf",
  "failedEmails.what": "E-bost",
  "failedEmails.recipient": "Derbynnydd",
  "failedEmails.attempts": "Ymdrechion",
  "failedEmails.lastError": "Gwall diwethaf",
  "failedEmails.written": "Crëwyd",
  "failedEmails.lastTried": "Ymgais ddiwethaf",
  "failedEmails.action": "Cam gweithredu",
  "failedEmails.retry": "Anfon eto",
  "failedEmails.retried.title": "Llwyddiant",
  "failedEmails.retried": "Bydd yr e-bost at {recipient} yn cael ei anfon eto o fewn munud.",
  "failedEmails.noRecipient": "dim derbynnydd",
};
