import { describe, expect, it } from "vitest";
import { saveOffer } from "~/domain/catalogue/save-offer.server";
import { loader } from "~/routes/_index";
import { completeFields } from "../factories/quality";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { useQaWorld } from "../setup/qa-world";

type HomeData = { tasks: { label: string; href: string; count?: number }[] };

describe("the home page tells each person what they can do now", () => {
  const { db, world: w } = useQaWorld();

  const tasksOf = async (user: { id: string }, organisationId: string) => {
    const cookie = await sessionCookieFor(db(), user.id, organisationId);
    const result = (await respond(() => loader({ request: request("/", { cookie }), context: appContext(db()), params: {} }))) as { data: HomeData };
    return result.data.tasks;
  };

  it("shows an LA administrator the providers waiting for verification", async () => {
    const tasks = await tasksOf(w().users.laAdmin, w().office.id);
    expect(tasks).toContainEqual({ label: "Providers waiting for verification", href: "/authority/providers", count: 1 });
  });

  it("shows a panel member the offers waiting for their review once a provider submits one", async () => {
    expect((await tasksOf(w().users.panelOne, w().board.id)).find((t) => t.href === "/qa")).toBeUndefined();
    await saveOffer(db(), {
      actor: await w().actor(w().users.providerAdmin),
      authorityId: w().authority.id,
      providerId: w().provider.id,
      fields: completeFields(),
      intent: "submit",
      appUrl: "http://localhost:3000",
    });
    expect(await tasksOf(w().users.panelOne, w().board.id)).toContainEqual({ label: "Offers waiting for your QA review", href: "/qa", count: 1 });
  });

  it("shows a provider its offers that need work", async () => {
    await saveOffer(db(), {
      actor: await w().actor(w().users.providerAdmin),
      authorityId: w().authority.id,
      providerId: w().provider.id,
      fields: completeFields({ title: "A draft" }),
      intent: "save",
      appUrl: "http://localhost:3000",
    });
    expect(await tasksOf(w().users.providerAdmin, w().provider.id)).toContainEqual({
      label: "Your offers in draft or with changes requested",
      href: "/provider/offers",
      count: 1,
    });
  });
});
