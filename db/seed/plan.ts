// Turns a description of a demo authority into rows, without touching the database.
// Everything comes from the authority's own seeded generator and the given day, so two
// plans of the same authority for the same day are identical apart from their ids.
import { randomUUID } from "node:crypto";
import { t } from "~/i18n";
import type { schema } from "../client";
import type { EstablishmentType, ProviderKind, Role, SubjectArea } from "../schema";
import { postcode } from "./names";
import { createRandom, seedFrom, type Random } from "./random";

export type SchoolPhase = "primary" | "secondary" | "special";
export type GroupPhase = "primary" | "secondary" | "special" | "cross_phase";

export type SchoolPin = {
  name?: string;
  establishmentType?: EstablishmentType;
  category?: string;
  /** A maintained school the authority invoices for its match funding instead of recharging it. */
  matchFundingByInvoice?: boolean;
};

export type ConsortiumSpec = {
  name: string;
  phase: GroupPhase;
  /** Villages and towns its schools are named after. */
  places: readonly string[];
  /** The towns its secondary and special schools are named after, when not any of its places. */
  towns?: readonly string[];
  postcodeDistricts: readonly string[];
  /** Its schools by phase, in order; a school's position in this list is how the specs refer to it. */
  schools: readonly (readonly [SchoolPhase, number])[];
  /** The school whose head leads the consortium (leads are heads of the strongest schools). */
  leadPosition?: number;
  pins?: Readonly<Record<number, SchoolPin>>;
};

/** How the specs point at an organisation: the office, a consortium, a school by consortium and position, a board, a provider. */
export type OrgRef = "office" | `consortium:${number}` | `school:${number}:${number}` | `board:${number}` | `provider:${number}`;

export type MembershipSpec = { org: OrgRef; role: Role; chair?: boolean; subjectAreas?: SubjectArea[] };
export type NamedUserSpec = { email: string; name: string; memberships: readonly MembershipSpec[] };
export type ProviderSpec = {
  name: string;
  kind: ProviderKind;
  /** null: not verified yet. */
  verifiedDaysAgo: number | null;
  /** The school behind it (school-to-school support, a teaching school). */
  school?: OrgRef;
  /** Its administrator, when no named user is. */
  contact?: { email: string; name: string };
};
export type BoardSpec = { name: string; phase: GroupPhase; consortia: readonly number[] };

export type Inspection = { inspectorate: "ofsted" | "estyn"; framework: string; judgements: Record<string, string>; inspectedOn: string };

/** What differs between England and Wales: names, school types, numbers on roll, categories, inspections. */
export type NationScheme = {
  nation: "england" | "wales";
  categories: readonly string[];
  firstNames: readonly string[];
  surnames: readonly string[];
  establishmentType(rng: Random, phase: SchoolPhase): EstablishmentType;
  schoolName(rng: Random, phase: SchoolPhase, type: EstablishmentType, places: readonly string[]): string;
  numberOnRoll(rng: Random, phase: SchoolPhase): number;
  urn(rng: Random, phase: SchoolPhase, type: EstablishmentType): string;
  costCentre(sequence: number): string;
  category(rng: Random): string;
  /** The school's inspections, latest first, each under the framework of its day. */
  inspections(rng: Random, category: string, today: string): Inspection[];
};

export type AuthoritySpec = {
  slug: string;
  name: string;
  laCode: string;
  emailDomain: string;
  officeName: string;
  /** The language its people read the service in until they choose: English unless said. */
  language?: "en" | "cy";
  scheme: NationScheme;
  consortia: readonly ConsortiumSpec[];
  boards: readonly BoardSpec[];
  providers: readonly ProviderSpec[];
  /** The named people, printed at start-up in this order. */
  users: readonly NamedUserSpec[];
  /** Schools that moved consortium during the last year: [consortium, position, the consortium they left]. */
  moves?: readonly (readonly [number, number, number])[];
};

/** A named demo sign-in, as printed at start-up. */
export type SignIn = { authority: string; email: string; name: string; role: string; organisation: string };

