import { Table } from "~/components/table";
import type { ReportTable } from "~/domain/reporting/traded-income-tables";
import { formatPence } from "~/format";
import { t } from "~/i18n";

/** A report's table with money formatted, and where given a link to the same table as CSV. */
export function ReportTableView({ table, csvHref }: { table: ReportTable; csvHref?: string }) {
  return (
    <>
      <Table
        caption={table.caption}
        columns={table.columns}
        rows={table.rows.map((row, i) => ({
          key: i,
          cells: row.map((cell) => (cell === null ? "" : typeof cell === "object" ? formatPence(cell.pence) : String(cell))),
        }))}
      />
      {csvHref ? (
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={csvHref} download>
            {t("reports.csv", { table: table.caption })}
          </a>
        </p>
      ) : null}
    </>
  );
}
