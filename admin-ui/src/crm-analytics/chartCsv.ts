import { toCsv } from '../tickets/ticketExport';

/** A column of a chart's table view and of its CSV: the same header, the same figures. */
export interface DataColumn<R> {
  key: string;
  label: string;
  /** The raw figure (CSV, sorting); null = no figure. */
  value: (row: R) => string | number | null;
  /** What the table shows; defaults to the raw figure, "—" for none. */
  format?: (row: R) => string;
  numeric?: boolean;
}

/** The text a table cell shows. */
export function cellText<R>(column: DataColumn<R>, row: R): string {
  if (column.format) return column.format(row);
  const value = column.value(row);
  return value === null ? '—' : String(value);
}

/**
 * CSV of a chart's data, with the column labels as the header row and raw figures (not the table's
 * formatting, so that a spreadsheet can compute with them); no figure is an empty cell.
 */
export function chartCsv<R>(columns: readonly DataColumn<R>[], rows: readonly R[]): string {
  const labels = columns.map((c) => c.label);
  return toCsv(
    labels,
    rows.map((row) => Object.fromEntries(columns.map((c) => [c.label, c.value(row) ?? ''])) as Record<string, string | number>),
  );
}
