import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../setup/property-runs";
import { runInLocale } from "~/i18n/request-locale.server";
import {
  addEvaluation,
  averageRating,
  confirmationRefusal,
  deliveryRefusal,
  dueForReminder,
  evaluationRefusal,
  isBelowThreshold,
  londonInstant,
  mayNameAnother,
  overallPoint,
  parseTime,
  promotions,
  ratingDistribution,
  ratingLabel,
  statusOnRequest,
  triggersReReview,
  waitingList,
  type PlaceForList,
  type Scores,
} from "~/domain/delivery/rules";

const score = fc.integer({ min: 1, max: 4 });
const scores = fc.record({ quality: score, impact: score, valueForMoney: score });
const settings = fc.record({ thresholdHundredths: fc.integer({ min: 100, max: 400 }), minEvaluations: fc.integer({ min: 1, max: 10 }) });
const totalsOf = (list: Scores[]) => list.reduce(addEvaluation, { evaluations: 0, scoreSum: 0 });

describe("an offer's rating", () => {
  it("averages quality, impact and value for money over every evaluation", () => {
    const totals = totalsOf([
      { quality: 4, impact: 3, valueForMoney: 2 },
      { quality: 2, impact: 2, valueForMoney: 2 },
    ]);
    expect(totals).toEqual({ evaluations: 2, scoreSum: 15 });
    expect(averageRating(totals)).toBe(2.5);
    expect(ratingLabel(totals)).toBe("2.5");
    expect(averageRating({ evaluations: 0, scoreSum: 0 })).toBeNull();
  });

  it("stays between 1 and 4, and its distribution counts every evaluation once", () => {
    fc.assert(
      fc.property(fc.array(scores, { minLength: 1, maxLength: 50 }), (list) => {
        const average = averageRating(totalsOf(list))!;
        expect(average).toBeGreaterThanOrEqual(1);
        expect(average).toBeLessThanOrEqual(4);
        const distribution = ratingDistribution(list);
        expect(distribution.map((d) => d.point)).toEqual([4, 3, 2, 1]);
        expect(distribution.reduce((sum, d) => sum + d.count, 0)).toBe(list.length);
      }),
    );
  });

  it("puts an evaluation on its nearest whole point, halves up", () => {
    expect(overallPoint({ quality: 4, impact: 4, valueForMoney: 4 })).toBe(4);
    expect(overallPoint({ quality: 3, impact: 3, valueForMoney: 2 })).toBe(3); // 2.67
    expect(overallPoint({ quality: 3, impact: 2, valueForMoney: 2 })).toBe(2); // 2.33
    expect(overallPoint({ quality: 1, impact: 1, valueForMoney: 1 })).toBe(1);
    fc.assert(
      fc.property(scores, (s) => {
        expect(Math.abs(overallPoint(s) - (s.quality + s.impact + s.valueForMoney) / 3)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe("the re-review threshold", () => {
  it("is under 2.5 from 3 or more evaluations by default, and exactly 2.5 is not under it", () => {
    const line = { thresholdHundredths: 250, minEvaluations: 3 };
    const poor = { quality: 2, impact: 2, valueForMoney: 2 };
    expect(isBelowThreshold(totalsOf([poor, poor]), line)).toBe(false);
    expect(isBelowThreshold(totalsOf([poor, poor, poor]), line)).toBe(true);
    // 2.5 exactly: 22.5 / 9 points.
    expect(isBelowThreshold({ evaluations: 2, scoreSum: 15 }, { thresholdHundredths: 250, minEvaluations: 2 })).toBe(false);
  });

  it("agrees with the average, for every set of evaluations and every line", () => {
    fc.assert(
      fc.property(fc.array(scores, { maxLength: 30 }), settings, (list, line) => {
        const totals = totalsOf(list);
        const average = averageRating(totals);
        const expected = list.length >= line.minEvaluations && average !== null && average * 100 < line.thresholdHundredths - 1e-9;
        // The integer rule and the real average agree except where the average sits on the line.
        if (average === null || Math.abs(average * 100 - line.thresholdHundredths) > 1e-6) expect(isBelowThreshold(totals, line)).toBe(expected);
      }),
    );
  });

  it("sends an offer back once per approval", () => {
    const totals = { evaluations: 3, scoreSum: 18 };
    const line = { thresholdHundredths: 250, minEvaluations: 3 };
    const approvedAt = new Date("2026-01-01T00:00:00Z");
    expect(triggersReReview({ totals, settings: line, reReviewRequestedAt: null, approvedAt })).toBe(true);
    expect(triggersReReview({ totals, settings: line, reReviewRequestedAt: new Date("2026-02-01T00:00:00Z"), approvedAt })).toBe(false);
    expect(triggersReReview({ totals, settings: line, reReviewRequestedAt: new Date("2025-12-01T00:00:00Z"), approvedAt })).toBe(true);
    expect(triggersReReview({ totals: { evaluations: 3, scoreSum: 27 }, settings: line, reReviewRequestedAt: null, approvedAt })).toBe(false);
  });

  it("never triggers above the line or below the minimum count", () => {
    fc.assert(
      fc.property(fc.array(scores, { maxLength: 20 }), settings, fc.option(fc.date({ noInvalidDate: true })), (list, line, requested) => {
        const totals = totalsOf(list);
        const fires = triggersReReview({ totals, settings: line, reReviewRequestedAt: requested, approvedAt: null });
        if (fires) {
          expect(totals.evaluations).toBeGreaterThanOrEqual(line.minEvaluations);
          expect(100 * totals.scoreSum).toBeLessThan(3 * totals.evaluations * line.thresholdHundredths);
          expect(requested).toBeNull();
        }
      }),
    );
  });
});

const place = (id: string, status: PlaceForList["status"], minute: number): PlaceForList => ({
  id,
  status,
  requestedAt: new Date(Date.UTC(2026, 0, 1, 9, minute)),
});

describe("the waiting list", () => {
  it("books while there is room and then waits", () => {
    expect(statusOnRequest({ capacity: 2, booked: 1 })).toBe("booked");
    expect(statusOnRequest({ capacity: 2, booked: 2 })).toBe("waiting");
  });

  it("offers a freed place to whoever asked first", () => {
    const places = [place("a", "booked", 0), place("c", "waiting", 5), place("b", "waiting", 3), place("d", "cancelled", 1)];
    expect(waitingList(places).map((p) => p.id)).toEqual(["b", "c"]);
    expect(promotions({ capacity: 2, places }).map((p) => p.id)).toEqual(["b"]);
    expect(promotions({ capacity: 1, places })).toEqual([]);
  });

  it("never overfills, and always promotes from the head of the list", () => {
    const arbitraryPlaces = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        status: fc.constantFrom("booked" as const, "waiting" as const, "cancelled" as const),
        minute: fc.integer({ min: 0, max: 600 }),
      }),
      { selector: (p) => p.id, maxLength: 40 },
    );
    fc.assert(
      fc.property(arbitraryPlaces, fc.integer({ min: 1, max: 30 }), (raw, capacity) => {
        const places = raw.map((p) => place(p.id, p.status, p.minute));
        const booked = places.filter((p) => p.status === "booked").length;
        const promoted = promotions({ capacity, places });
        expect(promoted.length).toBeLessThanOrEqual(Math.max(0, capacity - booked));
        expect(promoted).toEqual(waitingList(places).slice(0, promoted.length));
        if (booked < capacity) expect(promoted.length).toBe(Math.min(capacity - booked, waitingList(places).length));
        const queue = waitingList(places);
        for (let i = 1; i < queue.length; i++) expect(queue[i - 1].requestedAt.getTime()).toBeLessThanOrEqual(queue[i].requestedAt.getTime());
      }),
    );
  });

  it("lets a school name as many delegates as it bought", () => {
    expect(mayNameAnother({ bought: 2, named: 1 })).toBe(true);
    expect(mayNameAnother({ bought: 2, named: 2 })).toBe(false);
    expect(mayNameAnother({ bought: 0, named: 0 })).toBe(true);
  });
});

describe("the steps of delivery", () => {
  it("marks an order delivered once its milestones are, and not a cancelled one", () => {
    const order = { status: "confirmed" as const, potRequest: null };
    expect(deliveryRefusal(order, [])).toBeNull();
    expect(deliveryRefusal(order, [{ deliveredAt: new Date() }, { deliveredAt: null }])).toMatch(/milestone/);
    expect(deliveryRefusal({ ...order, status: "cancelled" }, [])).toMatch(/cancelled/);
    expect(deliveryRefusal({ ...order, status: "delivered" }, [])).toMatch(/already/);
    expect(deliveryRefusal({ ...order, potRequest: "requested" }, [])).toMatch(/pot/);
  });

  it("lets the school confirm or dispute once, after delivery, and evaluate what it did not dispute", () => {
    expect(confirmationRefusal({ status: "confirmed" }, false)).toMatch(/not marked/);
    expect(confirmationRefusal({ status: "delivered" }, false)).toBeNull();
    expect(confirmationRefusal({ status: "delivered" }, true)).toMatch(/already/);
    expect(evaluationRefusal({ status: "delivered" }, null, false)).toBeNull();
    expect(evaluationRefusal({ status: "delivered" }, "disputed", false)).toMatch(/disputed/);
    expect(evaluationRefusal({ status: "delivered" }, "confirmed", true)).toMatch(/already/);
  });

  it("says why not in Welsh to a Welsh reader", () => {
    runInLocale("cy", () => {
      expect(evaluationRefusal({ status: "confirmed" }, null, false)).toBe("Gellir gwerthuso archeb unwaith y bydd wedi’i chyflwyno");
      expect(confirmationRefusal({ status: "delivered" }, true)).toBe("Mae’r ysgol eisoes wedi ateb ynghylch y cyflwyno hwn");
      expect(deliveryRefusal({ status: "cancelled", potRequest: null }, [])).toBe("Cafodd yr archeb hon ei chanslo, felly ni ellir ei chyflwyno");
    });
  });

  it("reminds two weeks after delivery, then every two weeks, until evaluated", () => {
    const deliveredAt = new Date("2026-01-01T10:00:00Z");
    expect(dueForReminder({ deliveredAt, remindedAt: null, evaluated: false, now: new Date("2026-01-10T10:00:00Z") })).toBe(false);
    expect(dueForReminder({ deliveredAt, remindedAt: null, evaluated: false, now: new Date("2026-01-15T10:00:00Z") })).toBe(true);
    expect(dueForReminder({ deliveredAt, remindedAt: new Date("2026-01-15T10:00:00Z"), evaluated: false, now: new Date("2026-01-20T10:00:00Z") })).toBe(false);
    expect(dueForReminder({ deliveredAt, remindedAt: null, evaluated: true, now: new Date("2026-03-01T10:00:00Z") })).toBe(false);
  });
});

describe("session times in London", () => {
  it("reads a time of day and places it in London's clock, summer time or not", () => {
    expect(parseTime("14:30")).toEqual({ hours: 14, minutes: 30 });
    expect(parseTime("9.05")).toEqual({ hours: 9, minutes: 5 });
    for (const bad of ["24:00", "12:60", "noon", "", "1430"]) expect(parseTime(bad)).toBeNull();
    expect(londonInstant("2026-01-15", { hours: 10, minutes: 0 }).toISOString()).toBe("2026-01-15T10:00:00.000Z");
    expect(londonInstant("2026-06-15", { hours: 10, minutes: 0 }).toISOString()).toBe("2026-06-15T09:00:00.000Z");
  });
});
