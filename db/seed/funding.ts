// The demo county's funding for the last financial year and this one: each consortium's memorandum
// of understanding published and signed (by every head last year, by most this year), then a formula
// applied, each signed school's match funding raised as an invoice or a recharge line, Warwickshire-like in
// Arden (chair and consortium by size, differentiated funding for categories 3A to 4, schools'
// match funding) and Walsall-like in Glan Teifi (a council sum shared per pupil, amber and red
// schools' support, match funding).
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { applyFormula } from "~/domain/funding/apply-formula.server";
import { createFormula } from "~/domain/funding/create-formula.server";
import { financialYearDays, financialYearOf, type FormulaPart } from "~/domain/funding/rules";
import { publishMou } from "~/domain/mou/publish-mou.server";
import { createDefaultSplitRules } from "~/domain/ledger/split-rules.server";
import { audit } from "~/domain/audit.server";
import type { Tx } from "../client";
import { schema } from "../client";
import { isoDate, type DemoAuthority } from "./plan";
import { idsOf } from "~/domain/ids";

const ARDEN: FormulaPart[] = [
  { kind: "size_band", label: "Consortium chair", fromSchools: 15, belowPence: 600_000, fromPence: 1_200_000 },
  { kind: "size_band", label: "Consortium funding", fromSchools: 15, belowPence: 2_420_000, fromPence: 2_820_000 },
  ...(["3A", "3B", "3C", "3D"] as const).map(
    (category): FormulaPart => ({
      kind: "category",
      label: `Category ${category} support`,
      category,
      ratePence: 1_500,
    }),
  ),
  { kind: "category", label: "Category 4 support", category: "4", ratePence: 3_000 },
  { kind: "match", label: "School match funding", ratePence: 500 },
];

const GLAN_TEIFI: FormulaPart[] = [
  { kind: "per_pupil", label: "Council investment", phase: "all", basis: "total", amountPence: 25_000_000 },
  { kind: "category", label: "Amber support", category: "amber", ratePence: 1_000 },
  { kind: "category", label: "Red support", category: "red", ratePence: 2_500 },
  { kind: "match", label: "School match funding", ratePence: 500 },
];

export const MOU_TEXT = (consortium: string, year: string) =>
  [
    `This memorandum is between the council and the schools of ${consortium} for the financial year ${year}.`,
    "The council provides the initial investment and makes sure the consortium's money gives value, with support for finance, legal, procurement and administration.",
    "The schools commission support together to meet their priorities, decided by the heads of the consortium's schools.",
    "Each school that signs puts in match funding at the amount per pupil the authority's formula sets for the year, by internal recharge or by invoice.",
    "The consortium keeps a record of what it spends for audit, reports each term on the use of the funds and their impact, and reviews this memorandum every year.",
  ].join("\n\n");

/** The same memorandum in Welsh, as a Welsh authority publishes it beside the English. */
export const MOU_TEXT_CY = (consortium: string, year: string) =>
  [
    `Mae'r memorandwm hwn rhwng y cyngor ac ysgolion ${consortium} ar gyfer blwyddyn ariannol ${year}.`,
    "Mae'r cyngor yn darparu'r buddsoddiad cychwynnol ac yn sicrhau bod arian y consortiwm yn rhoi gwerth, gyda chymorth ar gyfer cyllid, materion cyfreithiol, caffael a gweinyddu.",
    "Mae'r ysgolion yn comisiynu cymorth gyda'i gilydd i ddiwallu eu blaenoriaethau, fel y'u pennir gan benaethiaid ysgolion y consortiwm.",
    "Mae pob ysgol sy'n llofnodi yn cyfrannu arian cyfatebol ar y swm fesul disgybl a osodir gan fformiwla'r awdurdod ar gyfer y flwyddyn, drwy ailgodi tâl mewnol neu drwy anfoneb.",
    "Mae'r consortiwm yn cadw cofnod o'r hyn y mae'n ei wario at ddibenion archwilio, yn adrodd bob tymor ar y defnydd o'r arian a'i effaith, ac yn adolygu'r memorandwm hwn bob blwyddyn.",
  ].join("\n\n");

