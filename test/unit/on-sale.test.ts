// What is on sale is one rule read two ways: a test of an offer in hand and a condition for queries.
import fc from "fast-check";
import { and, gt, isNotNull, isNull } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { offers } from "#db/schema";
import { isOnSale, ON_SALE } from "~/domain/catalogue/on-sale";
import { onSaleCondition } from "~/domain/catalogue/on-sale.server";

const dialect = new PgDialect();
const text = (condition: ReturnType<typeof onSaleCondition>) => dialect.sqlToQuery(condition);

describe("what is on sale", () => {
  it("asks the database for a live revision, an approval not yet expired and no suspension", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(text(onSaleCondition(now))).toEqual(text(and(isNotNull(offers.liveRevisionId), gt(offers.approvalExpiresAt, now), isNull(offers.suspendedAt))!));
  });

  it("reads an offer in hand by the same clauses", () => {
    expect(ON_SALE.map(([column]) => column)).toEqual(["liveRevisionId", "approvalExpiresAt", "suspendedAt"]);
    const moment = fc.option(fc.date({ min: new Date("2025-01-01"), max: new Date("2028-01-01"), noInvalidDate: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.option(fc.uuid(), { nil: null }),
        moment,
        moment,
        fc.date({ min: new Date("2025-01-01"), max: new Date("2028-01-01"), noInvalidDate: true }),
        (liveRevisionId, approvalExpiresAt, suspendedAt, now) => {
          const expected = liveRevisionId !== null && approvalExpiresAt !== null && approvalExpiresAt.getTime() > now.getTime() && suspendedAt === null;
          expect(isOnSale({ liveRevisionId, approvalExpiresAt, suspendedAt }, now)).toBe(expected);
        },
      ),
    );
  });
});
