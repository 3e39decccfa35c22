import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { OFFER_TEMPLATES } from "#db/seed/offers";
import { seedDemo } from "#db/seed/index";
import { schema } from "~/db.server";
import { onSaleCondition } from "~/domain/catalogue/on-sale.server";
import { submissionErrors, revisionFields } from "~/domain/catalogue/offer-schema";
import { canReview, hasQuorum } from "~/domain/quality/offer-workflow";
import { useTestDatabase } from "../factories/database";
import { authorityIdBySlug } from "../setup/demo-authorities";

const TODAY = new Date("2026-03-16T09:00:00Z");

describe("the demo offers", () => {
  const db = useTestDatabase();
  let ardenId: string;
  beforeAll(async () => {
    await seedDemo(db(), { password: "a-demo-password-for-tests", today: TODAY });
    ardenId = await authorityIdBySlug(db(), "arden");
  });

  it("puts about forty complete, quality-assured offers on sale, each with two reviews free of conflicts", async () => {
    const onSale = await db()
      .select({ offer: schema.offers, revision: schema.offerRevisions, schoolId: schema.providers.schoolId })
      .from(schema.offers)
      .innerJoin(schema.offerRevisions, eq(schema.offerRevisions.id, schema.offers.liveRevisionId))
      .innerJoin(schema.providers, eq(schema.providers.organisationId, schema.offers.providerId))
      .where(and(eq(schema.offers.authorityId, ardenId), onSaleCondition(TODAY)));
    expect(onSale).toHaveLength(OFFER_TEMPLATES.length);
    expect(OFFER_TEMPLATES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(onSale.map((o) => o.offer.providerId)).size).toBeGreaterThanOrEqual(6);
    const dataPack = onSale.find((o) => o.revision.title === "Bespoke school data pack")!;
    expect(dataPack.revision.fromPricePence).toBe(65000);
    const reviews = await db()
      .select()
      .from(schema.qaReviews)
      .where(
        inArray(
          schema.qaReviews.revisionId,
          onSale.map((o) => o.revision.id),
        ),
      );
    const memberships = await db().select().from(schema.memberships).where(eq(schema.memberships.authorityId, ardenId));
    for (const { offer, revision, schoolId } of onSale) {
      expect(submissionErrors(revisionFields(revision)), revision.title).toEqual({});
      expect(revision.status).toBe("approved");
      expect(offer.approvedAt!.getTime()).toBeLessThan(TODAY.getTime());
      const mine = reviews.filter((r) => r.revisionId === revision.id);
      expect(hasQuorum(mine)).toBe(true);
      for (const r of mine)
        expect(
          canReview({ memberships: memberships.filter((m) => m.userId === r.reviewerId), offer: { providerId: offer.providerId, providerSchoolId: schoolId } }),
        ).toBe(true);
    }
  });

  it("gives the panel a queue from the named providers, and the Welsh authority its own offers", async () => {
    const pending = await db()
      .select({ status: schema.offerRevisions.status, email: schema.users.email })
      .from(schema.offerRevisions)
      .innerJoin(schema.offers, eq(schema.offers.id, schema.offerRevisions.offerId))
      .innerJoin(schema.memberships, and(eq(schema.memberships.organisationId, schema.offers.providerId), eq(schema.memberships.role, "provider_admin")))
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(and(eq(schema.offerRevisions.authorityId, ardenId), inArray(schema.offerRevisions.status, ["draft", "submitted", "changes_requested"])));
    expect(pending.map((p) => `${p.email} ${p.status}`).sort()).toEqual([
      "provider@arden.demo draft",
      "provider@arden.demo submitted",
      "teaching.school@arden.demo changes_requested",
      "teaching.school@arden.demo submitted",
    ]);
    const walesId = await authorityIdBySlug(db(), "glan-teifi");
    expect(
      (
        await db()
          .select()
          .from(schema.offers)
          .where(and(eq(schema.offers.authorityId, walesId), onSaleCondition(TODAY)))
      ).length,
    ).toBe(OFFER_TEMPLATES.length);
  });
});
