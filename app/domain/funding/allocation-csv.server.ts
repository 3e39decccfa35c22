import type { CsvRow } from "~/csv.server";
import type { Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { t } from "~/i18n";
import { formulaPage } from "./formula-page.server";
import type { PartAmount } from "./rules";
import { describeWorking } from "./working";

/** The whole allocation of a version, a row per amount with its working, and the totals: for the finance system and for audit. */
export async function allocationCsv(db: Queryable, options: { actor: Actor; authorityId: string; formulaId: string }) {
  const page = await formulaPage(db, options);
  const { formula, allocation } = page;
  const labels = formula.parts.map((p) => p.label);
  const header: CsvRow = [
    t("funding.csv.consortium"),
    t("funding.csv.school"),
    t("funding.csv.pupils"),
    t("funding.csv.category"),
    t("funding.csv.mouSigned"),
    t("funding.csv.part"),
    t("funding.csv.payer"),
    t("funding.csv.amount"),
    t("funding.csv.working"),
  ];
  const rows: CsvRow[] = [header];
  // A row per amount: whose it is (consortium, school, pupils, category, memorandum signed), the part, who pays, the amount and its working.
  const amountRows = (whose: CsvRow, parts: readonly PartAmount[], payer: string): CsvRow[] =>
    parts.map((p) => [...whose, labels[p.part] ?? "", payer, { pence: p.amountPence }, describeWorking(p.working)]);
  for (const c of allocation?.consortia ?? []) {
    rows.push(...amountRows([c.name, null, null, null, null], c.parts, t("funding.csv.authority")));
    for (const s of (allocation?.schools ?? []).filter((x) => x.consortiumId === c.consortiumId)) {
      const school: CsvRow = [c.name, s.name, s.pupils, s.category, s.signedMou ? t("funding.csv.yes") : t("funding.csv.no")];
      rows.push(...amountRows(school, s.parts, t("funding.csv.authority")), ...amountRows(school, s.match, t("funding.csv.school")));
    }
    rows.push([c.name, t("funding.csv.consortiumTotal"), null, null, null, null, null, { pence: c.totalPence }, null]);
  }
  rows.push([t("funding.csv.total"), null, null, null, null, null, t("funding.csv.authority"), { pence: allocation?.authorityPence ?? 0 }, null]);
  rows.push([t("funding.csv.total"), null, null, null, null, null, t("funding.csv.school"), { pence: allocation?.matchPence ?? 0 }, null]);
  return { filename: `funding-${formula.financialYear}-v${formula.version}.csv`, rows };
}
