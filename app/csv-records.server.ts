// Reading an uploaded CSV file: every record with the line it ends on, so a bad row can be named by its line.
import { parse } from "csv-parse/sync";

export type CsvRecord = { record: string[]; info: { lines: number } };

/** The records of a CSV text (a byte-order mark, short rows and blank lines allowed); null when it is not CSV. */
export function csvRecords(text: string): CsvRecord[] | null {
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as CsvRecord[];
  } catch {
    return null;
  }
}
