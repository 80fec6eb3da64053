import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CALENDAR_NAME_MAX, HolidayDto, IsCalendarName, IsHolidays, IsIntervals, IsTimeZoneName, OpeningIntervalDto } from './business-calendar-fields';

/** Every field optional (react-admin PUTs whole records); absent = unchanged. Due times of open tickets follow. */
export class UpdateBusinessCalendarDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: CALENDAR_NAME_MAX })
  @IsOptional()
  @IsCalendarName()
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IsOptional()
  @IsTimeZoneName()
  timezone?: string;

  @ApiPropertyOptional({ type: [OpeningIntervalDto] })
  @IsOptional()
  @IsIntervals()
  intervals?: OpeningIntervalDto[];

  @ApiPropertyOptional({ type: [HolidayDto] })
  @IsOptional()
  @IsHolidays()
  holidays?: HolidayDto[];
}
