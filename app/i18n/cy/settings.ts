// Gosodiadau'r awdurdod ei hun: ei god ALl a'r iaith y mae ei bobl yn darllen y gwasanaeth ynddi.
import type { settings as english } from "../en/settings";
import type { Message } from "../index";

export const settings: Record<keyof typeof english, Message> = {
  "nav.authoritySettings": "Gosodiadau’r awdurdod",
  "settings.title": "Gosodiadau’r awdurdod",
  "settings.lead": "Sut mae’r gwasanaeth yn adnabod eich awdurdod: ei god awdurdod lleol a’r iaith y mae eich pobl yn ei gweld gyntaf.",
  "settings.laCode": "Cod ALl",
  "settings.laCodeHint":
    "Cod awdurdod lleol tri digid eich awdurdod yn Get Information about Schools, er enghraifft 873. Mae mewnforio ysgolion yn ei ddefnyddio.",
  "settings.laCode.label": "Y cod ALl",
  "settings.laCode.required": "Rhowch y cod ALl",
  "settings.laCode.invalid": "Rhowch y cod ALl fel tri digid, fel 873",
  "settings.language": "Iaith ddiofyn",
  "settings.languageHint": "Mae pobl yn darllen y gwasanaeth yn yr iaith hon nes iddynt ddewis un eu hunain.",
  "settings.language.en": "English",
  "settings.language.cy": "Cymraeg",
  "settings.language.required": "Dewiswch yr iaith ddiofyn",
  "settings.setLaCode": "Gosod cod ALl eich awdurdod",
  "settings.submit": "Cadw’r gosodiadau",
  "done.authoritySettingsSaved": "Mae gosodiadau’r awdurdod wedi’u cadw.",
  "auditAction.authority.settings_set": "Gosodiadau’r awdurdod wedi’u newid",
};
