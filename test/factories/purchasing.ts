import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { loadMemberships } from "~/auth/user.server";
import { schema, type BuyerType, type PaymentRoute, type PriceTier, type PricingModel, type ProviderKind, type VatTreatment } from "~/db.server";
import { fundPot } from "~/domain/funding/allocate-funding.server";
import type { Actor } from "~/domain/actor";
import { placeOrder } from "~/domain/purchasing/place-order.server";
import { recordPayment } from "~/domain/purchasing/record-payment.server";
import { addToConsortium, createConsortium, nextKey } from "./ledger";
import { createAuthority, createMember, createOrganisation, createProvider, createSchool } from "./tenancy";

export const TIERS: PriceTier[] = [
  { minSchools: 1, maxSchools: 4, unitPricePence: 90_000 },
  { minSchools: 5, maxSchools: 9, unitPricePence: 75_000 },
  { minSchools: 10, maxSchools: null, unitPricePence: 60_000 },
];

const ALL_STANDARD: Record<BuyerType, VatTreatment> = { la_maintained: "standard", academy: "standard", other: "standard" };

/** An offer of the provider with an approved live revision, on sale for a year from `now`. */
export async function createOfferOnSale(
  db: Database,
  {
    authorityId,
    providerId,
    tiers = TIERS,
    pricingModel = "per_school",
    vatTreatment = ALL_STANDARD,
    title = "Talk for Writing: whole-school training",
    cancellationNoticeDays = 14,
    now = new Date(),
  }: {
    authorityId: string;
    providerId: string;
    tiers?: PriceTier[];
    pricingModel?: PricingModel;
    vatTreatment?: Record<BuyerType, VatTreatment>;
    title?: string;
    cancellationNoticeDays?: number;
    now?: Date;
  },
) {
  const [offer] = await db.insert(schema.offers).values({ authorityId, providerId }).returning();
  const [revision] = await db
    .insert(schema.offerRevisions)
    .values({
      offerId: offer.id,
      authorityId,
      number: 1,
      status: "approved",
      title,
      pricingModel,
      priceTiers: tiers,
      fromPricePence: tiers[0]?.unitPricePence,
      vatTreatment,
      cancellationNoticeDays,
    })
    .returning();
  await db
    .update(schema.offers)
    .set({ liveRevisionId: revision.id, latestRevisionId: revision.id, approvedAt: now, approvalExpiresAt: new Date(now.getTime() + 365 * 86_400_000) })
    .where(eq(schema.offers.id, offer.id));
  return { ...offer, liveRevisionId: revision.id, revision };
}

/** The memberships a user acts with in an authority, as the routes see them. */
export async function actorFor(db: Database, user: { id: string; name: string }, authorityId: string): Promise<Actor & { name: string }> {
  const memberships = await loadMemberships(db, user.id);
  return { id: user.id, name: user.name, grants: memberships.filter((m) => m.authorityId === authorityId) };
}

type WorldOptions = {
  schools?: number;
  providerKind?: ProviderKind;
  tiers?: PriceTier[];
  pricingModel?: PricingModel;
  potPence?: number;
  pupils?: (i: number) => number;
  academyEvery?: number;
  vatTreatment?: Record<BuyerType, VatTreatment>;
};

/**
 * An authority with its office, a finance officer, a funded consortium of schools (each with a
 * headteacher), its lead, a provider and an offer of it on sale.
 */
export async function createPurchasingWorld(db: Database, options: WorldOptions = {}) {
  const { schools: count = 5, providerKind = "teaching_school", potPence = 2_420_000, pupils = () => 210, academyEvery = 0 } = options;
  const authority = await createAuthority(db);
  const office = await createOrganisation(db, authority.id, "authority_office", `${authority.name} School Improvement`);
  const finance = await createMember(db, office, "la_finance");
  const consortium = await createConsortium(db, authority.id);
  const lead = await createMember(db, consortium, "consortium_lead");
  const provider = await createProvider(db, authority.id, { kind: providerKind, verified: false });
  const providerAdmin = await createMember(db, provider, "provider_admin");
  const members: { school: { id: string; name: string; authorityId: string }; head: Awaited<ReturnType<typeof createMember>> }[] = [];
  for (let i = 0; i < count; i++) {
    const academy = academyEvery > 0 && i % academyEvery === academyEvery - 1;
    const { organisation } = await createSchool(db, authority.id, {
      numberOnRoll: pupils(i),
      establishmentType: academy ? "academy" : "la_maintained",
      laMaintained: !academy,
      costCentre: academy ? null : `CC${1000 + i}`,
    });
    await addToConsortium(db, { authorityId: authority.id, consortiumId: consortium.id, schoolId: organisation.id });
    members.push({ school: organisation, head: await createMember(db, organisation, "headteacher") });
  }
  if (potPence > 0) {
    await db.transaction((tx) =>
      fundPot(tx, {
        authorityId: authority.id,
        consortiumId: consortium.id,
        amountPence: potPence,
        idempotencyKey: nextKey("fund"),
        description: "Consortium funding",
        actorUserId: null,
      }),
    );
  }
  const offer = await createOfferOnSale(db, {
    authorityId: authority.id,
    providerId: provider.id,
    tiers: options.tiers,
    pricingModel: options.pricingModel,
    vatTreatment: options.vatTreatment,
  });
  return { authority, office, finance, consortium, lead, provider, providerAdmin, members, offer };
}
export type PurchasingWorld = Awaited<ReturnType<typeof createPurchasingWorld>>;

export type SchoolBuysOptions = {
  paymentRoute?: PaymentRoute;
  /** The form's key: a replayed form sends the same one. A new key unless told. */
  idempotencyKey?: string;
  poNumber?: string | null;
  delegates?: number;
  now?: Date;
};

/** A school's head buys the world's offer on its own: one delegate, no purchase order number, by invoice unless told. */
export async function schoolBuys(
  db: Database,
  world: Pick<PurchasingWorld, "authority" | "offer">,
  member: { school: { id: string }; head: { id: string; name: string } },
  { paymentRoute = "invoice", idempotencyKey = nextKey("order"), poNumber = null, delegates = 1, now }: SchoolBuysOptions = {},
) {
  return placeOrder(db, {
    appUrl: "http://localhost:3000",
    actor: await actorFor(db, member.head, world.authority.id),
    authorityId: world.authority.id,
    schoolId: member.school.id,
    offerId: world.offer.id,
    delegates,
    poNumber,
    paymentRoute,
    idempotencyKey,
    now,
  });
}

export type FinancePaymentOptions = {
  /** The whole invoice unless told. */
  amountPence?: number;
  bankReference?: string;
  receivedOn: string;
  idempotencyKey: string;
  now?: Date;
};

/** The world's finance officer records a payment into the bank against an invoice: all of it, by BACS, unless told. */
export async function financeRecordsPayment(
  db: Database,
  world: Pick<PurchasingWorld, "authority" | "finance">,
  invoice: { id: string; grossPence: number },
  { amountPence = invoice.grossPence, bankReference = "BACS", receivedOn, idempotencyKey, now }: FinancePaymentOptions,
) {
  return recordPayment(db, {
    actor: await actorFor(db, world.finance, world.authority.id),
    authorityId: world.authority.id,
    invoiceId: invoice.id,
    amountPence,
    bankReference,
    receivedOn,
    idempotencyKey,
    now,
  });
}
