import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CALENDAR_NAME_MAX, HolidayDto, IsCalendarName, IsHolidays, IsIntervals, IsTimeZoneName, OpeningIntervalDto } from './business-calendar-fields';

export class CreateBusinessCalendarDto {
  /** Unique in the tenant. */
  @ApiProperty({ minLength: 1, maxLength: CALENDAR_NAME_MAX, example: 'Office hours' })
  @IsCalendarName()
  name!: string;

  /** IANA time zone of the opening times and holiday dates. */
  @ApiProperty({ example: 'Europe/Berlin' })
  @IsTimeZoneName()
  timezone!: string;

  /** At least one opening; several per weekday for split shifts. */
  @ApiProperty({ type: [OpeningIntervalDto] })
  @IsIntervals()
  intervals!: OpeningIntervalDto[];

  @ApiPropertyOptional({ type: [HolidayDto], description: 'Defaults to none.' })
  @IsOptional()
  @IsHolidays()
  holidays?: HolidayDto[];
}
