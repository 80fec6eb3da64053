import { ApiPropertyOptional } from '@nestjs/swagger';
import { DISPOSITION_NAME_MAX, IsActive, IsDispositionName, IsPosition } from './disposition-fields';
import { IsOptionalNotNull } from '../../common/validation/field-rules';

/** Every field optional (react-admin PUTs whole records). A rename carries over to the calls that use it. */
export class UpdateDispositionDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: DISPOSITION_NAME_MAX })
  @IsOptionalNotNull()
  @IsDispositionName()
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsActive()
  active?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptionalNotNull()
  @IsPosition()
  position?: number;
}
