// Closing a collective purchase of 500 schools: orders, invoices, the pot's payment and the
// school charges, in one transaction. The goal is under a second, on PostgreSQL and on PGlite.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase, schema, type Database } from "#db/client";
import { fundPot } from "~/domain/funding/allocate-funding.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { closeCollectivePurchase } from "~/domain/purchasing/close-collective-purchase.server";
import { benchPostgresUrl, freshPostgres } from "./databases";

const SCHOOLS = Number(process.env.BENCH_PURCHASING_SCHOOLS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** An authority with one consortium of SCHOOLS schools (each with a head), all joined to one open purchase. */
async function buildPurchase(db: Database) {
  const {
    authorities,
    organisations,
    schools,
    consortia,
    consortiumMemberships,
    providers,
    users,
    memberships,
    offers,
    offerRevisions,
    collectivePurchases,
    pledges,
  } = schema;
  const [authority] = await db
    .insert(authorities)
    .values({ slug: `bench-${randomUUID()}`, name: "Bench County", nation: "england" })
    .returning();
  const org = (kind: "authority_office" | "consortium" | "provider", name: string) =>
    db
      .insert(organisations)
      .values({ authorityId: authority.id, kind, name })
      .returning()
      .then((rows) => rows[0]);
  await org("authority_office", "Bench County School Improvement");
  const consortium = await org("consortium", "Bench Consortium");
  await db.insert(consortia).values({ organisationId: consortium.id, authorityId: authority.id, phase: "cross_phase" });
  const provider = await org("provider", "Bench Teaching School");
  await db.insert(providers).values({ organisationId: provider.id, authorityId: authority.id, providerKind: "teaching_school", verifiedAt: new Date() });
  const [lead] = await db
    .insert(users)
    .values({ email: `lead-${randomUUID()}@bench.test`, name: "Lead" })
    .returning();

  const schoolOrgs = await db
    .insert(organisations)
    .values(Array.from({ length: SCHOOLS }, (_, i) => ({ authorityId: authority.id, kind: "school" as const, name: `Bench School ${i + 1}` })))
    .returning({ id: organisations.id });
  await db.insert(schools).values(
    schoolOrgs.map((s, i) => ({
      organisationId: s.id,
      authorityId: authority.id,
      urn: `${authority.slug.slice(6, 14)}-${i}`,
      phase: "primary" as const,
      establishmentType: i % 3 === 0 ? ("academy" as const) : ("la_maintained" as const),
      laMaintained: i % 3 !== 0,
      numberOnRoll: 90 + ((i * 37) % 600),
      costCentre: i % 3 === 0 ? null : `CC${i}`,
    })),
  );
  await db
    .insert(consortiumMemberships)
    .values(schoolOrgs.map((s) => ({ authorityId: authority.id, consortiumId: consortium.id, schoolId: s.id, joinedOn: "2025-09-01" })));
  const heads = await db
    .insert(users)
    .values(schoolOrgs.map((_, i) => ({ email: `head-${i}-${randomUUID()}@bench.test`, name: `Head ${i + 1}` })))
    .returning({ id: users.id });
  await db
    .insert(memberships)
    .values(heads.map((h, i) => ({ userId: h.id, organisationId: schoolOrgs[i].id, authorityId: authority.id, role: "headteacher" as const })));

  const [offer] = await db.insert(offers).values({ authorityId: authority.id, providerId: provider.id }).returning();
  const [revision] = await db
    .insert(offerRevisions)
    .values({
      offerId: offer.id,
      authorityId: authority.id,
      number: 1,
      status: "approved",
      title: "Mastery in Maths: teaching for mastery network",
      pricingModel: "per_school",
      priceTiers: [
        { minSchools: 1, maxSchools: 4, unitPricePence: 90_000 },
        { minSchools: 5, maxSchools: 9, unitPricePence: 75_000 },
        { minSchools: 10, maxSchools: null, unitPricePence: 60_000 },
      ],
      vatTreatment: { la_maintained: "standard", academy: "standard", other: "standard" },
    })
    .returning();
  await db
    .update(offers)
    .set({ liveRevisionId: revision.id, approvedAt: new Date(), approvalExpiresAt: new Date(Date.now() + 365 * 86_400_000) })
    .where(eq(offers.id, offer.id));
  await db.transaction((tx) =>
    fundPot(tx, {
      authorityId: authority.id,
      consortiumId: consortium.id,
      amountPence: 2_820_000,
      idempotencyKey: `bench-fund-${randomUUID()}`,
      description: "Consortium funding",
      actorUserId: null,
    }),
  );

  const [purchase] = await db
    .insert(collectivePurchases)
    .values({
      authorityId: authority.id,
      consortiumId: consortium.id,
      offerId: offer.id,
      revisionId: revision.id,
      openedBy: lead.id,
      closesAt: new Date(Date.now() - 1000),
      minSchools: 5,
      potPercentBps: 1_000,
      potCapPence: 2_000_000,
      shareMethod: "per_pupil",
    })
    .returning();
  await db.insert(pledges).values(
    schoolOrgs.map((s, i) => ({
      authorityId: authority.id,
      collectivePurchaseId: purchase.id,
      schoolId: s.id,
      status: "joined" as const,
      delegates: 1 + (i % 3),
      poNumber: `PO-${i}`,
      paymentRoute: "invoice" as const,
      pledgedBy: heads[i].id,
    })),
  );
  return { authorityId: authority.id, purchaseId: purchase.id };
}

async function measure(label: string, db: Database) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { authorityId, purchaseId } = await buildPurchase(db);
    const started = performance.now();
    const result = await closeCollectivePurchase(db, { actor: null, authorityId, collectivePurchaseId: purchaseId, appUrl: "http://localhost:3000" });
    times.push(performance.now() - started);
    if (result.status !== "confirmed") throw new Error(`The bench purchase did not confirm: ${result.status}`);
    const replay = performance.now();
    await closeCollectivePurchase(db, { actor: null, authorityId, collectivePurchaseId: purchaseId, appUrl: "http://localhost:3000" });
    if (round === ROUNDS - 1) console.log(`  closing it again (a replay): ${(performance.now() - replay).toFixed(0)} ms`);
    if ((await trialBalance(db, authorityId)) !== 0 || (await checkLedger(db, authorityId)).length > 0)
      throw new Error("The ledger does not balance after the close");
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `  ${label}: closing a collective purchase of ${SCHOOLS} schools took ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")} (median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms; goal under 1000 ms)`,
  );
}

async function onPostgres() {
  const fresh = await freshPostgres(benchPostgresUrl(), "purchasing_bench");
  const handle = await openDatabase({ kind: "postgres", url: fresh.url, max: 4 });
  try {
    await handle.migrate();
    console.log(`PostgreSQL (${fresh.host}):`);
    await measure("PostgreSQL", handle.db);
  } finally {
    await handle.close();
    await fresh.drop();
  }
}

async function onPglite() {
  const handle = await openDatabase({ kind: "pglite" });
  try {
    await handle.migrate();
    console.log("PGlite (embedded):");
    await measure("PGlite", handle.db);
  } finally {
    await handle.close();
  }
}

export async function run() {
  await onPostgres();
  await onPglite();
}
