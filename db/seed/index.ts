// The demo county: seeded only in demo mode, on an empty database (see docs/decisions/0004).
import { inArray } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import type { Database, Tx } from "../client";
import { schema } from "../client";
import { arden } from "./arden";
import { glanTeifi } from "./glan-teifi";
import { seedDemoFunding } from "./funding";
import { seedDemoDelivery } from "./delivery";
import { seedDemoOffers } from "./offers";
import { settingsStep } from "./settings";
import { seedDemoReadiness } from "./readiness";
import { seedDemoRecords } from "./records";
import { seedDemoSales } from "./sales";
import { isoDate, planAuthority, type DemoAuthority, type Plan, type SignIn } from "./plan";

export type { DemoAuthority, SignIn } from "./plan";

/** What the seed created, handed to every later step: Arden at the top level, Glan Teifi beside it. */
export type DemoCounty = DemoAuthority & {
  /** The day the demo is seeded for; every demo date is relative to it. */
  today: Date;
  wales: DemoAuthority;
  authorities: DemoAuthority[];
};

/** A later part of the demo (offers, ledger, purchases...), run in the seed's transaction. */
export type DemoStep = (tx: Tx, county: DemoCounty) => Promise<void>;

/** Each school's categorisation, adviser and the consortia's leads: what the funding formula reads. */
export const recordsStep: DemoStep = async (tx, county) => {
  for (const authority of county.authorities) await seedDemoRecords(tx, authority, county.today);
};

/** Split rules, each consortium's memorandum of understanding, and the year's funding applied by formula, in both authorities. */
export const fundingStep: DemoStep = async (tx, county) => {
  for (const authority of county.authorities) await seedDemoFunding(tx, authority, county.today);
};

/**
 * The steps after the county itself, in order. Other areas add theirs here, e.g.
 * `(tx, county) => seedDemoOffers(tx, county.authorityId, county.today)`.
 */
export const demoSteps: DemoStep[] = [
  recordsStep,
  fundingStep,
  // About forty quality-assured offers per authority, and a few on their way through QA.
  async (tx, county) => {
    for (const authority of county.authorities) await seedDemoOffers(tx, authority.authorityId, county.today);
  },
  // A few early years settings and post-16 providers in each authority, in consortia.
  settingsStep,
  // Each consortium's readiness reviews, two for every other one.
  seedDemoReadiness,
  // Delivered orders in Arden with sessions, attendance, evaluations and a follow-up.
  seedDemoDelivery,
  // Two financial years of purchases, for the reports.
  async (tx, county) => {
    for (const authority of county.authorities) await seedDemoSales(tx, authority.authorityId, county.today);
  },
];

export type SeedOptions = { password: string; today: Date; steps?: readonly DemoStep[] };

/** Nothing has been set up yet: no authority and no user. */
export async function isDatabaseEmpty(db: Database | Tx) {
  const [authority] = await db.select({ id: schema.authorities.id }).from(schema.authorities).limit(1);
  const [user] = await db.select({ id: schema.users.id }).from(schema.users).limit(1);
  return !authority && !user;
}

/** Seeds both demo authorities in one transaction and returns the named sign-ins. */
export async function seedDemo(db: Database, { password, today, steps = demoSteps }: SeedOptions): Promise<SignIn[]> {
  // One hash for every demo user: argon2id is slow on purpose.
  const passwordHash = await hashPassword(password);
  const plans = [planAuthority(arden, today), planAuthority(glanTeifi, today)];
  await db.transaction(async (tx) => {
    for (const plan of plans) await writePlan(tx, plan, passwordHash, today);
    const [england, wales] = plans.map((p) => p.county);
    const county: DemoCounty = { ...england, today, wales, authorities: [england, wales] };
    for (const step of steps) await step(tx, county);
  });
  return plans.flatMap((p) => p.signIns);
}

/** A few bulk inserts per table, in the order the foreign keys need. */
async function writePlan(tx: Tx, plan: Plan, passwordHash: string, today: Date) {
  await tx.insert(schema.authorities).values(plan.authority);
  await tx.insert(schema.organisations).values(plan.organisations);
  await tx.insert(schema.schools).values(plan.schools);
  await tx.insert(schema.inspections).values(plan.inspections);
  await tx.insert(schema.consortia).values(plan.consortia);
  await tx.insert(schema.consortiumMemberships).values(plan.consortiumMemberships);
  await tx.insert(schema.improvementBoards).values(plan.boards);
  await tx.insert(schema.providers).values(plan.providers);
  await tx.insert(schema.users).values(plan.users.map((u) => ({ ...u, passwordHash })));
  await tx.insert(schema.memberships).values(plan.memberships);
  // One audit entry for the whole authority, not one per row.
  await tx.insert(schema.auditLog).values({
    authorityId: plan.county.authorityId,
    actorUserId: null,
    action: "seed",
    entityType: "authority",
    entityId: plan.county.authorityId,
    after: {
      demo: true,
      today: isoDate(today),
      organisations: plan.organisations.length,
      schools: plan.schools.length,
      consortia: plan.consortia.length,
      providers: plan.providers.length,
      users: plan.users.length,
      memberships: plan.memberships.length,
    },
  });
}

/** The named sign-ins already in the database (after a restart of a seeded demo). */
export async function existingSignIns(db: Database, today: Date): Promise<SignIn[]> {
  const named = [planAuthority(arden, today), planAuthority(glanTeifi, today)].flatMap((p) => p.signIns);
  const rows = await db
    .select({ email: schema.users.email })
    .from(schema.users)
    .where(
      inArray(
        schema.users.email,
        named.map((s) => s.email),
      ),
    );
  const present = new Set(rows.map((r) => r.email));
  return named.filter((s) => present.has(s.email));
}
