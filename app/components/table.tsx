import type { ReactNode } from "react";

type Column = { label: ReactNode; numeric?: boolean };

/** A GOV.UK table with a caption, column headers, and each row headed by its first cell. */
export function Table({ caption, columns, rows }: { caption: ReactNode; columns: Column[]; rows: { key: string | number; cells: ReactNode[] }[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column, i) => (
            <th scope="col" className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}`} key={i}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th scope="row" className="govuk-table__header" key={i}>
                  {cell}
                </th>
              ) : (
                <td className={`govuk-table__cell${columns[i]?.numeric ? " govuk-table__cell--numeric" : ""}`} key={i}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
