import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TrimmedOrNull, IsNullable } from '../../common/validation/field-rules';

export const NOTES_MAX = 5_000;
export const MAX_SECONDS = 86_400;

export const IsOneOf = (values: readonly string[], field: string) => IsIn(values, { message: `${field} must be one of: ${values.join(', ')}` });

/** An instant: ISO-8601 date and time with a zone (`Z` or an offset), never a local time. */
export const IsInstant = (field: string) =>
  applyDecorators(
    IsString({ message: `${field} must be an ISO-8601 date-time` }),
    IsISO8601({ strict: true }, { message: `${field} must be an ISO-8601 date-time` }),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i, { message: `${field} must be a date-time with a zone, e.g. 2026-01-31T14:05:00Z` }),
  );

/** Checked for shape here; the service normalises it to E.164 with the tenant's default country. */
export const IsPhoneText = (field: string) =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: `${field} must be a phone number` }),
    MinLength(1, { message: `${field} must not be empty` }),
    MaxLength(64),
  );

export const IsText = (max: number) => applyDecorators(TrimmedOrNull(), IsNullable(), IsString(), MaxLength(max));

export const IsSeconds = (field: string) =>
  applyDecorators(IsInt({ message: `${field} must be a whole number of seconds` }), Min(0), Max(MAX_SECONDS));

export const IsId = (field: string, what: string) => applyDecorators(IsNullable(), IsUUID('all', { message: `${field} must be ${what} id` }));

export const IsRecordingUrl = () =>
  applyDecorators(
    TrimmedOrNull(),
    IsNullable(),
    IsString(),
    MaxLength(2_000),
    IsUrl({ protocols: ['https'], require_protocol: true, require_tld: true }, { message: 'recordingUrl must be an https URL' }),
  );

export const IsFlag = (field: string) => applyDecorators(IsNullable(), IsBoolean({ message: `${field} must be true or false` }));

/** The dialer's id: printable, no surrounding spaces. */
export const IsExternalId = () =>
  applyDecorators(
    IsNullable(),
    IsString(),
    MinLength(1),
    MaxLength(200),
    Matches(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/, { message: 'externalId must be printable ASCII without surrounding spaces' }),
  );
