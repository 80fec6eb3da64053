import type { EntityManager } from '@mikro-orm/postgresql';
import type { BusinessCalendarSpec } from './business-time';
import { BusinessCalendar } from './business-calendar.entity';
import { SlaPolicy } from './sla-policy.entity';
import type { SlaRule } from './sla-state';

/** A tenant's policies in matching order, with their calendars, as the pure rules read them. */
export interface SlaRules {
  list: SlaRule[];
  byId: Map<string, SlaRule>;
}

export function calendarSpec(c: Pick<BusinessCalendar, 'timezone' | 'intervals' | 'holidays'>): BusinessCalendarSpec {
  return { timezone: c.timezone, intervals: c.intervals, holidays: c.holidays };
}

export function ruleOf(p: SlaPolicy, calendar: BusinessCalendarSpec | null): SlaRule {
  return {
    id: p.id,
    active: p.active,
    priorities: p.priorities,
    channels: p.channels,
    tags: p.tags,
    firstResponseMinutes: p.firstResponseMinutes,
    nextResponseMinutes: p.nextResponseMinutes,
    resolutionMinutes: p.resolutionMinutes,
    warnAtPercent: p.warnAtPercent,
    pauseStatuses: p.pauseStatuses,
    calendar,
  };
}

/** Loads the policies and calendars of `em`'s tenant (two small queries). */
export async function loadSlaRules(em: EntityManager): Promise<SlaRules> {
  const policies = await em.find(SlaPolicy, {}, { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });
  const calendarIds = [...new Set(policies.map((p) => p.calendarId).filter((id): id is string => id !== null))];
  const calendars = calendarIds.length ? await em.find(BusinessCalendar, { id: { $in: calendarIds } }) : [];
  // one spec object per calendar, so the business-time day cache is shared by its policies
  const specs = new Map(calendars.map((c) => [c.id, calendarSpec(c)]));
  const list = policies.map((p) => ruleOf(p, p.calendarId ? (specs.get(p.calendarId) ?? null) : null));
  return { list, byId: new Map(list.map((r) => [r.id, r])) };
}
