import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ClockService } from '../common/clock/clock.service';
import { provisionDefaultDispositions } from '../dispositions/default-dispositions';
import { provisionDefaultSla } from '../sla/sla-defaults';
import { localDateOf } from '../sla/zoned-time';
import type { Tenant } from './tenant.entity';

/**
 * The configuration a new tenant starts with, so that SLAs and call wrap-up work from day one: the
 * office-hours calendar with this year's and next year's national holidays (a tenant created
 * in December is not left without holidays within weeks), the default SLA policies and the
 * default dispositions. Configuration only; demo data stays in the seeders.
 */
@Injectable()
export class TenantDefaults {
  constructor(private readonly clock: ClockService) {}

  /** Writes the defaults through `em`, which must be scoped to the new tenant (and may be inside its creating transaction). */
  async provision(em: EntityManager, tenant: Pick<Tenant, 'timezone' | 'defaultCountry'>): Promise<void> {
    const year = Number(localDateOf(this.clock.now().getTime(), tenant.timezone).slice(0, 4));
    await provisionDefaultSla(em, tenant, [year, year + 1]);
    await provisionDefaultDispositions(em);
  }
}
