import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { cellText, type DataColumn } from './chartCsv';

/** A chart's figures as a real table: a caption, column headers, the first column as row headers. */
export function DataTable<R>({ caption, columns, rows, testId }: { caption: string; columns: readonly DataColumn<R>[]; rows: readonly R[]; testId?: string }) {
  return (
    <TableContainer sx={{ maxHeight: 360 }}>
      <Table size="small" stickyHeader data-testid={testId}>
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.key} align={c.numeric ? 'right' : 'left'}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <TableCell key={c.key} component="th" scope="row">
                    {cellText(c, row)}
                  </TableCell>
                ) : (
                  <TableCell key={c.key} align={c.numeric ? 'right' : 'left'}>
                    {cellText(c, row)}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
