import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export const CALENDAR_NAME_MAX = 100;
export const INTERVALS_MAX = 70;
export const HOLIDAYS_MAX = 400;
const TIME = /^(?:([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One opening of a weekday, local time of the calendar's zone. */
export class OpeningIntervalDto {
  /** 0 = Sunday … 6 = Saturday. */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 6, example: 1 })
  @IsInt({ message: 'weekday must be 0 (Sunday) … 6 (Saturday)' })
  @Min(0, { message: 'weekday must be 0 (Sunday) … 6 (Saturday)' })
  @Max(6, { message: 'weekday must be 0 (Sunday) … 6 (Saturday)' })
  weekday!: number;

  @ApiProperty({ example: '09:00', pattern: TIME.source })
  @Matches(TIME, { message: 'start must be HH:MM' })
  start!: string;

  /** Not after `start` means the next day (22:00–06:00 runs overnight); 24:00 is the end of the day. */
  @ApiProperty({ example: '12:30', pattern: TIME.source })
  @Matches(TIME, { message: 'end must be HH:MM (or 24:00)' })
  end!: string;
}

/** Closed local dates: one day (from = to) or a range, both ends inclusive. */
export class HolidayDto {
  @ApiProperty({ format: 'date', example: '2026-12-24' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-12-26' })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Christmas' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export const IsCalendarName = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(CALENDAR_NAME_MAX),
  );

export const IsTimeZoneName = () => applyDecorators(IsString(), MaxLength(64));

export const IsIntervals = () =>
  applyDecorators(
    IsArray({ message: 'intervals must be a list of {weekday, start, end}' }),
    ArrayMaxSize(INTERVALS_MAX),
    ValidateNested({ each: true }),
    Type(() => OpeningIntervalDto),
  );

export const IsHolidays = () =>
  applyDecorators(IsArray({ message: 'holidays must be a list of {from, to, name}' }), ArrayMaxSize(HOLIDAYS_MAX), ValidateNested({ each: true }), Type(() => HolidayDto));
