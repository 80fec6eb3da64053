import type { TimeBasis } from './dto/summary.response';
import { EMPTY, sql, trusted, type Sql } from './sql';

/**
 * Minutes from ticket `t`'s column `from` to its column `to`: elapsed wall-clock minutes, or with
 * the `business` basis the open minutes of the calendar of the ticket's SLA policy (`bc`, joined
 * by ticketCalendarJoin; 24/7 when the ticket has no policy or its policy no calendar).
 */
export function ticketMinutes(basis: TimeBasis, from: string, to: string): Sql {
  if (basis === 'wall_clock') return trusted(`extract(epoch from t.${to} - t.${from})::float8 / 60`);
  return trusted(`analytics_business_minutes(t.${from}, t.${to}, bc.timezone, bc.intervals, bc.holidays)`);
}

/** The ticket's SLA calendar as `bc`, for ticketMinutes (nothing to join for wall-clock minutes). */
export function ticketCalendarJoin(basis: TimeBasis, tenantId: string): Sql {
  if (basis === 'wall_clock') return EMPTY;
  return sql`
    left join sla_policies sp on sp.tenant_id = ${tenantId} and sp.id = t.sla_policy_id
    left join business_calendars bc on bc.tenant_id = ${tenantId} and bc.id = sp.calendar_id`;
}
