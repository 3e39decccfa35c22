// The authority's traded income: what paid sales earned it, where from, what went back into the
// consortium pots, against the funding the authority put into them. Figures come from the paid
// orders' shares, which are the amounts of their income-split ledger entries (cancelled orders'
// entries are reversed, so they are left out): see the reconciliation in
// test/integration/reporting-traded-income.test.ts.
import { sql, type SQL } from "drizzle-orm";
import type { BuyerType, PaymentRoute, Queryable, SubjectArea } from "~/db.server";
import { goodOrBetter } from "~/domain/schools/inspection-frameworks";
import { buyInBps, financialYearBounds, financialYearLabel, meetsBuyInTarget, recogniseIncome, TERM_NAMES, type TermName } from "./rules";
import { addCounts, londonDaysWithin, londonMidnight, pence, rowsOf } from "./rows";

export type TradedIncomeFilter = {
  /** The financial year's first calendar year: 2026 for "2026-27". */
  financialYear: number;
  consortiumId?: string;
  providerId?: string;
  buyerType?: BuyerType;
  paymentRoute?: PaymentRoute;
  subjectArea?: SubjectArea;
};

export type Figures = { orders: number; salesPence: number; authorityPence: number; potPence: number; providerPence: number };
const EMPTY: Figures = { orders: 0, salesPence: 0, authorityPence: 0, potPence: 0, providerPence: 0 };

type Grouped = Figures & {
  dimension: "month" | "subject" | "provider" | "consortium" | "buyer" | "route" | "total";
  key: string | null;
  label: string | null;
  own: boolean | null;
};

/** A paid sale that was not undone, paid on a London day from `from` up to `to`; the filter's other conditions. */
function paidOrders(authorityId: string, filter: Omit<TradedIncomeFilter, "financialYear">, { from, to }: { from: string; to: string }): SQL {
  return sql`
    select o.net_pence, o.authority_share_pence, o.pot_share_pence, o.provider_share_pence, o.buyer_type, o.payment_route,
      o.consortium_id, o.provider_id, o.school_id, o.delivery_starts_on, o.paid_at,
      coalesce(r.subject_areas[1], 'none') as subject_area, r.terms as terms
    from orders o
    join offer_revisions r on r.id = o.revision_id
    where o.authority_id = ${authorityId} and o.paid_at is not null and ${londonDaysWithin(sql`o.paid_at`, from, to)} and o.status <> 'cancelled'
      ${filter.consortiumId ? sql`and o.consortium_id = ${filter.consortiumId}` : sql``}
      ${filter.providerId ? sql`and o.provider_id = ${filter.providerId}` : sql``}
      ${filter.buyerType ? sql`and o.buyer_type = ${filter.buyerType}` : sql``}
      ${filter.paymentRoute ? sql`and o.payment_route = ${filter.paymentRoute}` : sql``}
      ${filter.subjectArea ? sql`and r.subject_areas[1] = ${filter.subjectArea}` : sql``}`;
}

const sums = sql`count(*) as orders, sum(p.net_pence) as sales, sum(p.authority_share_pence) as authority, sum(p.pot_share_pence) as pot, sum(p.provider_share_pence) as provider`;

type SumRow = { orders: number | string; sales: string; authority: string; pot: string; provider: string };
const figuresOf = (r: SumRow): Figures => ({
  orders: Number(r.orders),
  salesPence: pence(r.sales),
  authorityPence: pence(r.authority),
  potPence: pence(r.pot),
  providerPence: pence(r.provider),
});

/** The financial year's twelve months: "2026-04" with its first day and the first day after it. */
function monthsOf(financialYear: number) {
  return Array.from({ length: 12 }, (_, i) => {
    const [y, m] = [financialYear + (i >= 9 ? 1 : 0), ((i + 3) % 12) + 1];
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    const key = `${y}-${String(m).padStart(2, "0")}`;
    return { key, from: `${key}-01`, to: `${ny}-${String(nm).padStart(2, "0")}-01` };
  });
}

/**
 * The year's figures in one statement and one read of the orders. The sales paid from the
 * September before the financial year to the September after it (and the few paid earlier or
 * later whose delivery starts in those two academic years) are first summed, in one pass, by
 * every dimension the page shows and by what recognition needs: the period they were paid in
 * (a binary search of the periods' first instants, width_bucket, not a conversion of each
 * timestamp to a London day), their month, whether the service runs over the academic year and
 * its delivery start. From those few thousand sums at most come:
 * - the financial year's sales by each dimension at once (grouping sets), and
 * - the sales that count towards the year's recognised income, by how they count: a service over
 *   an academic year by the academic year it serves (its delivery start where known, else the
 *   academic year it was paid in), this financial year's (seven twelfths) or the one before (five
 *   twelfths); anything else when paid in the financial year. Sales paid outside the two years
 *   either side are not read.
 */
