import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISPOSITION_NAME_MAX, IsActive, IsDispositionName, IsPosition } from './disposition-fields';
import { IsOptionalNotNull } from '../../common/validation/field-rules';

export class CreateDispositionDto {
  /** Unique in the tenant; call logs refer to it by this name. */
  @ApiProperty({ minLength: 1, maxLength: DISPOSITION_NAME_MAX, example: 'Call back later' })
  @IsDispositionName()
  name!: string;

  /** Defaults to true. */
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsActive()
  active?: boolean;

  /** Display order; defaults to after the last one. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptionalNotNull()
  @IsPosition()
  position?: number;
}