/** The authority's administrator, acting in the seed as they would in the app. */
function adminOf(authority: DemoAuthority): Actor {
  const email = Object.keys(authority.userIds).find((e) => e.startsWith("la.admin@"))!;
  return { id: authority.userIds[email], grants: [{ organisationId: authority.officeId, authorityId: authority.authorityId, role: "la_admin" }] };
}

export async function seedDemoFunding(tx: Tx, authority: DemoAuthority, today: Date) {
  const { authorityId } = authority;
  await createDefaultSplitRules(tx, authorityId);
  const year = financialYearOf(isoDate(today));
  const lastYear = financialYearOf(`${Number(year.slice(0, 4)) - 1}-04-01`);
  const admin = adminOf(authority);

  const heads = await tx
    .select({ schoolId: schema.memberships.organisationId, userId: schema.memberships.userId, name: schema.users.name, email: schema.users.email })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(inArray(schema.memberships.organisationId, idsOf(authority.schools)), eq(schema.memberships.role, "headteacher")))
    .orderBy(schema.users.email);
  const headOf = new Map<string, { userId: string; name: string; email: string }>();
  for (const h of heads) if (!headOf.has(h.schoolId)) headOf.set(h.schoolId, h);
  const demoHeadSchools = new Set(heads.filter((h) => h.email.startsWith("head@")).map((h) => h.schoolId));

  // Last year every head signed, the named demo head too, and the formula was applied in April:
  // each school's match funding was invoiced or recharged then.
  await fundYear(tx, authority, admin, { year: lastYear, headOf, signs: () => true, appliedAt: new Date(`${financialYearDays(lastYear).start}T09:00:00Z`) });
  // This year one school in eight has not signed yet, and neither has the named demo head's.
  await fundYear(tx, authority, admin, { year, headOf, signs: (id, i) => i % 8 !== 5 && !demoHeadSchools.has(id), appliedAt: today });
}

/** A year's memoranda published and signed in April, then the year's formula applied on `appliedAt`. */
async function fundYear(
  tx: Tx,
  authority: DemoAuthority,
  admin: Actor,
  {
    year,
    headOf,
    signs,
    appliedAt,
  }: { year: string; headOf: Map<string, { userId: string; name: string }>; signs: (schoolId: string, position: number) => boolean; appliedAt: Date },
) {
  const { authorityId } = authority;
  const signedOn = financialYearDays(year).start;
  for (const consortium of authority.consortia) {
    const mou = await publishMou(tx, {
      actor: admin,
      authorityId,
      consortiumId: consortium.id,
      financialYear: year,
      title: `${consortium.name}: memorandum of understanding ${year}`,
      body: MOU_TEXT(consortium.name, year),
      ...(authority.nation === "wales"
        ? { titleCy: `${consortium.name}: memorandwm cyd-ddealltwriaeth ${year}`, bodyCy: MOU_TEXT_CY(consortium.name, year) }
        : {}),
    });
    const signers = consortium.schoolIds.filter((id, i) => signs(id, i) && headOf.has(id));
    if (signers.length) {
      await tx.insert(schema.mouSignatures).values(
        signers.map((schoolId) => ({
          authorityId,
          mouId: mou.id,
          schoolId,
          signedBy: headOf.get(schoolId)!.userId,
          signerName: headOf.get(schoolId)!.name,
          signedOn,
        })),
      );
    }
  }

  // One audit entry for the seeded signatures, as the seed writes one for the whole authority.
  await audit(tx, {
    authorityId,
    actorUserId: null,
    action: "seed.mou_signatures",
    entityType: "authority",
    entityId: authorityId,
    after: { financialYear: year, signedOn },
  });

  const formula = await createFormula(tx, { actor: admin, authorityId, financialYear: year, parts: authority.nation === "england" ? ARDEN : GLAN_TEIFI });
  await applyFormula(tx, { actor: admin, authorityId, formulaId: formula.id, now: appliedAt });
}