async function yearFigures(db: Queryable, authorityId: string, filter: TradedIncomeFilter) {
  const y = filter.financialYear;
  const window = { from: financialYearBounds(y - 2).from, to: financialYearBounds(y + 1).to };
  const fy = financialYearBounds(y);
  const served = { from: `${y - 1}-09-01`, to: `${y + 1}-09-01` };
  const instants = (days: string[]) => sql`array[${sql.join(days.map(londonMidnight), sql`, `)}]::timestamptz[]`;
  const months = monthsOf(y);
  // The periods a sale may be paid in, counted from 1 by width_bucket.
  const [beforeFy, inFyToSeptember, inFyFromSeptember, afterFy] = [1, 2, 3, 4];
  const periods = [served.from, fy.from, `${y}-09-01`, fy.to, served.to];
  const academic = (startsOn: SQL) => sql`
    case when ${startsOn} >= ${served.to}::date then null
      when ${startsOn} >= ${`${y}-09-01`}::date then ${y}::int
      when ${startsOn} >= ${served.from}::date then ${y - 1}::int end`;
  const total = sql`sum(orders) as orders, sum(sales) as sales, sum(authority) as authority, sum(pot) as pot, sum(provider) as provider`;
  const result = await db.execute(sql`
    with p as (
      (${paidOrders(authorityId, filter, served)})
      union all
      (${paidOrders(authorityId, filter, window)} and o.delivery_starts_on >= ${served.from}::date and o.delivery_starts_on < ${served.to}::date
        and not (${londonDaysWithin(sql`o.paid_at`, served.from, served.to)}))
    ),
    fine as materialized (
      select width_bucket(p.paid_at, ${instants(periods)}) as paid_in, width_bucket(p.paid_at, ${instants(months.map((m) => m.from))}) as month,
        p.subject_area, p.provider_id, p.consortium_id, p.buyer_type, p.payment_route,
        (p.terms @> array['autumn','spring','summer']::text[]) as annual, p.delivery_starts_on as starts_on, ${sums}
      from p group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    ),
    counted as (
      select *,
        case
          when not annual then (case when paid_in in (${inFyToSeptember}, ${inFyFromSeptember}) then ${y}::int end)
          when starts_on is not null then ${academic(sql`starts_on`)}
          when paid_in in (${inFyFromSeptember}, ${afterFy}) then ${y}::int
          when paid_in in (${beforeFy}, ${inFyToSeptember}) then ${y - 1}::int end as year
      from fine
    )
    select
      case
        when grouping(month) = 0 then 'month'
        when grouping(subject_area) = 0 then 'subject'
        when grouping(provider_id) = 0 then 'provider'
        when grouping(consortium_id) = 0 then 'consortium'
        when grouping(buyer_type) = 0 then 'buyer'
        when grouping(payment_route) = 0 then 'route'
        else 'total' end as dimension,
      coalesce(month::text, subject_area, provider_id::text, consortium_id::text, buyer_type, payment_route) as key, null::boolean as annual, ${total}
    from fine where paid_in in (${inFyToSeptember}, ${inFyFromSeptember})
    group by grouping sets ((month), (subject_area), (provider_id), (consortium_id), (buyer_type), (payment_route), ())
    union all
    select 'recognition', year::text, annual, ${total}
    from counted where year is not null
    group by annual, year`);
  const rows = rowsOf<SumRow & { dimension: Grouped["dimension"] | "recognition"; key: string | null; annual: boolean | null }>(result);
  const grouped: Grouped[] = [];
  const basis: RecognitionRow[] = [];
  for (const r of rows) {
    if (r.dimension === "recognition") basis.push({ annual: r.annual === true, year: Number(r.key), authority: r.authority, sales: r.sales });
    // width_bucket counts the months from 1.
    else
      grouped.push({
        dimension: r.dimension,
        key: r.dimension === "month" && r.key !== null ? months[Number(r.key) - 1].key : r.key,
        label: null,
        own: null,
        ...figuresOf(r),
      });
  }
  return { grouped, basis };
}

type RecognitionRow = { annual: boolean; year: number; authority: string; sales: string };

/**
 * The authority's traded income recognised in the financial year: a service over an academic
 * year seven twelfths in the financial year of its September and five twelfths in the next; the
 * rest in the year paid.
 */
function recognisedIn(year: number, basis: RecognitionRow[]) {
  let authorityPence = 0;
  let salesPence = 0;
  const label = financialYearLabel(year);
  for (const row of basis) {
    const earnedOn = row.annual ? `${row.year}-09-01` : `${row.year}-04-01`;
    const of = (amount: number) =>
      recogniseIncome({ pence: amount, earnedOn, academicYearService: row.annual }).find((r) => r.financialYear === label)?.pence ?? 0;
    authorityPence += of(pence(row.authority));
    salesPence += of(pence(row.sales));
  }
  return { authorityPence, salesPence };
}

