import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { recordImpact } from "~/domain/delivery/record-impact.server";
import { submitEvaluation } from "~/domain/delivery/submit-evaluation.server";
import { termOf } from "~/domain/reporting/rules";
import { takeTermlySnapshot, termlyReport } from "~/domain/reporting/take-termly-snapshot.server";
import { londonIsoDate } from "~/format";
import { loader } from "~/routes/reports.termly";
import { loader as csvLoader } from "~/routes/reports.termly[.]csv";
import { useTestDatabase } from "../factories/database";
import { createDeliveryWorld, createOrder, type DeliveryWorld } from "../factories/delivery";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

const APP_URL = "http://localhost:3000";

describe("the termly report's evaluations and impact", () => {
  const db = useTestDatabase();
  let world: DeliveryWorld;
  const now = termOf(londonIsoDate(new Date()));
  const term = `${now.academicYear}-${now.term}`;

  const evaluate = async (i: number, scores: { quality: number; impact: number; valueForMoney: number; wouldRecommend: boolean }) => {
    const order = await createOrder(db(), world, i, { status: "delivered", deliveredAt: new Date() });
    const actor = await world.actor(world.members[i].head);
    await submitEvaluation(db(), {
      actor,
      authorityId: world.authority.id,
      orderId: order.id,
      evaluation: { priorities: "Phonics", comments: "", ...scores },
      appUrl: APP_URL,
    });
    return { order, actor };
  };
  const recordPhonicsCheck = (evaluated: Awaited<ReturnType<typeof evaluate>>, baseline: string, followUp: string) =>
    recordImpact(db(), {
      actor: evaluated.actor,
      authorityId: world.authority.id,
      orderId: evaluated.order.id,
      impact: { outcome: "Phonics check", measure: "Pupils at the expected standard", baseline, followUp },
    });

  beforeAll(async () => {
    world = await createDeliveryWorld(db(), { schools: 3 });
  });

  it("reports the term's evaluations and impact, and a kept snapshot does not change when a later evaluation arrives", async () => {
    const first = await evaluate(0, { quality: 4, impact: 3, valueForMoney: 4, wouldRecommend: true });
    await evaluate(1, { quality: 3, impact: 3, valueForMoney: 2, wouldRecommend: false });
    await recordPhonicsCheck(first, "62%", "74%");

    const live = await termlyReport(db(), { authorityId: world.authority.id, term });
    expect(live.figures.evaluations).toEqual({
      bySubject: [{ key: "literacy", evaluations: 2, qualitySum: 7, impactSum: 6, valueForMoneySum: 6, wouldRecommend: 1 }],
      total: { evaluations: 2, qualitySum: 7, impactSum: 6, valueForMoneySum: 6, wouldRecommend: 1 },
    });
    expect(live.figures.impact).toEqual([
      expect.objectContaining({
        school: world.members[0].school.name,
        outcome: "Phonics check",
        baseline: "62%",
        followUp: "74%",
        recordedOn: londonIsoDate(new Date()),
      }),
    ]);

    const cookie = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const ctx = appContext(db());
    const page = (await respond(() => loader({ request: request(`/reports/termly?term=${term}`, { cookie }), params: {}, context: ctx }))) as {
      data: { report: { figures: { evaluations?: unknown } } };
    };
    expect(page.data.report.figures.evaluations).toEqual(live.figures.evaluations);
    const csv = async (table: string) =>
      parse(
        await (
          (await respond(() =>
            csvLoader({ request: request(`/reports/termly.csv?term=${term}&table=${table}`, { cookie }), params: {}, context: ctx }),
          )) as Response
        ).text(),
      ) as string[][];
    // Averages to one decimal: quality (4 + 3) / 2 = 3.5, impact 3.0, value for money 3.0; one of two would recommend.
    expect((await csv("evaluations")).slice(1)).toEqual([
      [expect.any(String), "2", "3.5", "3.0", "3.0", "1"],
      [expect.any(String), "2", "3.5", "3.0", "3.0", "1"],
    ]);
    expect((await csv("impact")).slice(1)).toEqual([
      [world.members[0].school.name, expect.any(String), "Phonics check", "Pupils at the expected standard", "62%", "74%", expect.any(String)],
    ]);

    await takeTermlySnapshot(db(), { actor: await world.actor(world.finance), authorityId: world.authority.id, term });
    const later = await evaluate(2, { quality: 1, impact: 1, valueForMoney: 1, wouldRecommend: false });
    await recordPhonicsCheck(later, "50%", "51%");

    const kept = await termlyReport(db(), { authorityId: world.authority.id, term });
    expect(kept.snapshot).not.toBeNull();
    expect(kept.figures).toEqual(live.figures);
    expect((await csv("evaluations"))[1]).toEqual([expect.any(String), "2", "3.5", "3.0", "3.0", "1"]);
  });
});
