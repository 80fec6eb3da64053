import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsTimeZone, IsUUID, Matches } from 'class-validator';
import { INTERVALS, type Interval } from '../analytics-period';
import { AGENT_SORT_FIELDS, type AgentSortField } from '../agents-analytics.sql';
import { EXPORT_REPORTS, type ExportReport } from '../analytics-export.sql';

const IsInstant = (field: string) =>
  applyDecorators(
    IsString({ message: `${field} must be an ISO-8601 date-time` }),
    IsISO8601({ strict: true }, { message: `${field} must be an ISO-8601 date-time` }),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i, { message: `${field} must be a date-time with a zone, e.g. 2026-03-01T00:00:00Z` }),
  );

/**
 * The filters every analytics endpoint takes. The period is `from` ≤ t < `to` (at most 400 days);
 * the answer also carries the previous period of the same length, ending at `from`.
 */
export class AnalyticsQueryDto {
  /** Start of the period (inclusive): an ISO-8601 instant with a zone. */
  @ApiProperty({ format: 'date-time', example: '2026-03-01T00:00:00Z' })
  @IsInstant('from')
  from!: string;

  /** End of the period (exclusive), after `from` and at most 400 days later. */
  @ApiProperty({ format: 'date-time', example: '2026-04-01T00:00:00Z' })
  @IsInstant('to')
  to!: string;

  /** Only this user's figures (calls they took or made, tickets assigned to them). Agents always get their own; another id is a 403. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'agentId must be a user id' })
  agentId?: string;

  /** IANA time zone for buckets and local hours; defaults to the tenant's. */
  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IsOptional()
  @IsTimeZone({ message: 'timezone must be an IANA time zone such as Europe/Berlin' })
  timezone?: string;
}

export class SeriesQueryDto extends AnalyticsQueryDto {
  /** Bucket size. Day, week (from Monday) and month buckets follow the local calendar (23/25-hour days at DST changes); hour buckets are clock hours and allow at most 31 days. */
  @ApiPropertyOptional({ enum: INTERVALS, enumName: 'AnalyticsInterval', default: 'day' })
  @IsOptional()
  @IsIn(INTERVALS)
  interval?: Interval;
}

export class AgentsQueryDto extends AnalyticsQueryDto {
  /** Figure to rank by (default `callsHandled`); ties by name. Empty figures sort last. */
  @ApiPropertyOptional({ enum: AGENT_SORT_FIELDS, enumName: 'AgentSortField', default: 'callsHandled' })
  @IsOptional()
  @IsIn(AGENT_SORT_FIELDS)
  sort?: AgentSortField;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'], default: 'DESC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC'])
  order?: 'ASC' | 'DESC';
}

export class ExportQueryDto extends AnalyticsQueryDto {
  /** `calls`: every call started in the period; `tickets`: every ticket created in it; `agents`: the leaderboard. */
  @ApiProperty({ enum: EXPORT_REPORTS, enumName: 'AnalyticsExportReport' })
  @IsIn(EXPORT_REPORTS)
  report!: ExportReport;

  @ApiPropertyOptional({ enum: ['csv'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv'])
  format?: 'csv';
}
