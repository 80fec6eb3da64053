import { ApiProperty } from '@nestjs/swagger';
import type { PackedRules } from '@callpro/permissions';
import type { Tenant } from '../../tenants/tenant.entity';
import { SessionUserResponse } from './session.response';

/** The tenant the session acts in. */
export class SessionTenantResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  slug!: string;
  @ApiProperty({ example: 'America/New_York' })
  timezone!: string;
  @ApiProperty({ example: 'US' })
  defaultCountry!: string;
  @ApiProperty()
  active!: boolean;

  static from(tenant: Tenant): SessionTenantResponse {
    const { id, name, slug, timezone, defaultCountry, active } = tenant;
    return { id, name, slug, timezone, defaultCountry, active };
  }
}

export class MeResponse {
  @ApiProperty({ type: SessionUserResponse })
  user!: SessionUserResponse;

  @ApiProperty({
    type: SessionTenantResponse,
    nullable: true,
    description: "The user's tenant; for a super admin the one chosen with X-Tenant-Id, else null",
  })
  tenant!: SessionTenantResponse | null;

  @ApiProperty({
    description: "The session's CASL rules, packed (@casl/ability/extra packRules); rebuild with abilityFromPackedRules",
    type: 'array',
    items: { type: 'array', items: {} },
  })
  rules!: PackedRules;
}
