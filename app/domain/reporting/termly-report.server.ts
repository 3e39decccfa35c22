// The termly report to the council and Schools Forum: funding in, spending, traded income and the
// share back, the quality-assurance pipeline and participation, and the evaluations schools
// submitted and the impact follow-ups recorded, for one school term.
import { sql } from "drizzle-orm";
import type { Queryable } from "~/db.server";
import { addCounts, londonDaysWithin, pence, rowsOf } from "./rows";
import { termBounds, type TermName } from "./rules";

export type TermlyFigures = {
  term: string;
  from: string;
  /** The last day of the term. */
  until: string;
  fundingInPence: number;
  sales: { orders: number; salesPence: number; authorityPence: number; potPence: number; potSpentPence: number };
  bySubject: { key: string; orders: number; salesPence: number }[];
  byConsortium: { name: string; orders: number; salesPence: number; potSpentPence: number; schools: number; bought: number }[];
  qa: { submitted: number; approved: number; rejected: number; changesRequested: number };
  /** Evaluations submitted in the term, by the subject area of what was evaluated: sums of the 1 to 4 scores, so averages are exact. Absent from snapshots kept before they were reported. */
  evaluations?: { bySubject: (EvaluationScores & { key: string })[]; total: EvaluationScores };
  /** Impact follow-ups recorded in the term. Absent from snapshots kept before they were reported. */
  impact?: ImpactLine[];
};

export type EvaluationScores = { evaluations: number; qualitySum: number; impactSum: number; valueForMoneySum: number; wouldRecommend: number };
export type ImpactLine = { school: string; title: string; outcome: string; measure: string; baseline: string; followUp: string; recordedOn: string };

