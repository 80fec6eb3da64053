import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SECONDS, NOTES_MAX, IsId, IsSeconds, IsText } from './call-log-fields';
import { IsNullable } from '../../common/validation/field-rules';

/**
 * What may change after the fact (by the call's agent or by supervisors and admins); the call's
 * facts (numbers, times, outcome) come only from the dialer. Absent fields stay; null clears.
 */
export class UpdateCallLogDto {
  /** The name of one of the tenant's dispositions. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsText(100)
  disposition?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTES_MAX })
  @IsText(NOTES_MAX)
  notes?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: MAX_SECONDS })
  @IsNullable()
  @IsSeconds('wrapUpSeconds')
  wrapUpSeconds?: number | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsId('ticketId', 'a ticket')
  ticketId?: string | null;

  /** Links the call to a lead by hand (or unlinks it with null). */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsId('leadId', 'a lead')
  leadId?: string | null;
}
