import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details as this API sends them (application/problem+json). */
export class ProblemResponse {
  @ApiProperty({ example: 'https://callpro.dev/problems/validation' })
  type!: string;
  @ApiProperty({ example: 'Bad request' })
  title!: string;
  @ApiProperty({ example: 400 })
  status!: number;
  @ApiProperty({ example: 'The request has invalid fields' })
  detail!: string;
  @ApiProperty({ description: 'Same as detail (react-admin shows it)' })
  message!: string;
  @ApiPropertyOptional({ description: 'Validation errors by field', type: 'object', additionalProperties: { type: 'string' } })
  errors?: Record<string, string>;
  @ApiPropertyOptional()
  instance?: string;
  @ApiPropertyOptional()
  requestId?: string;
}
