import { Type } from 'class-transformer';
import { IsBoolean, ValidateNested } from 'class-validator';

import { TenantSettingsDto } from './tenant-settings.dto';
import { IsCountry, IsIanaTimeZone, IsSlug, IsTenantName } from './tenant-fields';
import { IsOptionalNotNull } from '../../common/validation/field-rules';

/**
 * Every field is optional; fields equal to the stored value count as unchanged (react-admin PUTs
 * whole records). Org admins may change name, timezone, defaultCountry and settings; slug and
 * active only super admins.
 */
export class UpdateTenantDto {
  @IsOptionalNotNull()
  @IsTenantName()
  name?: string;

  @IsOptionalNotNull()
  @IsSlug()
  slug?: string;

  @IsOptionalNotNull()
  @IsIanaTimeZone()
  timezone?: string;

  @IsOptionalNotNull()
  @IsCountry()
  defaultCountry?: string;

  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => TenantSettingsDto)
  settings?: TenantSettingsDto;

  /** false deactivates the tenant (there is no DELETE): its users can no longer log in. */
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
