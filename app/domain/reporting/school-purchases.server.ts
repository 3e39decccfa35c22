// A school's purchases in a financial year as its accounts need them: each line's CFR code (the
// one proposed from the offer's subject area, or the one finance set), VAT and payment route.
import { sql } from "drizzle-orm";
import type { Queryable } from "~/db.server";
import { AppError } from "~/domain/errors";
import { pence, rowsOf } from "./rows";
import { financialYearBounds, financialYearLabel, isCfrCode, proposedCfrCode, type CfrCode } from "./rules";
import { can } from "~/auth/permissions";
import type { Actor } from "~/domain/actor";
import { t } from "~/i18n";
import { matchFundingOfSchool } from "~/domain/funding/match-documents.server";

export type SchoolPurchaseLine = {
  orderId: string;
  placedOn: string;
  title: string;
  providerName: string;
  status: string;
  paymentRoute: string;
  netPence: number;
  potPence: number;
  vatPence: number;
  payablePence: number;
  cfrCode: CfrCode;
  proposedCode: CfrCode;
};

export async function schoolPurchases(
  db: Queryable,
  { authorityId, schoolId, financialYear }: { authorityId: string; schoolId: string; financialYear: number },
) {
  const { from, to } = financialYearBounds(financialYear);
  const school = rowsOf<{ id: string; name: string }>(
    await db.execute(
      sql`select o.id, o.name from schools s join organisations o on o.id = s.organisation_id where s.organisation_id = ${schoolId} and s.authority_id = ${authorityId}`,
    ),
  )[0];
  if (!school) throw new AppError("NOT_FOUND", t("refusal.reporting.schoolNotFound"));
  const rows = rowsOf<{
    id: string;
    placed_on: string;
    title: string;
    provider: string;
    status: string;
    payment_route: string;
    net: string;
    pot: string;
    vat: string;
    payable: string;
    subject_areas: string[];
    code: string | null;
  }>(
    await db.execute(sql`
      select o.id, to_char((o.created_at at time zone 'Europe/London')::date, 'YYYY-MM-DD') as placed_on, r.title, p.name as provider, o.status, o.payment_route,
        o.net_pence as net, o.pot_contribution_pence as pot, o.vat_pence as vat, o.payable_pence as payable, r.subject_areas,
        (select c.code from order_cfr_codes c where c.order_id = o.id and c.authority_id = o.authority_id order by c.created_at desc limit 1) as code
      from orders o
      join offer_revisions r on r.id = o.revision_id
      join organisations p on p.id = o.provider_id
      where o.authority_id = ${authorityId} and o.school_id = ${schoolId}
        and o.created_at >= (${from}::date)::timestamp at time zone 'Europe/London'
        and o.created_at < (${to}::date)::timestamp at time zone 'Europe/London'
      order by o.created_at, o.id`),
  );
  const lines: SchoolPurchaseLine[] = rows.map((r) => {
    const proposedCode = proposedCfrCode(r.subject_areas ?? []);
    return {
      orderId: r.id,
      placedOn: r.placed_on,
      title: r.title,
      providerName: r.provider,
      status: r.status,
      paymentRoute: r.payment_route,
      netPence: pence(r.net),
      potPence: pence(r.pot),
      vatPence: pence(r.vat),
      payablePence: pence(r.payable),
      cfrCode: r.code && isCfrCode(r.code) ? r.code : proposedCode,
      proposedCode,
    };
  });
  return { school, lines };
}

/**
 * The school finance page: the school's purchases in the year (when a school is chosen), the four
 * latest financial years to choose from, and for finance, who may set the codes, every school of the
 * authority to choose between.
 */
export async function schoolFinancePage(
  db: Queryable,
  {
    actor,
    authorityId,
    schoolId,
    financialYear,
    latestYear,
  }: { actor: Actor; authorityId: string; schoolId: string | null; financialYear: number; latestYear: number },
) {
  const may = { setCodes: can(actor.grants, "set:cfr-code", { authorityId }) };
  const schools = may.setCodes
    ? rowsOf<{ value: string; label: string }>(
        await db.execute(
          sql`select o.id as value, o.name as label from schools s join organisations o on o.id = s.organisation_id where s.authority_id = ${authorityId} order by o.name`,
        ),
      )
    : [];
  const year = financialYearLabel(financialYear);
  return {
    purchases: schoolId ? await schoolPurchases(db, { authorityId, schoolId, financialYear }) : null,
    matchFunding: schoolId ? await matchFundingOfSchool(db, { authorityId, schoolId, financialYear: year }) : null,
    year,
    years: Array.from({ length: 4 }, (_, i) => financialYearLabel(latestYear - i)),
    schools,
    can: may,
  };
}
