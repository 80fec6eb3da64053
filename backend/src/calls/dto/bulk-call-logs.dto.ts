import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { CallLogInputDto } from './call-log-input.dto';

export const BULK_MAX_ITEMS = 1_000;

/**
 * Up to 1,000 calls (offline sync). Items are validated one by one by the service, so that one bad
 * item is reported by its index while the others are stored.
 */
export class BulkCallLogsDto {
  @ApiProperty({ type: [CallLogInputDto], minItems: 1, maxItems: BULK_MAX_ITEMS })
  @IsArray({ message: 'items must be an array' })
  @ArrayMinSize(1, { message: 'items must hold at least one call' })
  @ArrayMaxSize(BULK_MAX_ITEMS, { message: `items may hold at most ${BULK_MAX_ITEMS} calls` })
  items!: unknown[];
}
