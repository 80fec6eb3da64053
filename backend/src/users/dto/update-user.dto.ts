import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ROLES, type Role } from '@callpro/contracts';
import { IsPassword, IsPersonName, IsPhone, IsUserEmail } from './user-fields';
import { IsOptionalNotNull } from '../../common/validation/field-rules';

/**
 * Every field is optional; fields equal to the stored value count as unchanged (react-admin PUTs
 * whole records). Agents may change only their own name, phone and password.
 */
export class UpdateUserDto {
  @IsOptionalNotNull()
  @IsPersonName()
  name?: string;

  @IsOptionalNotNull()
  @IsUserEmail()
  email?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptionalNotNull()
  @IsIn(ROLES)
  role?: Role;

  /** false deactivates the user (there is no DELETE) and ends their sessions. */
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  /** null clears it. */
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  /** A new password; absent or null leaves it unchanged. Ends the user's sessions. */
  @IsOptional()
  @IsPassword()
  password?: string | null;
}
