import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 10;

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/*
 * Each helper also documents its constraints (the Swagger plugin cannot see through composed
 * decorators). They leave `required` and `nullable` to the plugin, which reads them from the type.
 */

export const IsPersonName = () =>
  applyDecorators(
    ApiProperty({ type: String, minLength: 1, maxLength: 200 }),
    trimmed(),
    IsString(),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(200),
  );

/** Emails are stored lower-cased so that uniqueness and login ignore case. */
export const IsUserEmail = () =>
  applyDecorators(
    ApiProperty({ type: String, format: 'email', maxLength: 254 }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254),
  );

export const IsPassword = () =>
  applyDecorators(
    ApiProperty({ type: String, minLength: PASSWORD_MIN_LENGTH, maxLength: 256, writeOnly: true }),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` }),
    // argon2 hashes any length, but an unbounded one is a cheap way to burn CPU
    MaxLength(256),
  );

const PHONE = /^[+0-9 ()./-]*$/;

export const IsPhone = () =>
  applyDecorators(
    ApiProperty({ type: String, maxLength: 40, pattern: PHONE.source }),
    trimmed(),
    IsString(),
    MaxLength(40),
    Matches(PHONE, { message: 'phone may contain only digits, spaces and + ( ) . / -' }),
  );
