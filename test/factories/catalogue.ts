import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { schema } from "~/db.server";

const DAY = 24 * 60 * 60 * 1000;

type RevisionFields = Partial<Omit<typeof schema.offerRevisions.$inferInsert, "id" | "offerId" | "authorityId" | "number" | "searchVector">>;

export type CreateOfferOptions = {
  authorityId: string;
  providerId: string;
  revision?: RevisionFields;
  /** An approved revision on sale (the default), or only a draft. */
  live?: boolean;
  approvedAt?: Date;
  approvalExpiresAt?: Date;
  suspendedAt?: Date | null;
  commissionedAt?: Date | null;
};

/** An offer with one revision: by default approved, live and on sale for a year from 30 days ago. */
export async function createOffer(
  db: Database,
  {
    authorityId,
    providerId,
    revision = {},
    live = true,
    approvedAt = new Date(Date.now() - 30 * DAY),
    approvalExpiresAt,
    suspendedAt = null,
    commissionedAt = null,
  }: CreateOfferOptions,
) {
  const [offer] = await db.insert(schema.offers).values({ authorityId, providerId, suspendedAt, commissionedAt }).returning();
  const tiers = revision.priceTiers ?? [
    { minSchools: 1, maxSchools: 4, unitPricePence: 90_000 },
    { minSchools: 5, maxSchools: 9, unitPricePence: 75_000 },
    { minSchools: 10, maxSchools: null, unitPricePence: 60_000 },
  ];
  const [rev] = await db
    .insert(schema.offerRevisions)
    .values({
      offerId: offer.id,
      authorityId,
      number: 1,
      status: live ? "approved" : "draft",
      title: "Support for schools",
      summary: "A programme of support.",
      description: "Sessions for staff.",
      subjectAreas: ["literacy"],
      phases: ["primary"],
      deliveryFormat: "in_school",
      pricingModel: "per_school",
      priceTiers: tiers,
      fromPricePence: tiers[0]?.unitPricePence ?? null,
      vatTreatment: { la_maintained: "outside_scope", academy: "standard", other: "standard" },
      evidenceStrength: "moderate",
      terms: ["autumn"],
      decidedAt: live ? approvedAt : null,
      ...revision,
    })
    .returning();
  const [updated] = await db
    .update(schema.offers)
    .set({
      latestRevisionId: rev.id,
      liveRevisionId: live ? rev.id : null,
      approvedAt: live ? approvedAt : null,
      approvalExpiresAt: live ? (approvalExpiresAt ?? new Date(approvedAt.getTime() + 365 * DAY)) : null,
    })
    .where(eq(schema.offers.id, offer.id))
    .returning();
  return { offer: updated, revision: rev };
}
