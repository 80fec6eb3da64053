import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { TrimmedOrNull, IsNullable } from '../../common/validation/field-rules';

export const IsLeadName = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(200),
  );

/** Checked for shape only here; the service normalises it to E.164 with the tenant's country. */
export const IsLeadPhone = () => applyDecorators(TrimmedOrNull(), IsNullable(), IsString(), MaxLength(64));

export const IsLeadEmail = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value)),
    IsNullable(),
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254),
  );

export const IsLeadText = (max: number) => applyDecorators(TrimmedOrNull(), IsNullable(), IsString(), MaxLength(max));
