import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '@callpro/contracts';
import { OPEN_TICKET_STATUSES } from '../sla-state';
import { IsNullable } from '../../common/validation/field-rules';

export const POLICY_NAME_MAX = 100;
/** A year of minutes. */
export const TARGET_MAX_MINUTES = 525_600;
export const WARNINGS_MAX = 5;

export const IsPolicyName = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(POLICY_NAME_MAX),
  );

export const IsPosition = () => applyDecorators(IsInt({ message: 'position must be a whole number' }), Min(0), Max(100_000));

export const IsPriorities = () =>
  applyDecorators(IsArray(), ArrayUnique(), IsIn(TICKET_PRIORITIES, { each: true, message: `priorities must be among ${TICKET_PRIORITIES.join(', ')}` }));

export const IsChannels = () =>
  applyDecorators(IsArray(), ArrayUnique(), IsIn(TICKET_CHANNELS, { each: true, message: `channels must be among ${TICKET_CHANNELS.join(', ')}` }));

/** Business minutes, a positive whole number, or null for "no target". */
export const IsTargetMinutes = () =>
  applyDecorators(
    IsNullable(),
    IsInt({ message: 'a target is a whole number of business minutes' }),
    Min(1, { message: 'a target must be at least 1 minute' }),
    Max(TARGET_MAX_MINUTES, { message: 'a target is at most a year of minutes' }),
  );

/** Whole percentages 1–99, strictly ascending (checked by the service). */
export const IsWarnAtPercent = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(WARNINGS_MAX),
    IsInt({ each: true, message: 'warnAtPercent must be whole percentages' }),
    Min(1, { each: true, message: 'warnAtPercent must be between 1 and 99' }),
    Max(99, { each: true, message: 'warnAtPercent must be between 1 and 99' }),
  );

export const IsPauseStatuses = () =>
  applyDecorators(IsArray(), ArrayUnique(), IsIn(OPEN_TICKET_STATUSES, { each: true, message: `pauseStatuses must be among ${OPEN_TICKET_STATUSES.join(', ')}` }));

export const IsCalendarId = () => applyDecorators(IsNullable(), IsUUID('all', { message: 'calendarId must be a business calendar id' }));

export const IsActive = () => IsBoolean({ message: 'active must be true or false' });
