// How schools look in England and in Wales: their names, types, sizes, categories and inspections.
import { frameworkFor } from "~/domain/schools/inspection-frameworks";
import { CATEGORY_SCHEMES, type EstablishmentType } from "../schema";
import { ENGLISH_FIRST_NAMES, ENGLISH_SURNAMES, FEATURES, possessive, SAINTS, WELSH_FIRST_NAMES, WELSH_SURNAMES } from "./names";
import { addDays, type Inspection, type NationScheme, type SchoolPhase } from "./plan";
import type { Random } from "./random";

/** Ways to name a school, each with its weight. */
type Pattern = (place: string, rng: Random) => string;
type Patterns = readonly (readonly [number, Pattern])[];

const saint = (rng: Random) => possessive(rng.pick(SAINTS));
const feature = (rng: Random) => rng.pick(FEATURES);

const ENGLISH_NAMES: Record<SchoolPhase, Partial<Record<EstablishmentType, Patterns>>> = {
  primary: {
    la_maintained: [
      [30, (p) => `${p} Primary School`],
      [18, (p) => `${p} Church of England Primary School`],
      [10, (_, r) => `${saint(r)} Church of England Primary School`],
      [8, (_, r) => `${saint(r)} Catholic Primary School`],
      [5, (p) => `${p} Infant School`],
      [4, (p) => `${p} Junior School`],
      [7, (p) => `${p} Community Primary School`],
      [16, (_, r) => `${feature(r)} Primary School`],
    ],
    academy: [
      [25, (p) => `${p} Primary Academy`],
      [15, (_, r) => `${feature(r)} Academy`],
      [12, (p) => `${p} Church of England Academy`],
      [10, (_, r) => `${saint(r)} Catholic Primary School`],
      [20, (p) => `${p} Primary School`],
      [18, (_, r) => `${feature(r)} Primary School`],
    ],
    free: [
      [50, (p) => `${p} Free Primary School`],
      [50, (_, r) => `${feature(r)} Primary Free School`],
    ],
  },
  secondary: {
    la_maintained: [
      [40, (p) => `${p} High School`],
      [30, (p) => `${p} Community School`],
      [15, (_, r) => `${saint(r)} Catholic School`],
      [4, (p) => `${p} Grammar School`],
    ],
    academy: [
      [30, (p) => `${p} Academy`],
      [15, (p) => `${p} High School`],
      [16, (p) => `${p} College`],
      [14, (_, r) => `${feature(r)} Academy`],
      [3, (p) => `${p} Grammar School`],
      [13, (_, r) => `${saint(r)} Catholic High School`],
    ],
    free: [
      [85, (p) => `${p} Free School`],
      [15, (p) => `${p} University Technical College`],
    ],
  },
  special: {
    special: [
      [60, (_, r) => `${feature(r)} School`],
      [40, (p) => `${p} Specialist School`],
    ],
    academy: [
      [60, (_, r) => `${feature(r)} Academy`],
      [40, (_, r) => `${feature(r)} Specialist Academy`],
    ],
    free: [[100, (_, r) => `${feature(r)} Free School`]],
  },
};

function pickName(rng: Random, table: Patterns | undefined, places: readonly string[]) {
  if (!table) throw new Error("No way to name this kind of school");
  const index = Number(rng.weighted(Object.fromEntries(table.map(([weight], i) => [String(i), weight]))));
  return table[index][1](rng.pick(places), rng);
}

const primaryRoll = (rng: Random) => {
  const size = rng.weighted({ village: 20, oneForm: 40, oneAndHalf: 15, twoForm: 20, threeForm: 5 });
  const ranges = { village: [38, 120], oneForm: [175, 240], oneAndHalf: [290, 335], twoForm: [380, 445], threeForm: [600, 660] } as const;
  const [min, max] = ranges[size];
  return rng.int(min, max);
};

