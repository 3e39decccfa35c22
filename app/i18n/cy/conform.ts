// Haenau prisiau ffurflen y cynnig fel rhestr.
import type { conform as english } from "../en/conform";
import type { Message } from "../index";

export const conform: Record<keyof typeof english, Message> = {
  "offerSchema.tier.tooMany": "Rhowch {max} haen prisiau ar y mwyaf",
};
