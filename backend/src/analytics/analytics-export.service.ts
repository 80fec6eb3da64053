import { pipeline, type Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import type { AnalyticsContext } from './analytics-context';
import type { LeaderboardOrder } from './agents-analytics.service';
import { agentsExportSql, callsExportSql, EXPORT_COLUMNS, FREE_TEXT_COLUMNS, ticketsExportSql, type ExportReport } from './analytics-export.sql';
import { splitForRollups } from './rollup-bounds';
import type { Sql } from './sql';
import { streamRows } from './sql-cursor';

export interface CsvExport {
  filename: string;
  stream: Readable;
}

const DEFAULT_ORDER: LeaderboardOrder = { sort: 'callsHandled', order: 'DESC' };

/** `2026-03-01T00:00:00.000Z` → `20260301T000000Z` (no colons: they are not allowed in Windows file names). */
export const compactInstant = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection"). */
export const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

@Injectable()
export class AnalyticsExportService {
  constructor(private readonly em: EntityManager) {}

  async csv(ctx: AnalyticsContext, report: ExportReport): Promise<CsvExport> {
    const rows = await streamRows(this.em, await this.statement(ctx, report));
    const csv = stringify({
      bom: true,
      header: true,
      columns: [...EXPORT_COLUMNS[report]],
      cast: {
        string: (value, context) => (FREE_TEXT_COLUMNS.has(String(context.column)) ? defuseFormula(value) : value),
      },
    });
    // errors destroy both ends: the client sees a cut-off download, and the cursor's connection is released
    pipeline(rows, csv, () => undefined);
    const { from, to } = ctx.period.current;
    return { filename: `${report}-${compactInstant(from)}-${compactInstant(to)}.csv`, stream: csv };
  }

  private async statement(ctx: AnalyticsContext, report: ExportReport): Promise<Sql> {
    const range = ctx.period.current;
    if (report === 'calls') return callsExportSql(ctx, range);
    if (report === 'tickets') return ticketsExportSql(ctx, range);
    const ranges = [ctx.period.current, ctx.period.previous] as const;
    const [current, previous] = await splitForRollups(this.em, ctx.tenantTimezone, ranges);
    return agentsExportSql({ ...ctx, ...DEFAULT_ORDER, ranges, splits: [current, previous] });
  }
}