// Report cards (from November 2025) grade each area on a five-point scale.
const REPORT_CARD: Record<string, string> = {
  Outstanding: "Exceptional",
  Good: "Strong standard",
  "Requires improvement": "Needs attention",
  Inadequate: "Urgent improvement",
};
const OFSTED_AREAS = ["quality_of_education", "behaviour_and_attitudes", "personal_development", "leadership_and_management"];
const REPORT_CARD_AREAS = [
  "inclusion",
  "curriculum_and_teaching",
  "achievement",
  "attendance_and_behaviour",
  "personal_development_and_wellbeing",
  "leadership_and_governance",
];
const OFSTED_SCALE = ["Outstanding", "Good", "Requires improvement", "Inadequate"];

/** The judgements an Ofsted inspection of a school of this grade gives under the framework of its day. */
function ofstedInspection(rng: Random, grade: string, inspectedOn: string): Inspection {
  const framework = frameworkFor("ofsted", inspectedOn);
  // Most areas take the school's grade; now and then one is a step either side.
  const near = (g: string) => {
    const i = OFSTED_SCALE.indexOf(g) + (rng.chance(0.2) ? rng.pick([-1, 1]) : 0);
    return OFSTED_SCALE[Math.min(OFSTED_SCALE.length - 1, Math.max(0, i))];
  };
  const areas = Object.fromEntries(OFSTED_AREAS.map((a) => [a, near(grade)]));
  if (framework === "ofsted_overall_effectiveness")
    return { inspectorate: "ofsted", framework, judgements: { overall_effectiveness: grade, ...areas, quality_of_education: grade }, inspectedOn };
  if (framework === "ofsted_2024_25")
    return { inspectorate: "ofsted", framework, judgements: { ...areas, safeguarding: grade === "Inadequate" ? "Not effective" : "Effective" }, inspectedOn };
  const card = Object.fromEntries(REPORT_CARD_AREAS.map((a) => [a, REPORT_CARD[near(grade)]]));
  return { inspectorate: "ofsted", framework, judgements: { ...card, safeguarding: grade === "Inadequate" ? "Not met" : "Met" }, inspectedOn };
}

export const england: NationScheme = {
  nation: "england",
  categories: CATEGORY_SCHEMES.england,
  firstNames: ENGLISH_FIRST_NAMES,
  surnames: ENGLISH_SURNAMES,
  establishmentType: (rng, phase) =>
    phase === "primary"
      ? rng.weighted({ la_maintained: 55, academy: 41, free: 4 })
      : phase === "secondary"
        ? rng.weighted({ academy: 72, la_maintained: 16, free: 12 })
        : rng.weighted({ special: 65, academy: 25, free: 10 }),
  schoolName: (rng, phase, type, places) => pickName(rng, ENGLISH_NAMES[phase][type], places),
  numberOnRoll: (rng, phase) => (phase === "primary" ? primaryRoll(rng) : phase === "secondary" ? rng.int(640, 1760) : rng.int(60, 260)),
  urn: (rng, _phase, type) =>
    String(type === "la_maintained" || type === "special" ? rng.int(125000, 126999) : type === "free" ? rng.int(138000, 149999) : rng.int(136000, 151999)),
  costCentre: (n) => `K${2000 + n}`,
  category: (rng) => rng.weighted({ "1": 14, "2A": 34, "2B": 18, "3A": 8, "3B": 9, "3C": 8, "3D": 6, "4": 3 }),
  inspections(rng, category, today): Inspection[] {
    const grade =
      category === "1"
        ? "Outstanding"
        : category.startsWith("2")
          ? "Good"
          : category === "3A" || category === "3B"
            ? rng.pick(["Good", "Requires improvement"])
            : category === "4"
              ? "Inadequate"
              : "Requires improvement";
    // Outstanding schools were long exempt from routine inspection, so theirs are older.
    const inspectedOn = addDays(today, -(grade === "Outstanding" ? rng.int(200, 2900) : rng.int(40, 1800)));
    // One or two earlier inspections, three to five years apart, a grade either side of today's.
    const history: Inspection[] = [];
    let previous = inspectedOn;
    for (let n = rng.int(1, 2); n > 0; n--) {
      previous = addDays(previous, -rng.int(1100, 1800));
      const earlier = OFSTED_SCALE[Math.min(3, Math.max(0, OFSTED_SCALE.indexOf(grade) + rng.pick([-1, 0, 0, 1])))];
      history.push(ofstedInspection(rng, earlier, previous));
    }
    return [ofstedInspection(rng, grade, inspectedOn), ...history];
  },
};

