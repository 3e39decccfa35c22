// Who hears about each step of delivery, written to the outbox in the step's transaction.
import { schema, type Queryable } from "~/db.server";
import { emailSchoolBuyers, queueEmails, schoolBuyers } from "~/domain/purchasing/notify.server";
import { inArray, and, eq } from "drizzle-orm";

export const deliveryUrl = (appUrl: string, orderId: string) => new URL(`/purchases/${orderId}/delivery`, appUrl).toString();
export const evaluationUrl = (appUrl: string, orderId: string) => new URL(`/purchases/${orderId}/evaluation`, appUrl).toString();

/** A session was booked: the buyers of every school it serves are asked to name delegates. */
export async function tellSessionBooked(
  tx: Queryable,
  {
    authorityId,
    session,
    offerTitle,
    providerName,
    orders,
    appUrl,
  }: {
    authorityId: string;
    session: { startsAt: Date; online: boolean; venue: string };
    offerTitle: string;
    providerName: string;
    orders: { id: string; schoolId: string; schoolName: string }[];
    appUrl: string;
  },
) {
  const bySchool = new Map(orders.map((o) => [o.schoolId, o]));
  await emailSchoolBuyers(
    tx,
    authorityId,
    "session-booked",
    orders.map((o) => o.schoolId),
    (schoolId) => {
      const order = bySchool.get(schoolId)!;
      return {
        schoolName: order.schoolName,
        providerName,
        offerTitle,
        when: session.startsAt.toISOString(),
        venue: session.online ? null : session.venue,
        url: deliveryUrl(appUrl, order.id),
      };
    },
  );
}

/** A waiting delegate got a freed place: their school's buyers are told. */
export async function tellPlaceOffered(
  tx: Queryable,
  {
    authorityId,
    places,
    session,
    offerTitle,
    appUrl,
  }: {
    authorityId: string;
    places: { orderId: string; schoolId: string; delegateName: string }[];
    session: { startsAt: Date; online: boolean; venue: string };
    offerTitle: string;
    appUrl: string;
  },
) {
  if (places.length === 0) return;
  const schoolIds = [...new Set(places.map((p) => p.schoolId))];
  const names = await tx
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.authorityId, authorityId), inArray(schema.organisations.id, schoolIds)));
  const buyers = await schoolBuyers(tx, schoolIds);
  await queueEmails(
    tx,
    authorityId,
    "place-offered",
    places.flatMap((p) =>
      buyers
        .filter((b) => b.schoolId === p.schoolId)
        .map((b) => ({
          to: b.email,
          props: {
            schoolName: names.find((n) => n.id === p.schoolId)?.name ?? "",
            delegateName: p.delegateName,
            offerTitle,
            when: session.startsAt.toISOString(),
            venue: session.online ? null : session.venue,
            url: deliveryUrl(appUrl, p.orderId),
          },
        })),
    ),
  );
}

/** Delivered (or still not evaluated): the school's evaluators are asked to confirm and evaluate. */
export async function tellPleaseEvaluate(
  tx: Queryable,
  {
    authorityId,
    order,
    reminder,
    appUrl,
    evaluatorUserId = null,
    headsToo = true,
  }: {
    authorityId: string;
    order: { id: string; schoolId: string; schoolName: string; providerName: string; title: string };
    reminder: boolean;
    appUrl: string;
    evaluatorUserId?: string | null;
    headsToo?: boolean;
  },
) {
  const heads = !headsToo
    ? []
    : await tx
        .select({ email: schema.users.email, name: schema.users.name })
        .from(schema.memberships)
        .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
        .where(and(eq(schema.memberships.organisationId, order.schoolId), eq(schema.memberships.role, "headteacher")));
  const named = evaluatorUserId
    ? await tx.select({ email: schema.users.email, name: schema.users.name }).from(schema.users).where(eq(schema.users.id, evaluatorUserId))
    : [];
  await queueEmails(
    tx,
    authorityId,
    "delivered-please-evaluate",
    [...heads, ...named].map((p) => ({
      to: p.email,
      props: {
        name: p.name,
        schoolName: order.schoolName,
        providerName: order.providerName,
        offerTitle: order.title,
        reminder,
        url: evaluationUrl(appUrl, order.id),
      },
    })),
  );
}
