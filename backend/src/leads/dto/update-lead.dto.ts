import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { LEAD_STATUSES, type LeadStatus } from '@callpro/contracts';
import { IsLeadEmail, IsLeadName, IsLeadPhone, IsLeadText } from './lead-fields';
import { IsNullable, IsOptionalNotNull } from '../../common/validation/field-rules';

/**
 * Every field is optional; fields equal to the stored value count as unchanged (react-admin PUTs
 * whole records). Read-only fields (id, tenantId, lastContactedAt, timestamps) are ignored.
 */
export class UpdateLeadDto {
  @IsOptionalNotNull()
  @IsLeadName()
  name?: string;

  /** null clears it. */
  @ApiPropertyOptional({ type: String, nullable: true, example: '030 1234567' })
  @IsLeadPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsLeadEmail()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsLeadText(200)
  company?: string | null;

  @ApiPropertyOptional({ enum: LEAD_STATUSES, enumName: 'LeadStatus' })
  @IsOptionalNotNull()
  @IsIn(LEAD_STATUSES)
  status?: LeadStatus;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsLeadText(100)
  source?: string | null;

  /** Agents cannot hand their lead to someone else. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsNullable()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  /** The version the client last read; a stale one is a 409 and nothing changes. `If-Match` works too. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;
}