/** What the seed created for one authority, for later seed steps to build on. */
export type DemoAuthority = {
  authorityId: string;
  slug: string;
  name: string;
  nation: "england" | "wales";
  officeId: string;
  consortia: { id: string; name: string; phase: GroupPhase; schoolIds: string[] }[];
  schools: { id: string; urn: string; name: string; phase: SchoolPhase; laMaintained: boolean; numberOnRoll: number; consortiumId: string }[];
  providers: { id: string; name: string; kind: ProviderKind; verified: boolean }[];
  boards: { id: string; name: string; phase: GroupPhase; memberUserIds: string[] }[];
  /** Every demo user of the authority, by email. */
  userIds: Record<string, string>;
};

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];
export type Plan = {
  authority: Insert<typeof schema.authorities>;
  organisations: Insert<typeof schema.organisations>[];
  schools: Insert<typeof schema.schools>[];
  inspections: Insert<typeof schema.inspections>[];
  consortia: Insert<typeof schema.consortia>[];
  consortiumMemberships: Insert<typeof schema.consortiumMemberships>[];
  boards: Insert<typeof schema.improvementBoards>[];
  providers: Insert<typeof schema.providers>[];
  users: { id: string; email: string; name: string }[];
  memberships: Insert<typeof schema.memberships>[];
  signIns: SignIn[];
  county: DemoAuthority;
};

/** The establishment type as GIAS would name it, so the demo's schools look like imported ones. */
const GIAS_TYPE_NAMES: Record<EstablishmentType, string> = {
  la_maintained: "Community school",
  academy: "Academy converter",
  free: "Free schools",
  special: "Community special school",
  nursery: "LA nursery school",
  early_years_setting: "Early years setting",
  post_16_college: "Further education",
  independent: "Other independent school",
  other: "Other",
};

