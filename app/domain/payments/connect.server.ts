// A provider's Stripe Connect Express account: opened from the provider's payouts page, its
// status following Stripe's account.updated events.
import { and, desc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { schema, type Database, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { queueJob } from "~/domain/outbox.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { t } from "~/i18n";
import type { StripeClient } from "~/integrations/stripe.server";
import { releaseHeldTransfers } from "./pay-provider.server";
import { connectStatusOf } from "./rules";

const { stripeAccounts, organisations, providers } = schema;

export const CONNECT_ACCOUNT_JOB = "stripe.connect.create-account";

export async function findPayoutAccount(db: Queryable, { authorityId, providerId }: { authorityId: string; providerId: string }) {
  const [row] = await db
    .select()
    .from(stripeAccounts)
    .where(and(eq(stripeAccounts.providerId, providerId), eq(stripeAccounts.authorityId, authorityId)));
  return row ?? null;
}

/** A provider admin asks to be paid through Stripe: the account is created by the outbox. */
export async function startOnboarding(
  db: Database,
  { actor, authorityId, providerId, stripeEnabled }: { actor: Actor; authorityId: string; providerId: string; stripeEnabled: boolean },
) {
  ensureCan(actor, "manage:payouts", { organisationId: providerId, authorityId }, t("payouts.error.notAdmin"));
  if (!stripeEnabled) throw new AppError("INVALID_STATE", t("payments.error.notConfigured"));
  return db.transaction(async (tx) => {
    const [provider] = await tx
      .select({ id: providers.organisationId, kind: providers.providerKind })
      .from(providers)
      .where(and(eq(providers.organisationId, providerId), eq(providers.authorityId, authorityId)));
    if (!provider) throw new AppError("NOT_FOUND", t("payouts.error.notFound"));
    if (provider.kind === "la_traded_services") throw new AppError("INVALID_STATE", t("refusal.payouts.ownService"));
    const [created] = await tx.insert(stripeAccounts).values({ providerId, authorityId, createdBy: actor.id }).onConflictDoNothing().returning();
    if (!created) return { account: (await findPayoutAccount(tx, { authorityId, providerId }))!, created: false };
    await queueJob(tx, { topic: CONNECT_ACCOUNT_JOB, payload: { providerId }, authorityId });
    await audit(tx, { authorityId, actorUserId: actor.id, action: "payouts.onboarding.start", entityType: "provider", entityId: providerId, after: created });
    return { account: created, created: true };
  });
}

/** The outbox creates the Express account, under the provider's id as idempotency key. */
export async function createConnectAccount(db: Database, stripe: StripeClient, { providerId }: { providerId: string }) {
  const [row] = await db
    .select({ account: stripeAccounts, name: organisations.name })
    .from(stripeAccounts)
    .innerJoin(organisations, eq(organisations.id, stripeAccounts.providerId))
    .where(eq(stripeAccounts.providerId, providerId));
  if (!row || row.account.accountId) return;
  const account = await stripe.accounts.create(
    {
      type: "express",
      country: "GB",
      business_profile: { name: row.name },
      capabilities: { transfers: { requested: true } },
      metadata: { provider_id: providerId, authority_id: row.account.authorityId },
    },
    { idempotencyKey: `connect-account:${providerId}` },
  );
  await db.transaction(async (tx) => {
    await tx.update(stripeAccounts).set({ accountId: account.id, updatedAt: new Date() }).where(eq(stripeAccounts.providerId, providerId));
    await applyAccount(tx, account);
  });
}

/** A one-time link into Stripe's onboarding for the provider's account (nothing is paid or changed by making one). */
export async function onboardingLink(
  db: Database,
  stripe: StripeClient,
  { actor, authorityId, providerId, appUrl }: { actor: Actor; authorityId: string; providerId: string; appUrl: string },
) {
  ensureCan(actor, "manage:payouts", { organisationId: providerId, authorityId }, t("payouts.error.notAdmin"));
  const account = await findPayoutAccount(db, { authorityId, providerId });
  if (!account?.accountId) throw new AppError("INVALID_STATE", t("payouts.error.notReady"));
  const link = await stripe.accountLinks.create({
    account: account.accountId,
    type: "account_onboarding",
    refresh_url: `${appUrl}/provider/payouts`,
    return_url: `${appUrl}/provider/payouts`,
  });
  return link.url;
}

/** Follow Stripe's view of an account (read back, never from a webhook's payload). */
export async function applyAccount(tx: Queryable, account: Stripe.Account) {
  const [mine] = await tx.select().from(stripeAccounts).where(eq(stripeAccounts.accountId, account.id)).for("update");
  if (!mine) return "ignored: unknown account";
  const detailsSubmitted = Boolean(account.details_submitted);
  const payoutsEnabled = Boolean(account.payouts_enabled);
  const status = connectStatusOf({ detailsSubmitted, payoutsEnabled });
  if (mine.status === status && mine.detailsSubmitted === detailsSubmitted && mine.payoutsEnabled === payoutsEnabled) return `unchanged: ${status}`;
  await tx
    .update(stripeAccounts)
    .set({ status, detailsSubmitted, payoutsEnabled, updatedAt: new Date() })
    .where(eq(stripeAccounts.providerId, mine.providerId));
  await audit(tx, {
    authorityId: mine.authorityId,
    actorUserId: null,
    action: "payouts.account.update",
    entityType: "provider",
    entityId: mine.providerId,
    before: { status: mine.status },
    after: { status, detailsSubmitted, payoutsEnabled },
  });
  if (status === "enabled") await releaseHeldTransfers(tx, { authorityId: mine.authorityId, providerId: mine.providerId });
  return `account ${status}`;
}

/** The provider's payouts page: its account and its transfers by order. */
export async function payoutsOf(db: Queryable, { actor, authorityId, providerId }: { actor: Actor; authorityId: string; providerId: string }) {
  ensureCan(actor, "manage:payouts", { organisationId: providerId, authorityId }, t("payouts.error.notAdmin"));
  const [provider] = await db
    .select({ kind: providers.providerKind })
    .from(providers)
    .where(and(eq(providers.organisationId, providerId), eq(providers.authorityId, authorityId)));
  const account = await findPayoutAccount(db, { authorityId, providerId });
  const { stripeTransfers, orders, offerRevisions } = schema;
  const transfers = await db
    .select({
      id: stripeTransfers.id,
      orderId: stripeTransfers.orderId,
      status: stripeTransfers.status,
      amountPence: stripeTransfers.amountPence,
      reversedPence: stripeTransfers.reversedPence,
      createdAt: stripeTransfers.createdAt,
      sentAt: stripeTransfers.sentAt,
      title: offerRevisions.title,
      titleCy: offerRevisions.titleCy,
      schoolName: organisations.name,
    })
    .from(stripeTransfers)
    .innerJoin(orders, eq(orders.id, stripeTransfers.orderId))
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(organisations, eq(organisations.id, orders.schoolId))
    .where(and(eq(stripeTransfers.providerId, providerId), eq(stripeTransfers.authorityId, authorityId)))
    .orderBy(desc(stripeTransfers.createdAt))
    .limit(200);
  // The authority's own traded service keeps its takings in the authority's accounts: nothing is paid out to it.
  return { account, transfers, ownService: provider?.kind === "la_traded_services" };
}
