import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export const NOTE_BODY_MAX = 20_000;

export const IsNoteBody = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: 'body must not be empty' }),
    MaxLength(NOTE_BODY_MAX, { message: `body must be at most ${NOTE_BODY_MAX} characters` }),
  );