/** Today's date in England, as YYYY-MM-DD. */
export const isoDate = (day: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(day);

export function addDays(isoDay: string, days: number) {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;
/** A month of the demo's sales, counted back from the seed's day. */
export const SALES_MONTH_DAYS = 30;

/**
 * How many months back the demo's sales start: from the first April of the previous financial year,
 * so that they fall in two financial years (the last and this), each sale at most 27 days into its month.
 */
export function salesMonths(today: Date) {
  const day = isoDate(today);
  const [y, m] = day.split("-").map(Number);
  const previousStart = `${(m >= 4 ? y : y - 1) - 1}-04-01`;
  return Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${previousStart}T00:00:00Z`)) / (SALES_MONTH_DAYS * DAY_MS));
}

/** The first and last day a sale of month `month` back from the seed's day can fall on. */
export function salesMonthDays(today: Date, month: number) {
  const first = new Date(today.getTime() - month * SALES_MONTH_DAYS * DAY_MS);
  return { first: isoDate(first), last: isoDate(new Date(first.getTime() + 27 * DAY_MS)) };
}

/** Consortia were set up on 30 September, two academic years before the current one. */
export function consortiaEstablishedOn(today: string) {
  const [year, month] = today.split("-").map(Number);
  const academicYear = month >= 9 ? year : year - 1;
  return `${academicYear - 2}-09-30`;
}

const parseRef = (ref: OrgRef) => ref.split(":");

export function planAuthority(spec: AuthoritySpec, today: Date): Plan {
  const rng = createRandom(seedFrom(spec.slug));
  // Inspections depend on the day (which framework applied then), so they draw from their own
  // sequence: names and URNs come out the same whatever the day.
  const inspectionRng = createRandom(seedFrom(`${spec.slug}:inspections`));
  const { scheme } = spec;
  const day = isoDate(today);
  const establishedOn = consortiaEstablishedOn(day);
  const authorityId = randomUUID();
  const organisations: Plan["organisations"] = [];
  const org = (kind: Plan["organisations"][number]["kind"], name: string) => {
    const id = randomUUID();
    organisations.push({ id, authorityId, kind, name });
    return id;
  };
  const personName = () => `${rng.pick(scheme.firstNames)} ${rng.pick(scheme.surnames)}`;

  const officeId = org("authority_office", spec.officeName);

  // Schools, consortium by consortium. Pinned names are reserved first so no generated school takes them.
  const takenNames = new Set(spec.consortia.flatMap((c) => Object.values(c.pins ?? {}).flatMap((p) => (p.name ? [p.name] : []))));
  const takenUrns = new Set<string>();
  const schools: Plan["schools"] = [];
  const inspections: Plan["inspections"] = [];
  const consortia: Plan["consortia"] = [];
  const memberships: Plan["consortiumMemberships"] = [];
  const county: DemoAuthority = {
    authorityId,
    slug: spec.slug,
    name: spec.name,
    nation: scheme.nation,
    officeId,
    consortia: [],
    schools: [],
    providers: [],
    boards: [],
    userIds: {},
  };
  /** schoolIds[consortium][position] */
  const schoolIds: string[][] = [];
  let costCentres = 0;

  spec.consortia.forEach((c) => {
    const consortiumId = org("consortium", c.name);
    consortia.push({ organisationId: consortiumId, authorityId, phase: c.phase });
    const phases = c.schools.flatMap(([phase, count]) => Array.from({ length: count }, () => phase));
    const ids: string[] = [];
    phases.forEach((phase, position) => {
      const pin = c.pins?.[position] ?? {};
      const establishmentType = pin.establishmentType ?? scheme.establishmentType(rng, phase);
      let name = pin.name;
      for (let attempt = 0; !name || (takenNames.has(name) && !pin.name); attempt++) {
        if (attempt > 500) throw new Error(`${c.name} needs more places to name its schools after`);
        // Name schools after places no school of the consortium is named after yet, while there are some.
        const places = phase === "primary" ? c.places : (c.towns ?? c.places);
        const unused = places.filter((place) => !county.schools.some((s) => s.consortiumId === consortiumId && s.name.includes(place)));
        name = scheme.schoolName(rng, phase, establishmentType, unused.length > 0 ? unused : places);
      }
      takenNames.add(name);
      let urn: string;
      do urn = scheme.urn(rng, phase, establishmentType);
      while (takenUrns.has(urn));
      takenUrns.add(urn);
      const laMaintained = establishmentType === "la_maintained" || establishmentType === "special";
      const category = pin.category ?? (position === (c.leadPosition ?? 0) ? scheme.categories[0] : scheme.category(rng));
      const numberOnRoll = scheme.numberOnRoll(rng, phase);
      const id = org("school", name);
      schools.push({
        organisationId: id,
        authorityId,
        urn,
        phase,
        establishmentType,
        laMaintained,
        numberOnRoll,
        category,
        costCentre: laMaintained ? scheme.costCentre(++costCentres) : null,
        matchFundingByInvoice: pin.matchFundingByInvoice ?? false,
        typeName: GIAS_TYPE_NAMES[establishmentType],
        postcode: postcode(rng.pick(c.postcodeDistricts), rng.int(1, 9), rng.int(0, 19), rng.int(0, 19)),
      });
      for (const inspection of scheme.inspections(inspectionRng, category, day)) inspections.push({ id: randomUUID(), schoolId: id, ...inspection });
      // Most joined when the consortia were set up; some came in over the following year.
      const joinedOn = rng.chance(0.85) ? establishedOn : addDays(establishedOn, rng.int(20, 330));
      memberships.push({ id: randomUUID(), authorityId, consortiumId, schoolId: id, joinedOn });
      ids.push(id);
      county.schools.push({ id, urn, name, phase, laMaintained, numberOnRoll, consortiumId });
    });
    schoolIds.push(ids);
    county.consortia.push({ id: consortiumId, name: c.name, phase: c.phase, schoolIds: ids });
  });

  for (const [ci, position, fromCi] of spec.moves ?? []) {
    const schoolId = schoolIds[ci][position];
    const current = memberships.find((m) => m.schoolId === schoolId)!;
    const leftOn = addDays(establishedOn, rng.int(120, 300));
    memberships.push({ id: randomUUID(), authorityId, consortiumId: county.consortia[fromCi].id, schoolId, joinedOn: establishedOn, leftOn });
    current.joinedOn = leftOn;
  }

  // Boards and providers get their organisations now, so the people can refer to them.
  const boardIds = spec.boards.map((b) => org("improvement_board", b.name));
  const providerIds = spec.providers.map((p) => org("provider", p.name));

  const resolve = (ref: OrgRef): string => {
    const [kind, a, b] = parseRef(ref);
    if (kind === "office") return officeId;
    if (kind === "consortium") return county.consortia[Number(a)].id;
    if (kind === "school") return schoolIds[Number(a)][Number(b)];
    if (kind === "board") return boardIds[Number(a)];
    return providerIds[Number(a)];
  };

  const users: Plan["users"] = [];
  const roles: Plan["memberships"] = [];
  const addUser = (email: string, name: string) => {
    const id = randomUUID();
    users.push({ id, email, name });
    county.userIds[email] = id;
    return id;
  };
  const grant = (userId: string, organisationId: string, role: Role, extra: { chair?: boolean; subjectAreas?: SubjectArea[] } = {}) =>
    roles.push({ id: randomUUID(), userId, organisationId, authorityId, role, chair: extra.chair ?? false, subjectAreas: extra.subjectAreas ?? [] });

  // The named people first, with exactly the memberships the specs give them.
  const headOf = new Map<string, string>();
  const named = new Set<string>();
  for (const u of spec.users) {
    const userId = addUser(u.email, u.name);
    named.add(userId);
    for (const m of u.memberships) {
      const organisationId = resolve(m.org);
      grant(userId, organisationId, m.role, m);
      if (m.role === "headteacher") headOf.set(organisationId, userId);
    }
  }

  // Every other school has a head.
  for (const school of county.schools) {
    if (!headOf.has(school.id)) headOf.set(school.id, addUser(`head.${school.urn}@${spec.emailDomain}`, personName()));
    if (!roles.some((r) => r.organisationId === school.id && r.role === "headteacher")) grant(headOf.get(school.id)!, school.id, "headteacher");
  }

  // Every consortium has a lead: the head of its lead school, unless a named person leads it.
  const leadOf = new Map<string, string>();
  spec.consortia.forEach((c, ci) => {
    const consortiumId = county.consortia[ci].id;
    const namedLead = roles.find((r) => r.organisationId === consortiumId && r.role === "consortium_lead");
    if (namedLead) return leadOf.set(consortiumId, namedLead.userId);
    const lead = headOf.get(schoolIds[ci][c.leadPosition ?? 0])!;
    grant(lead, consortiumId, "consortium_lead");
    leadOf.set(consortiumId, lead);
  });

  const providers: Plan["providers"] = [];
  const laAdmin = roles.find((r) => r.role === "la_admin")?.userId ?? null;
  const hostSchools = new Set<string>();
  spec.providers.forEach((p, pi) => {
    const id = providerIds[pi];
    const schoolId = p.school ? resolve(p.school) : null;
    if (schoolId) hostSchools.add(schoolId);
    const verifiedAt = p.verifiedDaysAgo === null ? null : new Date(`${addDays(day, -p.verifiedDaysAgo)}T10:00:00Z`);
    providers.push({ organisationId: id, authorityId, providerKind: p.kind, schoolId, verifiedAt, verifiedBy: verifiedAt ? laAdmin : null });
    county.providers.push({ id, name: p.name, kind: p.kind, verified: verifiedAt !== null });
    if (roles.some((r) => r.organisationId === id && r.role === "provider_admin")) return;
    // A school offering support is run by its head; anyone else by their own contact.
    const admin = schoolId ? headOf.get(schoolId)! : addUser(p.contact!.email, p.contact!.name);
    grant(admin, id, "provider_admin");
  });

  // Two lead members of each consortium sit on its board: named panel members first, then
  // the consortium's lead and other heads (never named people, or heads of schools that sell support).
  const boards: Plan["boards"] = [];
  spec.boards.forEach((b, bi) => {
    const boardId = boardIds[bi];
    boards.push({ organisationId: boardId, authorityId, phase: b.phase });
    const members = roles.filter((r) => r.organisationId === boardId && r.role === "qa_panel_member").map((r) => r.userId);
    for (const ci of b.consortia) {
      const consortium = county.consortia[ci];
      const seated = members.filter((userId) => consortium.schoolIds.some((s) => headOf.get(s) === userId)).length;
      const hostHeads = new Set([...hostSchools].map((s) => headOf.get(s)));
      const candidates = [leadOf.get(consortium.id)!, ...consortium.schoolIds.map((s) => headOf.get(s)!)];
      const chosen = [...new Set(candidates)]
        .filter((userId) => !named.has(userId) && !hostHeads.has(userId) && !members.includes(userId))
        .slice(0, Math.max(0, 2 - seated));
      for (const userId of chosen) {
        grant(userId, boardId, "qa_panel_member");
        members.push(userId);
      }
    }
    if (!roles.some((r) => r.organisationId === boardId && r.chair)) {
      const chair = members.find((userId) => !named.has(userId)) ?? members[0];
      roles.find((r) => r.organisationId === boardId && r.userId === chair)!.chair = true;
    }
    county.boards.push({ id: boardId, name: b.name, phase: b.phase, memberUserIds: members });
  });

  const orgName = new Map(organisations.map((o) => [o.id!, o.name]));
  const signIns = spec.users.map((u) => {
    const mine = roles.filter((r) => r.userId === county.userIds[u.email]);
    return {
      authority: spec.name,
      email: u.email,
      name: u.name,
      role: mine.map((r) => `${t(`role.${r.role}`)}${r.chair ? " (chair)" : ""}`).join(", "),
      organisation: [...new Set(mine.map((r) => orgName.get(r.organisationId)!))].join(", "),
    };
  });

  return {
    authority: {
      id: authorityId,
      slug: spec.slug,
      name: spec.name,
      nation: scheme.nation,
      laCode: spec.laCode,
      financialYearStartMonth: 4,
      defaultLanguage: spec.language ?? "en",
    },
    organisations,
    schools,
    inspections,
    consortia,
    consortiumMemberships: memberships,
    boards,
    providers,
    users,
    memberships: roles,
    signIns,
    county,
  };
}
