import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsVersion } from '../../tickets/dto/ticket-fields';
import { CreateSlaPolicyDto } from './create-sla-policy.dto';
import { IsOptionalNotNull } from '../../common/validation/field-rules';

/**
 * react-admin PUTs the whole record; read-only fields are ignored, absent ones are unchanged. Open
 * tickets are re-matched in the same transaction.
 */
export class UpdateSlaPolicyDto extends PartialType(CreateSlaPolicyDto) {
  /** The version the client last read; required here or as If-Match. A stale one gets 409 and changes nothing. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptionalNotNull()
  @IsVersion()
  version?: number;
}
