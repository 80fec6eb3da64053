import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { LEAD_STATUSES, type LeadStatus } from '@callpro/contracts';
import { IsLeadEmail, IsLeadName, IsLeadPhone, IsLeadText } from './lead-fields';
import { IsNullable, IsOptionalNotNull } from '../../common/validation/field-rules';

export class CreateLeadDto {
  @IsLeadName()
  name!: string;

  /** Any common format; stored as E.164, local numbers read with the tenant's default country. Unique per tenant. */
  @ApiPropertyOptional({ type: String, nullable: true, example: '+1 201 555 0123' })
  @IsLeadPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsLeadEmail()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsLeadText(200)
  company?: string | null;

  /** Defaults to `new`. */
  @ApiPropertyOptional({ enum: LEAD_STATUSES, enumName: 'LeadStatus' })
  @IsOptionalNotNull()
  @IsIn(LEAD_STATUSES)
  status?: LeadStatus;

  /** Where the lead came from (campaign, referral, web form …). */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsLeadText(100)
  source?: string | null;

  /**
   * A user of this tenant. Absent: the creating user. Agents may only own leads themselves;
   * null (nobody) is for supervisors and admins.
   */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsNullable()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;
}