/** What the authority put into the pots in the year (entries caused by funding), by consortium. */
async function fundingIn(db: Queryable, authorityId: string, { financialYear, consortiumId }: TradedIncomeFilter) {
  const { from, to } = financialYearBounds(financialYear);
  const result = await db.execute(sql`
    select a.owner_id as consortium_id, -sum(p.amount_pence) as funded
    from journal_entries e
    join ledger_postings p on p.entry_id = e.id and p.authority_id = e.authority_id
    join ledger_accounts a on a.id = p.account_id and a.kind = 'consortium_pot'
    where e.authority_id = ${authorityId} and e.cause_type = 'funding' and ${londonDaysWithin(sql`e.created_at`, from, to)}
      ${consortiumId ? sql`and a.owner_id = ${consortiumId}` : sql``}
    group by a.owner_id`);
  return new Map(rowsOf<{ consortium_id: string; funded: string }>(result).map((r) => [r.consortium_id, pence(r.funded)]));
}

export type ConsortiumRow = Figures & {
  id: string;
  name: string;
  fundingPence: number;
  schools: number;
  bought: number;
  buyInBps: number | null;
  meetsTarget: boolean;
  graded: number;
  goodOrBetter: number;
  goodOrBetterBps: number | null;
};

/** Each consortium's schools in the year, how many bought, and how many were judged good or better at their latest inspection. */
async function consortiumPeople(db: Queryable, authorityId: string, filter: TradedIncomeFilter) {
  const { from, to } = financialYearBounds(filter.financialYear);
  const result = await db.execute(sql`
    with members as (
      select m.consortium_id, m.school_id from consortium_memberships m
      where m.authority_id = ${authorityId} and m.joined_on < ${to}::date and (m.left_on is null or m.left_on >= ${from}::date)
        ${filter.consortiumId ? sql`and m.consortium_id = ${filter.consortiumId}` : sql``}
    ),
    buyers as (
      select distinct o.school_id from orders o
      where o.authority_id = ${authorityId} and o.paid_at is not null and o.status <> 'cancelled'
        and ${londonDaysWithin(sql`o.paid_at`, from, to)}
    ),
    latest as (
      select distinct on (i.school_id) i.school_id, i.framework, i.judgements from inspections i
      join members m on m.school_id = i.school_id
      order by i.school_id, i.inspected_on desc
    )
    select m.consortium_id, org.name, m.school_id, (b.school_id is not null) as bought, l.framework, l.judgements
    from members m
    join organisations org on org.id = m.consortium_id
    left join buyers b on b.school_id = m.school_id
    left join latest l on l.school_id = m.school_id`);
  const rows = rowsOf<{
    consortium_id: string;
    name: string;
    school_id: string;
    bought: boolean;
    framework: string | null;
    judgements: Record<string, string> | null;
  }>(result);
  const byConsortium = new Map<string, { name: string; schools: Set<string>; bought: Set<string>; graded: number; good: number }>();
  for (const r of rows) {
    const c = byConsortium.get(r.consortium_id) ?? { name: r.name, schools: new Set(), bought: new Set(), graded: 0, good: 0 };
    byConsortium.set(r.consortium_id, c);
    if (c.schools.has(r.school_id)) continue;
    c.schools.add(r.school_id);
    if (r.bought) c.bought.add(r.school_id);
    const judged = r.framework ? goodOrBetter({ framework: r.framework, judgements: r.judgements ?? {} }) : null;
    if (judged !== null) c.graded += 1;
    if (judged) c.good += 1;
  }
  return byConsortium;
}

async function names(db: Queryable, authorityId: string) {
  const result = await db.execute(sql`
    select o.id, o.name, o.kind, (p.provider_kind = 'la_traded_services') as own
    from organisations o left join providers p on p.organisation_id = o.id
    where o.authority_id = ${authorityId} and o.kind in ('consortium', 'provider')
    order by o.name`);
  return rowsOf<{ id: string; name: string; kind: "consortium" | "provider"; own: boolean | null }>(result);
}

export type TradedIncomeReport = Awaited<ReturnType<typeof tradedIncomeReport>>;

