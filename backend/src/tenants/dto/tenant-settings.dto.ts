import { IsBoolean, IsOptional } from 'class-validator';

/** Per-tenant switches; omitted keys keep their current value. */
export class TenantSettingsDto {
  /** Create a follow-up ticket for a missed inbound call with no open ticket (default true). */
  @IsOptional()
  @IsBoolean()
  missedCallFollowUp?: boolean;
}
