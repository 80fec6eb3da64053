import { ApiProperty } from '@nestjs/swagger';
import type { BusinessCalendar } from '../business-calendar.entity';
import { HolidayDto, OpeningIntervalDto } from './business-calendar-fields';

export class BusinessCalendarResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  tenantId!: string;
  name!: string;
  /** IANA time zone. */
  timezone!: string;
  @ApiProperty({ type: [OpeningIntervalDto] })
  intervals!: OpeningIntervalDto[];
  @ApiProperty({ type: [HolidayDto] })
  holidays!: HolidayDto[];
  createdAt!: Date;
  updatedAt!: Date;

  static from(c: BusinessCalendar): BusinessCalendarResponse {
    const { id, tenantId, name, timezone, intervals, holidays, createdAt, updatedAt } = c;
    return Object.assign(new BusinessCalendarResponse(), { id, tenantId, name, timezone, intervals, holidays, createdAt, updatedAt });
  }
}
