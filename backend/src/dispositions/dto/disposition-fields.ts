import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export const DISPOSITION_NAME_MAX = 100;

export const IsDispositionName = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(DISPOSITION_NAME_MAX),
  );

export const IsPosition = () => applyDecorators(IsInt({ message: 'position must be a whole number' }), Min(0), Max(100_000));

export const IsActive = () => IsBoolean({ message: 'active must be true or false' });