/** Everything the traded income page and its CSV files show, for one financial year and filter. */
export async function tradedIncomeReport(db: Queryable, { authorityId, filter }: { authorityId: string; filter: TradedIncomeFilter }) {
  const [{ grouped, basis }, funding, people, organisations] = await Promise.all([
    yearFigures(db, authorityId, filter),
    fundingIn(db, authorityId, filter),
    consortiumPeople(db, authorityId, filter),
    names(db, authorityId),
  ]);
  const nameOf = new Map(organisations.map((o) => [o.id, o]));
  const of = (dimension: Grouped["dimension"]) => grouped.filter((g) => g.dimension === dimension);
  const total = of("total")[0] ?? { ...EMPTY };
  const { from } = financialYearBounds(filter.financialYear);

  // Every month of the year, in order, with nothing where nothing was paid.
  const months = monthsOf(filter.financialYear).map(({ key }) => {
    const found = of("month").find((g) => g.key === key);
    return { key, ...(found ? figuresOnly(found) : { ...EMPTY }) };
  });
  // The year's months fall in the summer term of one academic year, then autumn, spring and summer of the next.
  const termOfMonth = (key: string): { academicYear: number; term: TermName } => {
    const [y, m] = key.split("-").map(Number);
    return { academicYear: m >= 9 ? y : y - 1, term: m >= 9 ? "autumn" : m <= 3 ? "spring" : "summer" };
  };
  const terms: ({ key: string; academicYear: number; term: TermName } & Figures)[] = [];
  for (const month of months) {
    const { academicYear, term } = termOfMonth(month.key);
    const key = `${academicYear}-${term}`;
    let row = terms.find((t) => t.key === key);
    if (!row) terms.push((row = { key, academicYear, term, ...EMPTY }));
    addInto(row, month);
  }

  const consortia: ConsortiumRow[] = [];
  const consortiumIds = new Set([...people.keys(), ...of("consortium").flatMap((g) => (g.key ? [g.key] : [])), ...funding.keys()]);
  for (const id of consortiumIds) {
    const figures = of("consortium").find((g) => g.key === id);
    const p = people.get(id);
    const bps = p ? buyInBps({ bought: p.bought.size, schools: p.schools.size }) : null;
    consortia.push({
      id,
      name: p?.name ?? nameOf.get(id)?.name ?? id,
      ...(figures ? figuresOnly(figures) : { ...EMPTY }),
      fundingPence: funding.get(id) ?? 0,
      schools: p?.schools.size ?? 0,
      bought: p?.bought.size ?? 0,
      buyInBps: bps,
      meetsTarget: meetsBuyInTarget(bps),
      graded: p?.graded ?? 0,
      goodOrBetter: p?.good ?? 0,
      goodOrBetterBps: p && p.graded > 0 ? Math.floor((p.good * 10_000) / p.graded) : null,
    });
  }
  consortia.sort((a, b) => a.name.localeCompare(b.name));
  const noConsortium = of("consortium").find((g) => g.key === null);

  const providers = of("provider")
    .map((g) => ({ id: g.key!, name: nameOf.get(g.key!)?.name ?? "", own: nameOf.get(g.key!)?.own === true, ...figuresOnly(g) }))
    .sort((a, b) => Number(b.own) - Number(a.own) || b.salesPence - a.salesPence || a.name.localeCompare(b.name));
  const ownTotal = providers.filter((p) => p.own).reduce((acc, p) => addInto(acc, p), { ...EMPTY });
  const othersTotal = providers.filter((p) => !p.own).reduce((acc, p) => addInto(acc, p), { ...EMPTY });
  const fundingPence = [...funding.values()].reduce((a, b) => a + b, 0);
  const recognised = recognisedIn(filter.financialYear, basis);

  return {
    financialYear: financialYearLabel(filter.financialYear),
    from,
    total: figuresOnly(total),
    recognised,
    months,
    terms,
    subjects: of("subject")
      .map((g) => ({ key: g.key!, ...figuresOnly(g) }))
      .sort((a, b) => b.salesPence - a.salesPence || a.key.localeCompare(b.key)),
    providers,
    own: ownTotal,
    others: othersTotal,
    consortia,
    noConsortium: noConsortium ? figuresOnly(noConsortium) : null,
    buyers: of("buyer").map((g) => ({ key: g.key as BuyerType, ...figuresOnly(g) })),
    routes: of("route").map((g) => ({ key: g.key as PaymentRoute, ...figuresOnly(g) })),
    funding: { fundingPence, tradedIncomePence: total.authorityPence, sharedBackPence: total.potPence, differencePence: total.authorityPence - fundingPence },
    choices: {
      consortia: organisations.filter((o) => o.kind === "consortium").map((o) => ({ id: o.id, name: o.name })),
      providers: organisations.filter((o) => o.kind === "provider").map((o) => ({ id: o.id, name: o.name })),
    },
  };
}

function figuresOnly(g: Figures): Figures {
  return { orders: g.orders, salesPence: g.salesPence, authorityPence: g.authorityPence, potPence: g.potPence, providerPence: g.providerPence };
}
const addInto = <T extends Figures>(into: T, more: Figures): T =>
  addCounts(into, more, ["orders", "salesPence", "authorityPence", "potPence", "providerPence"]);

export const TERMS_IN_ORDER = TERM_NAMES;
