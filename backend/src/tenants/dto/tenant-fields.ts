import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';

/**
 * IANA zones as this runtime's ICU knows them. ICU lists some zones under their older names
 * (Asia/Calcutta, Europe/Kiev) and leaves out UTC, so current names that resolve to a listed zone
 * (Asia/Kolkata, Europe/Kyiv) and UTC are accepted too.
 */
const ZONES = new Set(Intl.supportedValuesOf('timeZone'));

export function isIanaTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 64) return false;
  if (ZONES.has(value) || value === 'UTC') return true;
  // an alias must be spelled like an IANA name (Area/Location), not merely accepted by Intl
  if (!/^[A-Z][A-Za-z_]+(\/[A-Z][A-Za-z0-9_+-]+)+$/.test(value)) return false;
  try {
    return ZONES.has(new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

export const IsIanaTimeZone = () =>
  applyDecorators(
    ApiProperty({ type: String, example: 'Europe/Berlin' }),
    ValidateBy({
      name: 'isIanaTimeZone',
      validator: { validate: isIanaTimeZone, defaultMessage: () => 'timezone must be an IANA time zone such as Europe/Berlin' },
    }),
  );

export const IsTenantName = () =>
  applyDecorators(
    ApiProperty({ type: String, minLength: 1, maxLength: 200 }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(200),
  );

/** Lower-case letters, digits and inner hyphens; part of URLs, so it is immutable for org admins. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const IsSlug = () =>
  applyDecorators(
    ApiProperty({ type: String, minLength: 2, maxLength: 63, pattern: SLUG.source, example: 'acme' }),
    IsString(),
    MinLength(2),
    MaxLength(63),
    Matches(SLUG, { message: 'slug may contain only a-z, 0-9 and inner hyphens' }),
  );

export const IsCountry = () =>
  applyDecorators(
    ApiProperty({ type: String, pattern: '^[A-Z]{2}$', example: 'US' }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsISO31661Alpha2({ message: 'defaultCountry must be an ISO 3166-1 alpha-2 code such as US' }),
  );
