import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { TrimmedOrNull, IsNullable } from '../../common/validation/field-rules';

export const SUBJECT_MAX = 300;
export const DESCRIPTION_MAX = 20_000;
export const TAGS_MAX = 20;
export const TAG_MAX = 50;

export const IsSubject = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'subject must not be empty' }),
    MaxLength(SUBJECT_MAX),
  );

export const IsOptionalText = (max: number) => applyDecorators(TrimmedOrNull(), IsNullable(), IsString(), MaxLength(max));

/** Checked for shape here; the service normalises it to E.164 with the tenant's default country. */
export const IsRequesterPhone = () => applyDecorators(TrimmedOrNull(), IsNullable(), IsString(), MaxLength(64));

export const IsRequesterEmail = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value)),
    IsNullable(),
    IsEmail({}, { message: 'requesterEmail must be an email address' }),
    MaxLength(254),
  );

/** Tags are trimmed, lower-cased and de-duplicated; empty ones are dropped. */
export const IsTags = () =>
  applyDecorators(
    Transform(({ value }) =>
      Array.isArray(value)
        ? [...new Set(value.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t)).filter((t) => t !== ''))]
        : value,
    ),
    IsArray(),
    ArrayMaxSize(TAGS_MAX),
    IsString({ each: true }),
    MaxLength(TAG_MAX, { each: true }),
    Matches(/^[\p{L}\p{N}][\p{L}\p{N} _.:/-]*$/u, { each: true, message: 'tags may contain letters, digits, space and _ . : / -' }),
  );

export const IsVersion = () => applyDecorators(IsInt({ message: 'version must be a whole number' }), Min(1));
