import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope } from '@callpro/contracts';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A new API key; its secret is in the response, once. */
export class CreateApiKeyDto {
  /** What the key is for, e.g. "Android dialers" or "Zapier". */
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, enumName: 'ApiKeyScope', isArray: true, example: ['calls:write'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @ArrayUnique({ message: 'scopes must not repeat' })
  @IsIn(API_KEY_SCOPES, { each: true, message: `each scope must be one of: ${API_KEY_SCOPES.join(', ')}` })
  scopes!: ApiKeyScope[];

  /** ISO-8601; must be in the future. Without it the key lives until revoked. */
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO-8601 date-time' })
  expiresAt?: string | null;
}
