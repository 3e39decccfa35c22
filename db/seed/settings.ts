// The demo's early years settings and post-16 providers: the Warwickshire paper extends the
// consortia beyond schools, so a few of them joined a consortium a year after it was set up.
import { randomUUID } from "node:crypto";
import { frameworkFor, OFSTED_KEY_JUDGEMENTS } from "~/domain/schools/inspection-frameworks";
import type { Tx } from "../client";
import { consortiumMemberships, inspections, organisations, schools } from "../schema";
import type { DemoCounty } from "./index";
import { addDays, consortiaEstablishedOn, isoDate, type DemoAuthority } from "./plan";

type SettingSpec = {
  name: string;
  kind: "early_years" | "post_16";
  reference: string;
  numberOnRoll: number;
  town: string;
  postcode: string;
  /** Which consortium it joined, by phase: the first of that phase. */
  joins: "primary" | "secondary";
  /** Days before the demo's today it was last inspected, and what was found. */
  inspectedDaysAgo: number;
  grade: string;
};

const SETTINGS: Record<"england" | "wales", SettingSpec[]> = {
  england: [
    {
      name: "Little Acorns Pre-school",
      kind: "early_years",
      reference: "EY451203",
      numberOnRoll: 38,
      town: "Alcester",
      postcode: "B49 5QT",
      joins: "primary",
      inspectedDaysAgo: 820,
      grade: "Good",
    },
    {
      name: "Avonside Day Nursery",
      kind: "early_years",
      reference: "EY512877",
      numberOnRoll: 64,
      town: "Stratford-upon-Avon",
      postcode: "CV37 6HB",
      joins: "primary",
      inspectedDaysAgo: 1400,
      grade: "Outstanding",
    },
    {
      name: "Kineton Village Playgroup",
      kind: "early_years",
      reference: "EY398210",
      numberOnRoll: 24,
      town: "Kineton",
      postcode: "CV35 0JX",
      joins: "primary",
      inspectedDaysAgo: 300,
      grade: "Good",
    },
    {
      name: "Arden Sixth Form College",
      kind: "post_16",
      reference: "10034512",
      numberOnRoll: 1450,
      town: "Stratford-upon-Avon",
      postcode: "CV37 9QR",
      joins: "secondary",
      inspectedDaysAgo: 990,
      grade: "Good",
    },
  ],
  wales: [
    {
      name: "Cylch Meithrin Aberteifi",
      kind: "early_years",
      reference: "CIW418220",
      numberOnRoll: 22,
      town: "Aberteifi",
      postcode: "SA43 1AB",
      joins: "primary",
      inspectedDaysAgo: 500,
      grade: "No follow-up",
    },
    {
      name: "Meithrinfa Tŷ Bach",
      kind: "early_years",
      reference: "CIW420915",
      numberOnRoll: 30,
      town: "Llandysul",
      postcode: "SA44 4DP",
      joins: "primary",
      inspectedDaysAgo: 900,
      grade: "No follow-up",
    },
    {
      name: "Coleg Glan Teifi",
      kind: "post_16",
      reference: "10045678",
      numberOnRoll: 980,
      town: "Castellnewydd Emlyn",
      postcode: "SA38 9BA",
      joins: "secondary",
      inspectedDaysAgo: 700,
      grade: "No follow-up",
    },
  ],
};

function judgements(framework: string, grade: string): Record<string, string> {
  const keyJudgements = Object.fromEntries(Object.keys(OFSTED_KEY_JUDGEMENTS).map((area) => [area, grade]));
  if (framework === "ofsted_overall_effectiveness") return { overall_effectiveness: grade, ...keyJudgements };
  if (framework === "ofsted_2024_25") return { ...keyJudgements, safeguarding: "Effective" };
  if (framework === "estyn_2022") return { follow_up: grade };
  return {};
}

/** A few settings per authority, each in a consortium, with its latest inspection. A handful of bulk inserts. */
export async function seedDemoSettings(tx: Tx, authority: DemoAuthority, today: Date) {
  const day = isoDate(today);
  const joinedOn = addDays(consortiaEstablishedOn(day), 365);
  const specs = SETTINGS[authority.nation];
  const rows = specs.map((spec) => {
    const consortium = authority.consortia.find((c) => c.phase === spec.joins) ?? authority.consortia[0];
    const inspectedOn = addDays(day, -spec.inspectedDaysAgo);
    const inspectorate = authority.nation === "england" ? ("ofsted" as const) : ("estyn" as const);
    const framework = frameworkFor(inspectorate, inspectedOn);
    return {
      id: randomUUID(),
      spec,
      consortiumId: consortium.id,
      inspection: { inspectorate, framework, judgements: judgements(framework, spec.grade), inspectedOn },
    };
  });
  await tx.insert(organisations).values(rows.map((r) => ({ id: r.id, authorityId: authority.authorityId, kind: "school" as const, name: r.spec.name })));
  await tx.insert(schools).values(
    rows.map((r) => ({
      organisationId: r.id,
      authorityId: authority.authorityId,
      urn: r.spec.reference,
      phase: r.spec.kind,
      establishmentType: r.spec.kind === "early_years" ? ("early_years_setting" as const) : ("post_16_college" as const),
      typeName: r.spec.kind === "early_years" ? "Early years setting" : "Further education",
      laMaintained: false,
      numberOnRoll: r.spec.numberOnRoll,
      postcode: r.spec.postcode,
      town: r.spec.town,
    })),
  );
  await tx
    .insert(consortiumMemberships)
    .values(rows.map((r) => ({ authorityId: authority.authorityId, consortiumId: r.consortiumId, schoolId: r.id, joinedOn })));
  await tx.insert(inspections).values(rows.map((r) => ({ schoolId: r.id, ...r.inspection })));
}

/** The demo step: settings in both authorities. */
export const settingsStep = async (tx: Tx, county: DemoCounty) => {
  for (const authority of county.authorities) await seedDemoSettings(tx, authority, county.today);
};
