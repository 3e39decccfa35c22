// How an invoice line's share was reached.
import type { invoice as english } from "../en/invoice";
import type { Message } from "../index";
// A fixed package is shared out per school, so its line reads as the per-school one does (as in English).
const schoolsAtPrice: Message = {
  zero: "{count} ysgol am {price} yr un: {total} i gyd",
  one: "{count} ysgol am {price}: {total} i gyd",
  two: "{count} ysgol am {price} yr un: {total} i gyd",
  few: "{count} ysgol am {price} yr un: {total} i gyd",
  many: "{count} ysgol am {price} yr un: {total} i gyd",
  other: "{count} ysgol am {price} yr un: {total} i gyd",
};

export const invoice: Record<keyof typeof english, Message> = {
  "invoiceLine.basis.tier.per_school": schoolsAtPrice,
  "invoiceLine.basis.tier.fixed_package": schoolsAtPrice,
  "invoiceLine.basis.tier.per_pupil": {
    zero: "{units} disgybl am {price} y disgybl, y pris ar gyfer {count} ysgol: {total} i gyd",
    one: "{units} disgybl am {price} y disgybl, y pris ar gyfer {count} ysgol: {total} i gyd",
    two: "{units} disgybl am {price} y disgybl, y pris ar gyfer {count} ysgol: {total} i gyd",
    few: "{units} disgybl am {price} y disgybl, y pris ar gyfer {count} ysgol: {total} i gyd",
    many: "{units} disgybl am {price} y disgybl, y pris ar gyfer {count} ysgol: {total} i gyd",
    other: "{units} disgybl am {price} y disgybl, y pris ar gyfer {count} ysgol: {total} i gyd",
  },
  "invoiceLine.basis.tier.per_delegate": {
    zero: "{units} cynrychiolydd am {price} y cynrychiolydd, y pris ar gyfer {count} ysgol: {total} i gyd",
    one: "{units} cynrychiolydd am {price} y cynrychiolydd, y pris ar gyfer {count} ysgol: {total} i gyd",
    two: "{units} cynrychiolydd am {price} y cynrychiolydd, y pris ar gyfer {count} ysgol: {total} i gyd",
    few: "{units} cynrychiolydd am {price} y cynrychiolydd, y pris ar gyfer {count} ysgol: {total} i gyd",
    many: "{units} cynrychiolydd am {price} y cynrychiolydd, y pris ar gyfer {count} ysgol: {total} i gyd",
    other: "{units} cynrychiolydd am {price} y cynrychiolydd, y pris ar gyfer {count} ysgol: {total} i gyd",
  },
  "invoiceLine.basis.share.equal": {
    zero: "Cyfran gyfartal: 1 o {count} ysgol",
    one: "Cyfran gyfartal: 1 o {count} ysgol",
    two: "Cyfran gyfartal: 1 o {count} ysgol",
    few: "Cyfran gyfartal: 1 o {count} ysgol",
    many: "Cyfran gyfartal: 1 o {count} ysgol",
    other: "Cyfran gyfartal: 1 o {count} ysgol",
  },
  "invoiceLine.basis.share.per_pupil": {
    zero: "Cyfran yn ôl disgyblion: {mine} o {of} disgybl ar draws {count} ysgol",
    one: "Cyfran yn ôl disgyblion: {mine} o {of} disgybl mewn {count} ysgol",
    two: "Cyfran yn ôl disgyblion: {mine} o {of} disgybl ar draws {count} ysgol",
    few: "Cyfran yn ôl disgyblion: {mine} o {of} disgybl ar draws {count} ysgol",
    many: "Cyfran yn ôl disgyblion: {mine} o {of} disgybl ar draws {count} ysgol",
    other: "Cyfran yn ôl disgyblion: {mine} o {of} disgybl ar draws {count} ysgol",
  },
  "invoiceLine.basis.share.per_delegate": {
    zero: "Fesul cynrychiolydd: {mine} o {of} cynrychiolydd ar draws {count} ysgol",
    one: "Fesul cynrychiolydd: {mine} o {of} cynrychiolydd mewn {count} ysgol",
    two: "Fesul cynrychiolydd: {mine} o {of} cynrychiolydd ar draws {count} ysgol",
    few: "Fesul cynrychiolydd: {mine} o {of} cynrychiolydd ar draws {count} ysgol",
    many: "Fesul cynrychiolydd: {mine} o {of} cynrychiolydd ar draws {count} ysgol",
    other: "Fesul cynrychiolydd: {mine} o {of} cynrychiolydd ar draws {count} ysgol",
  },
  "invoiceLine.basis.capAtSolo":
    "Nid oes unrhyw ysgol yn talu mwy nag y byddai’n ei dalu wrth brynu ar ei phen ei hun; caiff unrhyw ormodedd ei rannu rhwng y lleill yn ôl yr un rheol",
  "invoiceLine.basis.label": "Sut y cyfrifwyd y gyfran hon",
};
