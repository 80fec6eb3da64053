import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { IsPassword, IsPersonName, IsUserEmail } from '../../users/dto/user-fields';
import { TenantSettingsDto } from './tenant-settings.dto';
import { IsCountry, IsIanaTimeZone, IsSlug, IsTenantName } from './tenant-fields';

/** The new tenant's first org admin. */
export class CreateTenantAdminDto {
  @IsPersonName()
  name!: string;

  @IsUserEmail()
  email!: string;

  @IsPassword()
  password!: string;
}

export class CreateTenantDto {
  @IsTenantName()
  name!: string;

  @IsSlug()
  slug!: string;

  /** Default UTC. */
  @IsOptional()
  @IsIanaTimeZone()
  timezone?: string;

  /** Default US. */
  @IsOptional()
  @IsCountry()
  defaultCountry?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => TenantSettingsDto)
  settings?: TenantSettingsDto;

  /** Default true. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /**
   * Default true: the tenant starts with the default configuration (an "Office hours" business
   * calendar with this year's national holidays, the default SLA policies, the default call
   * dispositions). False starts it empty.
   */
  @IsOptional()
  @IsBoolean()
  provisionDefaults?: boolean;

  /** Created with the tenant, in the same transaction. */
  @IsDefined()
  @ValidateNested()
  @Type(() => CreateTenantAdminDto)
  admin!: CreateTenantAdminDto;
}
