import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class ReorderSlaPoliciesDto {
  /** Every policy of the tenant, once each, in the new matching order. */
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayUnique({ message: 'ids must not repeat' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'ids must be policy ids' })
  ids!: string[];
}
