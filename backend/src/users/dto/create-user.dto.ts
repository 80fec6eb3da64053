import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ROLES, type Role } from '@callpro/contracts';
import { IsPassword, IsPersonName, IsPhone, IsUserEmail } from './user-fields';

export class CreateUserDto {
  @IsPersonName()
  name!: string;

  /** Unique across all tenants (login needs only email and password); stored lower-cased. */
  @IsUserEmail()
  email!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', description: 'super_admin cannot be given through this resource' })
  @IsIn(ROLES)
  role!: Role;

  @IsPassword()
  password!: string;

  @IsOptional()
  @IsPhone()
  phone?: string | null;

  /** Defaults to true. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
