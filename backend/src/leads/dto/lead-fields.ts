import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** Trims strings; an empty one means "no value" (react-admin sends '' for a cleared input). */
const trimmedOrNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** Absent or null both pass; anything else is validated. */
export const IsNullable = () => ValidateIf((_obj, value) => value !== undefined && value !== null);

/** Optional in an update, but not nullable: absent means "unchanged", null is refused. */
export const IsOptionalNotNull = () => ValidateIf((_obj, value) => value !== undefined);

export const IsLeadName = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(200),
  );

/** Checked for shape only here; the service normalises it to E.164 with the tenant's country. */
export const IsLeadPhone = () => applyDecorators(trimmedOrNull(), IsNullable(), IsString(), MaxLength(64));

export const IsLeadEmail = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value)),
    IsNullable(),
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254),
  );

export const IsLeadText = (max: number) => applyDecorators(trimmedOrNull(), IsNullable(), IsString(), MaxLength(max));
