import { beforeAll, describe, expect, it } from "vitest";
import { moveSchool } from "~/domain/consortia/move-school.server";
import { londonIsoDate } from "~/format";
import * as collectivePage from "~/routes/collective-purchases.$purchaseId";
import * as orderPage from "~/routes/purchases.$orderId";
import { createConsortium } from "../factories/ledger";
import { createCollectiveOrders, createDeliveryWorld, type DeliveryWorld } from "../factories/delivery";
import { actorFor } from "../factories/purchasing";
import { createMember } from "../factories/tenancy";
import { useTestDatabase } from "../factories/database";
import { appContext, dataOf, request, respond, sessionCookieFor } from "../setup/context";

// An order of a collective purchase links the purchase only for those its page opens to: a school that
// has left the consortium since keeps its order but answers in the consortium's purchases no more.
describe("the link from an order to its collective purchase", () => {
  const db = useTestDatabase();
  let world: DeliveryWorld;
  let purchaseId: string;
  let orderIds: string[];
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    world = await createDeliveryWorld(db(), { schools: 2 });
    const { purchase, orders } = await createCollectiveOrders(db(), world, [0, 1]);
    purchaseId = purchase.id;
    orderIds = orders.map((o) => o.id);
    const [stays, leaves] = world.members;
    cookies.stays = await sessionCookieFor(db(), stays.head.id, stays.school.id);
    cookies.leaves = await sessionCookieFor(db(), leaves.head.id, leaves.school.id);
    cookies.finance = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const admin = await createMember(db(), world.office, "la_admin");
    const elsewhere = await createConsortium(db(), world.authority.id);
    await moveSchool(db(), {
      actor: await actorFor(db(), admin, world.authority.id),
      authorityId: world.authority.id,
      schoolId: leaves.school.id,
      toConsortiumId: elsewhere.id,
      on: londonIsoDate(new Date()),
    });
  });

  const order = async (who: string, orderId: string) => {
    const answer = await respond(() =>
      orderPage.loader({ request: request(`/purchases/${orderId}`, { cookie: cookies[who] }), params: { orderId }, context: appContext(db()) }),
    );
    expect(answer.status).toBe(200);
    return dataOf<{ links: { collectivePurchase: boolean } }>(answer).links.collectivePurchase;
  };
  const purchaseStatus = async (who: string) =>
    (
      await respond(() =>
        collectivePage.loader({
          request: request(`/collective-purchases/${purchaseId}`, { cookie: cookies[who] }),
          params: { purchaseId },
          context: appContext(db()),
        }),
      )
    ).status;

  it("is shown to a school still in the consortium and to finance, whom the purchase's page lets in", async () => {
    expect(await order("stays", orderIds[0])).toBe(true);
    expect(await purchaseStatus("stays")).toBe(200);
    expect(await order("finance", orderIds[1])).toBe(true);
    expect(await purchaseStatus("finance")).toBe(200);
  });

  it("is not shown to a school that has left the consortium, whom the purchase's page refuses", async () => {
    expect(await order("leaves", orderIds[1])).toBe(false);
    expect(await purchaseStatus("leaves")).toBe(403);
  });
});
