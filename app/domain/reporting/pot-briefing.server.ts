// A consortium's monthly budget briefing: what its pot held at the start of the month, what came
// in and went out during it, what is promised, and what it holds at the end, by subject area.
// Funding is read from the ledger (entries caused by the authority's funding and by the schools'
// match funding); spending and the share-back from
// the orders, dated when the pot paid and when the sale was paid (cancelled orders' entries are
// reversed, so they count for nothing). At the end of the latest month the closing balance is
// the pot's ledger balance.
import { sql } from "drizzle-orm";
import { can, type MembershipGrant } from "~/auth/permissions";
import type { Queryable } from "~/db.server";
import { AppError } from "~/domain/errors";
import { pence, rowsOf } from "./rows";
import { t } from "~/i18n";

export type BriefingLine = { subject: string; spentPence: number; sharedBackPence: number; committedPence: number };
export type PotBriefing = {
  consortium: { id: string; name: string };
  month: string;
  openingPence: number;
  /** From the authority's funding. */
  authorityFundingPence: number;
  /** From the schools' match funding (less any lowered by a later version of the formula). */
  matchFundingPence: number;
  /** Both. */
  fundingInPence: number;
  spentPence: number;
  sharedBackPence: number;
  committedPence: number;
  closingPence: number;
  bySubject: BriefingLine[];
};

/** "2026-10" -> the first day of it and of the next month. */
export function monthBounds(month: string) {
  const [y, m] = month.split("-").map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

const londonDay = (column: ReturnType<typeof sql>) => sql`(${column} at time zone 'Europe/London')::date`;

export async function potBriefing(
  db: Queryable,
  { authorityId, consortiumId, month }: { authorityId: string; consortiumId: string; month: string },
): Promise<PotBriefing> {
  const { from, to } = monthBounds(month);
  const found = rowsOf<{ id: string; name: string }>(
    await db.execute(
      sql`select o.id, o.name from consortia c join organisations o on o.id = c.organisation_id where c.organisation_id = ${consortiumId} and c.authority_id = ${authorityId}`,
    ),
  );
  if (found.length === 0) throw new AppError("NOT_FOUND", t("refusal.reporting.consortiumNotFound"));

  // Every credit the pot took as funding, read from the ledger: the authority's and the schools' match funding.
  const inMonth = (cause: string) =>
    sql`(where e.cause_type = ${cause} and ${londonDay(sql`e.created_at`)} >= ${from}::date and ${londonDay(sql`e.created_at`)} < ${to}::date)`;
  const funding = rowsOf<{ before: string; authority: string; match: string }>(
    await db.execute(sql`
      select coalesce(-sum(p.amount_pence) filter (where ${londonDay(sql`e.created_at`)} < ${from}::date), 0) as before,
             coalesce(-sum(p.amount_pence) filter ${inMonth("funding")}, 0) as authority,
             coalesce(-sum(p.amount_pence) filter ${inMonth("match_funding")}, 0) as match
      from ledger_accounts a
      join ledger_postings p on p.account_id = a.id
      join journal_entries e on e.id = p.entry_id
      where a.authority_id = ${authorityId} and a.kind = 'consortium_pot' and a.owner_id = ${consortiumId}
        and e.cause_type in ('funding', 'match_funding')`),
  )[0];

  const lines = rowsOf<{ subject: string; spent_before: string; spent: string; shared_before: string; shared: string; committed: string }>(
    await db.execute(sql`
      with o as (
        select coalesce(r.subject_areas[1], 'none') as subject, o.pot_contribution_pence as pot, coalesce(o.pot_share_pence, 0) as share,
          ${londonDay(sql`coalesce(o.pot_decided_at, o.created_at)`)} as spent_on,
          ${londonDay(sql`o.paid_at`)} as paid_on,
          o.status, o.pot_request
        from orders o join offer_revisions r on r.id = o.revision_id
        where o.authority_id = ${authorityId} and o.consortium_id = ${consortiumId} and o.status <> 'cancelled'
      )
      select subject,
        coalesce(sum(pot) filter (where coalesce(pot_request, 'approved') = 'approved' and spent_on < ${from}::date), 0) as spent_before,
        coalesce(sum(pot) filter (where coalesce(pot_request, 'approved') = 'approved' and spent_on >= ${from}::date and spent_on < ${to}::date), 0) as spent,
        coalesce(sum(share) filter (where paid_on < ${from}::date), 0) as shared_before,
        coalesce(sum(share) filter (where paid_on >= ${from}::date and paid_on < ${to}::date), 0) as shared,
        coalesce(sum(pot) filter (where pot_request = 'requested' and spent_on < ${to}::date), 0) as committed
      from o group by subject order by subject`),
  );
  const bySubject = lines
    .map((l) => ({ subject: l.subject, spentPence: pence(l.spent), sharedBackPence: pence(l.shared), committedPence: pence(l.committed) }))
    .filter((l) => l.spentPence || l.sharedBackPence || l.committedPence);
  const total = (f: (l: (typeof lines)[number]) => string) => lines.reduce((s, l) => s + pence(f(l)), 0);
  const openingPence = pence(funding.before) - total((l) => l.spent_before) + total((l) => l.shared_before);
  const authorityFundingPence = pence(funding.authority);
  const matchFundingPence = pence(funding.match);
  const fundingInPence = authorityFundingPence + matchFundingPence;
  const spentPence = total((l) => l.spent);
  const sharedBackPence = total((l) => l.shared);
  return {
    consortium: found[0],
    month,
    openingPence,
    authorityFundingPence,
    matchFundingPence,
    fundingInPence,
    spentPence,
    sharedBackPence,
    committedPence: total((l) => l.committed),
    closingPence: openingPence + fundingInPence - spentPence + sharedBackPence,
    bySubject,
  };
}

/** The consortia whose briefing these memberships may read: their own as lead, or all of the authority's for its office. */
export async function briefingConsortia(db: Queryable, { authorityId, grants }: { authorityId: string; grants: readonly MembershipGrant[] }) {
  const all = rowsOf<{ id: string; name: string }>(
    await db.execute(
      sql`select o.id, o.name from consortia c join organisations o on o.id = c.organisation_id where c.authority_id = ${authorityId} order by o.name`,
    ),
  );
  return all.filter((c) => can(grants, "view:pot-briefing", { organisationId: c.id, authorityId }));
}