export const WELSH_NAMES: Record<SchoolPhase, Patterns> = {
  primary: [
    [45, (p) => `Ysgol Gynradd ${p}`],
    [25, (p) => `Ysgol ${p}`],
    [15, (p) => `Ysgol Gymunedol ${p}`],
    [10, (p) => `Ysgol Gynradd yr Eglwys yng Nghymru ${p}`],
    [5, (p) => `Ysgol Gynradd Gymraeg ${p}`],
  ],
  secondary: [
    [40, (p) => `Ysgol Uwchradd ${p}`],
    [30, (p) => `Ysgol Gyfun ${p}`],
    [30, (p) => `Ysgol Bro ${p}`],
  ],
  special: [[100, (p) => `Ysgol Arbennig ${p}`]],
};

const welshPrimaryRoll = (rng: Random) => {
  const ranges = { small: [24, 110], middle: [110, 260], large: [260, 420] } as const;
  const [min, max] = ranges[rng.weighted({ small: 45, middle: 45, large: 10 })];
  return rng.int(min, max);
};

const ESTYN_AREAS = [
  "standards",
  "wellbeing_and_attitudes_to_learning",
  "teaching_and_learning_experiences",
  "care_support_and_guidance",
  "leadership_and_management",
];

/** An Estyn inspection: area grades until 2022, since then only whether it needs follow-up. */
function estynInspection(rng: Random, category: string, inspectedOn: string): Inspection {
  const framework = frameworkFor("estyn", inspectedOn);
  if (framework === "estyn_2017") {
    const grade = () =>
      category === "green"
        ? rng.pick(["Excellent", "Good"])
        : category === "yellow"
          ? "Good"
          : category === "amber"
            ? rng.pick(["Good", "Adequate and needs improvement"])
            : rng.pick(["Adequate and needs improvement", "Unsatisfactory and needs urgent improvement"]);
    return { inspectorate: "estyn", framework, judgements: Object.fromEntries(ESTYN_AREAS.map((a) => [a, grade()])), inspectedOn };
  }
  const followUp =
    category === "green" || category === "yellow"
      ? "No follow-up"
      : category === "amber"
        ? "Estyn review"
        : rng.pick(["Significant improvement", "Special measures"]);
  return { inspectorate: "estyn", framework, judgements: { follow_up: followUp }, inspectedOn };
}

/** Wales has no academies: every school is maintained, and its number is the LA code and four digits. */
export const wales = (laCode: string): NationScheme => ({
  nation: "wales",
  categories: CATEGORY_SCHEMES.wales,
  firstNames: WELSH_FIRST_NAMES,
  surnames: WELSH_SURNAMES,
  establishmentType: (_rng, phase) => (phase === "special" ? "special" : "la_maintained"),
  schoolName: (rng, phase, _type, places) => pickName(rng, WELSH_NAMES[phase], places),
  numberOnRoll: (rng, phase) => (phase === "primary" ? welshPrimaryRoll(rng) : phase === "secondary" ? rng.int(450, 1250) : rng.int(50, 140)),
  urn: (rng, phase) => `${laCode}${phase === "primary" ? rng.int(2000, 3999) : phase === "secondary" ? rng.int(4000, 4999) : rng.int(7000, 7099)}`,
  costCentre: (n) => `GT${String(n).padStart(4, "0")}`,
  category: (rng) => rng.weighted({ green: 38, yellow: 42, amber: 15, red: 5 }),
  inspections(rng, category, today): Inspection[] {
    const inspectedOn = addDays(today, -rng.int(60, 2400));
    // The inspection before, on Estyn's cycle of about six years.
    return [
      estynInspection(rng, category, inspectedOn),
      estynInspection(rng, rng.chance(0.7) ? category : "yellow", addDays(inspectedOn, -rng.int(1800, 2500))),
    ];
  },
});
