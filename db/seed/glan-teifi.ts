// Glan Teifi County Council: a fictional Welsh authority in the Teifi valley, with Welsh
// categorisation and Estyn inspections. Its consortia are clusters around a secondary school.
import { wales } from "./nations";
import type { AuthoritySpec } from "./plan";

export const glanTeifi: AuthoritySpec = {
  slug: "glan-teifi",
  name: "Glan Teifi County Council",
  laCode: "690",
  emailDomain: "glanteifi.demo",
  officeName: "Glan Teifi County Council School Improvement",
  language: "cy",
  scheme: wales("690"),
  consortia: [
    {
      name: "Teifi Estuary Consortium",
      phase: "cross_phase",
      places: ["Aberteifi", "Aberporth", "Llechryd", "Cenarth", "Penparc", "Ferwig", "Blaenporth", "Tan-y-groes"],
      towns: ["Aberteifi"],
      postcodeDistricts: ["SA43"],
      schools: [
        ["primary", 6],
        ["secondary", 1],
        ["special", 1],
      ],
    },
    {
      name: "Dyffryn Teifi Consortium",
      phase: "cross_phase",
      places: ["Llandysul", "Pontsian", "Talgarreg", "Capel Dewi", "Llanwenog", "Cwrtnewydd", "Ffostrasol", "Coed-y-bryn", "Rhydlewis", "Llanybydder"],
      towns: ["Llandysul"],
      postcodeDistricts: ["SA44", "SA40"],
      schools: [
        ["primary", 7],
        ["secondary", 1],
      ],
    },
    {
      name: "Aeron Valley Consortium",
      phase: "cross_phase",
      places: ["Aberaeron", "Felinfach", "Ciliau Aeron", "Llan-non", "Llanarth", "Cross Inn", "Llangeitho", "Tregaron", "Llanbedr Pont Steffan"],
      towns: ["Aberaeron", "Tregaron", "Llanbedr Pont Steffan"],
      postcodeDistricts: ["SA46", "SA48", "SY25"],
      schools: [
        ["primary", 6],
        ["secondary", 2],
      ],
    },
  ],
  boards: [{ name: "Glan Teifi Improvement Board", phase: "cross_phase", consortia: [0, 1, 2] }],
  providers: [
    { name: "Glan Teifi Education Services", kind: "la_traded_services", verifiedDaysAgo: 365 },
    { name: "Canolfan Iaith Teifi", kind: "private_company", verifiedDaysAgo: 150, contact: { email: "provider.iaith@glanteifi.demo", name: "Meinir Pugh" } },
  ],
  users: [
    { email: "la.admin@glanteifi.demo", name: "Rhian Evans", memberships: [{ org: "office", role: "la_admin" }] },
    { email: "head@glanteifi.demo", name: "Gareth Jones", memberships: [{ org: "school:0:1", role: "headteacher" }] },
    {
      email: "panel@glanteifi.demo",
      name: "Siân Llewelyn",
      memberships: [
        { org: "school:1:1", role: "headteacher" },
        { org: "board:0", role: "qa_panel_member" },
      ],
    },
    { email: "provider@glanteifi.demo", name: "Eleri Price", memberships: [{ org: "provider:0", role: "provider_admin" }] },
  ],
};