const dayBefore = (day: string) => new Date(new Date(`${day}T12:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);

export async function termlyFigures(
  db: Queryable,
  { authorityId, academicYear, term }: { authorityId: string; academicYear: number; term: TermName },
): Promise<TermlyFigures> {
  const { from, to } = termBounds(academicYear, term);
  // Compared with the term's first and last instants, worked out once, so each query reads an index range.
  const within = (column: ReturnType<typeof sql>) => londonDaysWithin(column, from, to);
  // The term's paid sales and the pot's spending in it: the two sets of orders every figure below is summed from.
  const termOrders = sql`
    paid as (
      select o.consortium_id, o.school_id, o.revision_id, o.net_pence, o.authority_share_pence, o.pot_share_pence from orders o
      where o.authority_id = ${authorityId} and o.paid_at is not null and ${within(sql`o.paid_at`)} and o.status <> 'cancelled'
    ),
    spent as (
      select o.consortium_id, o.pot_contribution_pence from orders o
      where o.authority_id = ${authorityId} and o.pot_contribution_pence > 0 and ${within(sql`coalesce(o.pot_decided_at, o.created_at)`)}
        and o.status <> 'cancelled' and coalesce(o.pot_request, 'approved') = 'approved'
    )`;
  const [funding, sales, subjects, consortia, qa, evaluations, impact] = await Promise.all([
    db.execute(sql`
      select coalesce(-sum(p.amount_pence), 0) as funded
      from journal_entries e
      join ledger_postings p on p.entry_id = e.id
      join ledger_accounts a on a.id = p.account_id and a.kind = 'consortium_pot'
      where e.authority_id = ${authorityId} and e.cause_type = 'funding' and ${within(sql`e.created_at`)}`),
    db.execute(sql`
      with ${termOrders}
      select count(*) as orders, coalesce(sum(net_pence), 0) as sales, coalesce(sum(authority_share_pence), 0) as authority, coalesce(sum(pot_share_pence), 0) as pot,
        (select coalesce(sum(pot_contribution_pence), 0) from spent) as pot_spent
      from paid`),
    db.execute(sql`
      with ${termOrders}
      select coalesce(r.subject_areas[1], 'none') as key, count(*) as orders, sum(p.net_pence) as sales
      from paid p join offer_revisions r on r.id = p.revision_id
      group by 1 order by sum(p.net_pence) desc, 1`),
    db.execute(sql`
      with ${termOrders},
      members as (
        select m.consortium_id, m.school_id from consortium_memberships m
        where m.authority_id = ${authorityId} and m.joined_on < ${to}::date and (m.left_on is null or m.left_on >= ${from}::date)
      ),
      pot as (select consortium_id, sum(pot_contribution_pence) as pot_spent from spent group by 1),
      sales as (select consortium_id, count(*) as orders, sum(net_pence) as sales from paid group by 1),
      buyers as (select m.consortium_id, count(distinct m.school_id) as bought from members m where m.school_id in (select school_id from paid) group by 1),
      sizes as (select consortium_id, count(*) as schools from members group by 1)
      select org.name, coalesce(sales.orders, 0) as orders, coalesce(sales.sales, 0) as sales, coalesce(pot.pot_spent, 0) as pot_spent,
        coalesce(sizes.schools, 0) as schools, coalesce(buyers.bought, 0) as bought
      from consortia c join organisations org on org.id = c.organisation_id
      left join sales on sales.consortium_id = c.organisation_id
      left join pot on pot.consortium_id = c.organisation_id
      left join sizes on sizes.consortium_id = c.organisation_id
      left join buyers on buyers.consortium_id = c.organisation_id
      where c.authority_id = ${authorityId}
      order by org.name`),
    db.execute(sql`
      select count(*) filter (where r.submitted_at is not null and ${within(sql`r.submitted_at`)}) as submitted,
        count(*) filter (where r.status = 'approved' and r.decided_at is not null and ${within(sql`r.decided_at`)}) as approved,
        count(*) filter (where r.status = 'rejected' and r.decided_at is not null and ${within(sql`r.decided_at`)}) as rejected,
        count(*) filter (where r.status = 'changes_requested' and r.decided_at is not null and ${within(sql`r.decided_at`)}) as changes
      from offer_revisions r where r.authority_id = ${authorityId}`),
    db.execute(sql`
      select coalesce(r.subject_areas[1], 'none') as key, count(*) as evaluations, sum(e.quality) as quality, sum(e.impact) as impact,
        sum(e.value_for_money) as value, count(*) filter (where e.would_recommend) as recommend
      from evaluations e
      join orders o on o.id = e.order_id
      join offer_revisions r on r.id = o.revision_id
      where e.authority_id = ${authorityId} and ${within(sql`e.submitted_at`)}
      group by 1 order by count(*) desc, 1`),
    db.execute(sql`
      select school.name as school, r.title, f.outcome, f.measure, f.baseline, f.follow_up,
        to_char((f.recorded_at at time zone 'Europe/London')::date, 'YYYY-MM-DD') as recorded_on
      from impact_follow_ups f
      join evaluations e on e.id = f.evaluation_id
      join orders o on o.id = e.order_id
      join offer_revisions r on r.id = o.revision_id
      join organisations school on school.id = f.school_id
      where f.authority_id = ${authorityId} and ${within(sql`f.recorded_at`)}
      order by f.recorded_at, school.name, f.id`),
  ]);
  const s = rowsOf<{ orders: string; sales: string; authority: string; pot: string; pot_spent: string }>(sales)[0];
  const q = rowsOf<{ submitted: string; approved: string; rejected: string; changes: string }>(qa)[0];
  const bySubject = rowsOf<{ key: string; evaluations: string; quality: string; impact: string; value: string; recommend: string }>(evaluations).map((r) => ({
    key: r.key,
    evaluations: Number(r.evaluations),
    qualitySum: Number(r.quality),
    impactSum: Number(r.impact),
    valueForMoneySum: Number(r.value),
    wouldRecommend: Number(r.recommend),
  }));
  return {
    term: `${academicYear}-${term}`,
    from,
    until: dayBefore(to),
    fundingInPence: pence(rowsOf<{ funded: string }>(funding)[0].funded),
    sales: {
      orders: Number(s.orders),
      salesPence: pence(s.sales),
      authorityPence: pence(s.authority),
      potPence: pence(s.pot),
      potSpentPence: pence(s.pot_spent),
    },
    bySubject: rowsOf<{ key: string; orders: string; sales: string }>(subjects).map((r) => ({
      key: r.key,
      orders: Number(r.orders),
      salesPence: pence(r.sales),
    })),
    byConsortium: rowsOf<{ name: string; orders: string; sales: string; pot_spent: string; schools: string; bought: string }>(consortia).map((r) => ({
      name: r.name,
      orders: Number(r.orders),
      salesPence: pence(r.sales),
      potSpentPence: pence(r.pot_spent),
      schools: Number(r.schools),
      bought: Number(r.bought),
    })),
    qa: { submitted: Number(q.submitted), approved: Number(q.approved), rejected: Number(q.rejected), changesRequested: Number(q.changes) },
    evaluations: { bySubject, total: totalOf(bySubject) },
    impact: rowsOf<{ school: string; title: string; outcome: string; measure: string; baseline: string; follow_up: string; recorded_on: string }>(impact).map(
      (r) => ({
        school: r.school,
        title: r.title,
        outcome: r.outcome,
        measure: r.measure,
        baseline: r.baseline,
        followUp: r.follow_up,
        recordedOn: r.recorded_on,
      }),
    ),
  };
}

const SCORES = ["evaluations", "qualitySum", "impactSum", "valueForMoneySum", "wouldRecommend"] as const;

const totalOf = (rows: EvaluationScores[]): EvaluationScores =>
  rows.reduce((total, r) => addCounts(total, r, SCORES), { evaluations: 0, qualitySum: 0, impactSum: 0, valueForMoneySum: 0, wouldRecommend: 0 });
