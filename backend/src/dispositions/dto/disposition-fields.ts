import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export const DISPOSITION_NAME_MAX = 100;

/** Absent means "unchanged"; null is refused. */
export const IsOptionalNotNull = () => ValidateIf((_obj, value) => value !== undefined);

export const IsDispositionName = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(DISPOSITION_NAME_MAX),
  );

export const IsPosition = () => applyDecorators(IsInt({ message: 'position must be a whole number' }), Min(0), Max(100_000));

export const IsActive = () => IsBoolean({ message: 'active must be true or false' });
