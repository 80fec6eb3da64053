import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility, Principal } from '@callpro/permissions';
import { requireTenant } from '../common/auth/authenticated-request';
import { notFound, ValidationProblem } from '../common/errors/problem';
import { parsePeriod, type Interval, type Period } from './analytics-period';
import { resolveAgentScope } from './analytics-scope';
import { query, sql } from './sql';
import type { AnalyticsQueryDto } from './dto/analytics-query.dto';
import type { TimeBasis } from './dto/summary.response';

/** Everything an analytics query needs, resolved once per request. */
export interface AnalyticsContext {
  tenantId: string;
  /** null = the whole tenant. */
  agentId: string | null;
  /** The zone of buckets and local hours (requested, or the tenant's). */
  timezone: string;
  /** The tenant's zone: the call rollups' days are its local days. */
  tenantTimezone: string;
  /** Ticket minutes: `business` (open time of the ticket's SLA calendar) once the tenant has business calendars. */
  timeBasis: TimeBasis;
  period: Period;
}

interface ContextRow {
  tenant_timezone: string;
  /** Always true: evaluating it makes PostgreSQL refuse a zone it does not know (22023). */
  zone_ok: boolean;
  agent_exists: boolean;
  has_calendars: boolean;
}

/** PostgreSQL: "time zone … not recognized". */
const INVALID_PARAMETER_VALUE = '22023';

@Injectable()
export class AnalyticsContextResolver {
  constructor(private readonly em: EntityManager) {}

  /**
   * 400 for a bad period, 403 when an agent asks for someone else's figures, 404 when `agentId` is
   * not a user of this tenant, 400 for a zone PostgreSQL does not know.
   */
  async resolve(principal: Principal, ability: AppAbility, dto: AnalyticsQueryDto, interval?: Interval): Promise<AnalyticsContext> {
    const period = parsePeriod(dto.from, dto.to, interval);
    const tenantId = requireTenant(principal);
    const agentId = resolveAgentScope(principal, ability, dto.agentId);
    const row = await this.load(tenantId, agentId, dto.timezone);
    if (agentId && !row.agent_exists) throw notFound('Agent');
    return {
      tenantId,
      agentId,
      timezone: dto.timezone ?? row.tenant_timezone,
      tenantTimezone: row.tenant_timezone,
      timeBasis: row.has_calendars ? 'business' : 'wall_clock',
      period,
    };
  }

  private async load(tenantId: string, agentId: string | null, timezone: string | undefined): Promise<ContextRow> {
    try {
      const [row] = await query<ContextRow>(this.em, sql`
        select t.timezone as tenant_timezone,
               (now() at time zone coalesce(${timezone ?? null}::text, t.timezone)) is not null as zone_ok,
               exists (select 1 from users u where u.tenant_id = ${tenantId} and u.id = ${agentId}::uuid) as agent_exists,
               exists (select 1 from business_calendars c where c.tenant_id = ${tenantId}) as has_calendars
          from tenants t
         where t.id = ${tenantId}`);
      if (!row) throw notFound('Tenant');
      return row;
    } catch (e) {
      if ((e as { code?: string }).code === INVALID_PARAMETER_VALUE) throw new ValidationProblem({ timezone: 'timezone must be an IANA time zone such as Europe/Berlin' });
      throw e;
    }
  }
}
