import { Link } from "~/components/link";
import { ScrollTable } from "./scroll-table";
import { Fragment, useId, type ReactNode } from "react";

/** A column: its header text (or a whole header cell, such as a SortableHeader), and whether it holds numbers. */
export type Column = { label?: ReactNode; numeric?: boolean; header?: ReactNode; colSpan?: number; scope?: "col" | "colgroup"; className?: string };

/** A cell: its content, or the content with how it is marked up where it differs from its column. */
export type Cell = ReactNode | { cell: ReactNode; header?: boolean; numeric?: boolean; colSpan?: number; className?: string };
export type Row = { key: string | number; cells: Cell[]; className?: string };

const isCellObject = (cell: Cell): cell is Exclude<Cell, ReactNode> & object => typeof cell === "object" && cell !== null && "cell" in cell;

function BodyRow({ row, columns, rowHeader }: { row: Row; columns: readonly Column[]; rowHeader: boolean }) {
  let column = 0;
  return (
    <tr className={`govuk-table__row${row.className ? ` ${row.className}` : ""}`}>
      {row.cells.map((cell, i) => {
        const spec = isCellObject(cell) ? cell : { cell };
        const numeric = spec.numeric ?? columns[column]?.numeric ?? false;
        const header = spec.header ?? (rowHeader && i === 0);
        column += spec.colSpan ?? 1;
        return header ? (
          <th
            scope="row"
            className={`govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}${spec.className ? ` ${spec.className}` : ""}`}
            colSpan={spec.colSpan}
            key={i}
          >
            {spec.cell}
          </th>
        ) : (
          <td
            className={`govuk-table__cell${numeric ? " govuk-table__cell--numeric" : ""}${spec.className ? ` ${spec.className}` : ""}`}
            colSpan={spec.colSpan}
            key={i}
          >
            {spec.cell}
          </td>
        );
      })}
    </tr>
  );
}

export type TableProps = {
  /** A heading over the table (an h2), which the table keeps as its caption for screen readers only. */
  heading?: ReactNode;
  /** What the table shows; `captionSize` "hidden" keeps it for screen readers only. */
  caption?: ReactNode;
  captionSize?: "s" | "m" | "l" | "hidden";
  /** The columns, and the header rows: usually one; a grid with grouped columns gives two. None when no column has a label (a table headed only by its rows). */
  columns: readonly Column[];
  groups?: readonly Column[];
  rows: readonly Row[];
  /** Rows of totals, in the table's foot. */
  foot?: readonly Row[];
  /** Whether each row's first cell heads it (th scope="row"). */
  rowHeader?: boolean;
  compact?: boolean;
  className?: string;
  /** What to say instead of the table when it has no rows (a paragraph); without it, an empty table shows. */
  empty?: ReactNode;
};

/**
 * A GOV.UK table: a caption, column headers (numeric ones aligned right), rows each headed by its first cell unless told otherwise, and a foot of totals.
 * With a heading, an h2 stands over it and the caption repeats it for screen readers.
 */
export function Table({ heading, ...table }: TableProps) {
  if (heading === undefined) return <CaptionedTable {...table} />;
  return (
    <>
      <h2 className="govuk-heading-m">{heading}</h2>
      <CaptionedTable {...table} caption={heading} captionSize="hidden" />
    </>
  );
}

function CaptionedTable({ caption, captionSize = "s", columns, groups, rows, foot, rowHeader = true, compact = false, className, empty }: TableProps) {
  const captionId = useId();
  if (empty !== undefined && rows.length === 0) return <p className="govuk-body">{empty}</p>;
  const headerRow = (cols: readonly Column[]) => (
    <tr className="govuk-table__row">
      {cols.map((column, i) =>
        column.header !== undefined ? (
          <Fragment key={i}>{column.header}</Fragment>
        ) : (
          <th
            scope={column.scope ?? "col"}
            colSpan={column.colSpan}
            className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}${column.className ? ` ${column.className}` : ""}`}
            key={i}
          >
            {column.label}
          </th>
        ),
      )}
    </tr>
  );
  const table = (
    <table className={`govuk-table${compact ? " app-table--compact" : ""}${className ? ` ${className}` : ""}`}>
      {caption !== undefined ? (
        <caption
          id={captionId}
          className={`govuk-table__caption ${captionSize === "hidden" ? "govuk-visually-hidden" : `govuk-table__caption--${captionSize}`}`}
        >
          {caption}
        </caption>
      ) : null}
      {columns.some((column) => column.label !== undefined || column.header !== undefined) ? (
        <thead className="govuk-table__head">
          {groups ? headerRow(groups) : null}
          {headerRow(columns)}
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <BodyRow row={row} columns={columns} rowHeader={rowHeader} key={row.key} />
        ))}
      </tbody>
      {foot?.length ? (
        <tfoot>
          {foot.map((row) => (
            <BodyRow row={row} columns={columns} rowHeader={rowHeader} key={row.key} />
          ))}
        </tfoot>
      ) : null}
    </table>
  );
  // Every table wider than the screen scrolls inside its own box, never the page.
  return <ScrollTable labelledBy={caption !== undefined ? captionId : undefined}>{table}</ScrollTable>;
}

type Key = string | number;

/**
 * A column of an ItemTable: its header, what each item shows in it, and, with `link`, the page that shows as a link to (the cell then
 * gives the link's text); where `link` gives null (a page the viewer may not open), the cell shows without one.
 */
export type ItemColumn<T> = Column & { cell: (item: T, index: number) => Cell; link?: (item: T) => string | null };

export type ItemTableProps<T> = Omit<TableProps, "columns" | "rows"> & {
  items: readonly T[];
  columns: readonly ItemColumn<T>[];
} & ([T] extends [{ id: Key }] ? { rowKey?: (item: T, index: number) => Key } : { rowKey: (item: T, index: number) => Key });

/**
 * A Table of a list of items, a row each: every column says what an item shows in it, so a header
 * and its cells are written together. A row is keyed by its item's id unless rowKey says otherwise.
 */
export function ItemTable<T>({ items, columns, rowKey, ...table }: ItemTableProps<T>) {
  const keyOf = rowKey ?? ((item: T) => (item as { id: Key }).id);
  const cellOf = (column: ItemColumn<T>, item: T, index: number): Cell => {
    const to = column.link?.(item);
    return to ? (
      <Link className="govuk-link" to={to}>
        {column.cell(item, index) as ReactNode}
      </Link>
    ) : (
      column.cell(item, index)
    );
  };
  const rows = items.map((item, index) => ({ key: keyOf(item, index), cells: columns.map((column) => cellOf(column, item, index)) }));
  return <Table {...table} columns={columns} rows={rows} />;
}

/**
 * A column header that sorts the list by its column: a plain link to the same list sorted (so it
 * works without JavaScript), with aria-sort on the column the list is sorted by now.
 */
export function SortableHeader({
  label,
  column,
  sort,
  direction,
  href,
  numeric,
}: {
  label: ReactNode;
  column: string;
  sort: string;
  direction: "ascending" | "descending";
  href: string;
  numeric?: boolean;
}) {
  const current = sort === column;
  return (
    <th scope="col" className={`govuk-table__header app-sortable${numeric ? " govuk-table__header--numeric" : ""}`} aria-sort={current ? direction : "none"}>
      <Link className="govuk-link govuk-link--no-visited-state app-sortable__link" to={href}>
        {label}
        <span className={`app-sortable__icon${current ? ` app-sortable__icon--${direction}` : ""}`} aria-hidden="true" />
      </Link>
    </th>
  );
}
