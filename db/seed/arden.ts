// Arden County Council: a fictional English county modelled on Warwickshire's consortia model
// (Schools Forum, December 2013; scrutiny report "Championing the Learner", June 2013).
import type { AuthoritySpec, ConsortiumSpec } from "./plan";
import { england } from "./nations";

const primary = (name: string, count: number, places: string[], postcodeDistricts: string[], extra: Partial<ConsortiumSpec> = {}): ConsortiumSpec => ({
  name: `${name} Primary Consortium`,
  phase: "primary",
  places,
  postcodeDistricts,
  schools: [["primary", count]],
  ...extra,
});

// Warwickshire's secondary and special consortia had fewer than ten schools each; here a
// consortium has 10-30, so each secondary consortium also takes in one or two primary academies
// of its secondary schools' trusts, and the special consortium two primaries with resourced
// provision for pupils with SEND.
const secondary = (name: string, secondaries: number, primaries: number, places: string[], postcodeDistricts: string[], extra: Partial<ConsortiumSpec> = {}): ConsortiumSpec => ({
  name: `${name} Secondary Consortium`,
  phase: "secondary",
  places,
  postcodeDistricts,
  schools: [
    ["secondary", secondaries],
    ["primary", primaries],
  ],
  ...extra,
});

export const arden: AuthoritySpec = {
  slug: "arden",
  name: "Arden County Council",
  laCode: "990",
  emailDomain: "arden.demo",
  officeName: "Arden County Council School Improvement",
  scheme: england,
  consortia: [
    primary(
      "Avon Valley",
      18,
      ["Stratford-upon-Avon", "Bidford-on-Avon", "Welford-on-Avon", "Wellesbourne", "Charlecote", "Barford", "Hampton Lucy", "Alveston", "Tiddington", "Luddington", "Bishopton", "Snitterfield", "Quinton", "Long Marston"],
      ["CV37", "CV35"],
      {
        // The named demo people's schools: the chair's, the lead's, a maintained school and an academy.
        leadPosition: 1,
        pins: {
          0: { name: "St Mary's Church of England Primary School", establishmentType: "la_maintained", category: "1" },
          1: { establishmentType: "academy", category: "1" },
          2: { establishmentType: "la_maintained", category: "2B" },
          3: { establishmentType: "academy", category: "2A" },
        },
      },
    ),
    primary(
      "Arrow Valley",
      14,
      ["Alcester", "Studley", "Coughton", "Great Alne", "Wootton Wawen", "Salford Priors", "Arrow", "Kinwarton", "Haselor", "Aston Cantlow", "Bearley", "Temple Grafton"],
      ["B49", "B50", "B80"],
      { pins: { 1: { category: "2A" } } },
    ),
    primary(
      "Forest of Arden",
      17,
      ["Henley-in-Arden", "Tanworth-in-Arden", "Lapworth", "Claverdon", "Ullenhall", "Earlswood", "Hockley Heath", "Rowington", "Shrewley", "Hatton", "Baddesley Clinton", "Lowsonford", "Wroxall"],
      ["B95", "B94", "CV35"],
      { pins: { 1: { category: "1" } } },
    ),
    primary("Leam Valley", 12, ["Leamington Spa", "Whitnash", "Radford Semele", "Cubbington", "Lillington", "Offchurch", "Bishop's Tachbrook", "Sydenham", "Campion Hills"], ["CV31", "CV32", "CV33"]),
    primary(
      "Kenilworth and Warwick",
      20,
      ["Kenilworth", "Warwick", "Leek Wootton", "Hampton Magna", "Budbrooke", "Burton Green", "Stoneleigh", "Ashow", "Myton", "Emscote", "Woodloes Park", "Chase Meadow"],
      ["CV8", "CV34", "CV35"],
      // The school that offers school-to-school support.
      { pins: { 5: { name: "Chase Meadow Primary School", establishmentType: "academy", category: "1" } } },
    ),
    primary("Dunsmore", 15, ["Dunchurch", "Bilton", "Cawston", "Thurlaston", "Bourton-on-Dunsmore", "Stretton-on-Dunsmore", "Wolston", "Ryton-on-Dunsmore", "Long Lawford", "Binley Woods", "Princethorpe", "Marton"], ["CV22", "CV23", "CV8"]),
    primary("Swift Valley", 13, ["Rugby", "Newbold-on-Avon", "Brownsover", "Clifton-upon-Dunsmore", "Brinklow", "Monks Kirby", "Pailton", "Easenhall", "Harborough Magna", "Hillmorton", "Wolvey", "Churchover"], ["CV21", "CV22", "CV23"]),
    primary("Feldon", 16, ["Shipston-on-Stour", "Brailes", "Tysoe", "Kineton", "Ilmington", "Tredington", "Long Compton", "Whichford", "Oxhill", "Butlers Marston", "Halford", "Ettington", "Pillerton Hersey", "Lighthorne"], ["CV36", "CV35"]),
    primary("Itchen Valley", 19, ["Southam", "Harbury", "Long Itchington", "Bishop's Itchington", "Napton-on-the-Hill", "Stockton", "Ladbroke", "Fenny Compton", "Priors Marston", "Wormleighton", "Leamington Hastings", "Birdingbury", "Ufton", "Gaydon"], ["CV47", "CV33"]),
    primary("Anker Valley", 11, ["Nuneaton", "Weddington", "Galley Common", "Stockingford", "Attleborough", "Camp Hill", "Whitestone", "Chilvers Coton", "Caldecote", "Abbey Green"], ["CV10", "CV11"]),
    primary("Sowe Valley", 15, ["Bedworth", "Bulkington", "Exhall", "Keresley", "Ash Green", "Collycroft", "Ansley", "Arley", "Fillongley", "Corley", "Bedworth Heath", "Goodyers End"], ["CV12", "CV7"]),
    primary("Tame Valley", 15, ["Atherstone", "Polesworth", "Dordon", "Hartshill", "Mancetter", "Coleshill", "Water Orton", "Curdworth", "Shustoke", "Baddesley Ensor", "Grendon", "Austrey", "Newton Regis", "Warton", "Wood End"], ["CV9", "B78", "B46"]),
    secondary("Avon and Arden", 9, 1, ["Stratford-upon-Avon", "Alcester", "Studley", "Henley-in-Arden", "Shipston-on-Stour", "Kineton", "Bidford-on-Avon", "Wellesbourne"], ["CV37", "B49", "B80", "B95", "CV36"]),
    secondary("Leam and Castle", 9, 1, ["Leamington Spa", "Warwick", "Kenilworth", "Southam", "Whitnash", "Harbury", "Cubbington"], ["CV31", "CV32", "CV34", "CV8", "CV47"]),
    secondary("Dunsmore and Swift", 9, 1, ["Rugby", "Bilton", "Hillmorton", "Dunchurch", "Wolston", "Brownsover", "Newbold-on-Avon"], ["CV21", "CV22", "CV23"]),
    secondary("Tame and Anker", 8, 2, ["Nuneaton", "Bedworth", "Atherstone", "Coleshill", "Polesworth", "Hartshill", "Bulkington", "Water Orton"], ["CV10", "CV11", "CV12", "CV9", "B46", "B78"], {
      // The teaching school.
      pins: { 1: { name: "Kingsbury Academy", establishmentType: "academy", category: "1" } },
    }),
    {
      name: "Arden Special Schools Consortium",
      phase: "special",
      places: ["Warwick", "Leamington Spa", "Rugby", "Nuneaton", "Stratford-upon-Avon", "Bedworth", "Atherstone", "Alcester", "Kenilworth", "Southam"],
      postcodeDistricts: ["CV34", "CV32", "CV21", "CV10", "CV37", "CV12", "CV9"],
      schools: [
        ["special", 9],
        ["primary", 2],
      ],
    },
  ],
  boards: [
    { name: "Primary Improvement Board", phase: "primary", consortia: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
    { name: "Secondary and Special Improvement Board", phase: "cross_phase", consortia: [12, 13, 14, 15, 16] },
  ],
  providers: [
    { name: "Arden Education Services", kind: "la_traded_services", verifiedDaysAgo: 400 },
    { name: "Kingsbury Teaching School Alliance", kind: "teaching_school", verifiedDaysAgo: 380, school: "school:15:1" },
    { name: "Chase Meadow School-to-School Support", kind: "school_to_school", verifiedDaysAgo: 300, school: "school:4:5" },
    { name: "Greenfield Learning Partnership Ltd", kind: "private_company", verifiedDaysAgo: 250, contact: { email: "provider.greenfield@arden.demo", name: "Martin Greenfield" } },
    { name: "Jo Whitfield Education Consulting", kind: "consultant", verifiedDaysAgo: null },
    { name: "Dr Helen Carter, National Leader of Education", kind: "system_leader", verifiedDaysAgo: 210, contact: { email: "provider.nle@arden.demo", name: "Dr Helen Carter" } },
    { name: "University of Mid-Mercia Institute of Education", kind: "university", verifiedDaysAgo: 180, contact: { email: "provider.university@arden.demo", name: "Professor Ruth Ogunleye" } },
    { name: "DataWise Schools Ltd", kind: "private_company", verifiedDaysAgo: 120, contact: { email: "provider.datawise@arden.demo", name: "Neil Ashworth" } },
    { name: "Little Steps Early Years Consultancy Ltd", kind: "private_company", verifiedDaysAgo: 60, contact: { email: "provider.littlesteps@arden.demo", name: "Kerry Doyle" } },
  ],
  users: [
    { email: "la.admin@arden.demo", name: "Priya Shah", memberships: [{ org: "office", role: "la_admin" }] },
    { email: "finance@arden.demo", name: "Mark Ellison", memberships: [{ org: "office", role: "la_finance" }] },
    {
      email: "commissioner@arden.demo",
      name: "Joanne Hartley",
      memberships: [{ org: "office", role: "commissioner", subjectAreas: ["literacy", "numeracy", "leadership_and_management", "teaching_and_learning"] }],
    },
    { email: "adviser@arden.demo", name: "David Okafor", memberships: [{ org: "office", role: "challenge_adviser" }] },
    {
      email: "chair@arden.demo",
      name: "Helen Whitmore",
      memberships: [
        { org: "school:0:0", role: "headteacher" },
        { org: "board:0", role: "qa_panel_member", chair: true },
      ],
    },
    {
      email: "panel.one@arden.demo",
      name: "Tom Bradshaw",
      memberships: [
        { org: "school:1:1", role: "headteacher" },
        { org: "board:0", role: "qa_panel_member" },
      ],
    },
    {
      email: "panel.two@arden.demo",
      name: "Aisha Rahman",
      memberships: [
        { org: "school:2:1", role: "headteacher" },
        { org: "board:0", role: "qa_panel_member" },
      ],
    },
    {
      email: "lead@arden.demo",
      name: "Claire Fenwick",
      memberships: [
        { org: "consortium:0", role: "consortium_lead" },
        { org: "school:0:1", role: "headteacher" },
      ],
    },
    { email: "head@arden.demo", name: "Rachel Moss", memberships: [{ org: "school:0:2", role: "headteacher" }] },
    { email: "sbm@arden.demo", name: "Gary Pritchard", memberships: [{ org: "school:0:2", role: "school_business_manager" }] },
    { email: "head.academy@arden.demo", name: "Samuel Achebe", memberships: [{ org: "school:0:3", role: "headteacher" }] },
    { email: "provider@arden.demo", name: "Linda Marsh", memberships: [{ org: "provider:0", role: "provider_admin" }] },
    { email: "teaching.school@arden.demo", name: "Nadia Kowalski", memberships: [{ org: "provider:1", role: "provider_admin" }] },
    { email: "provider.staff@arden.demo", name: "Ben Thornton", memberships: [{ org: "provider:1", role: "provider_staff" }] },
    { email: "consultant@arden.demo", name: "Jo Whitfield", memberships: [{ org: "provider:4", role: "provider_admin" }] },
  ],
  moves: [
    [5, 7, 6],
    [10, 4, 9],
  ],
};
