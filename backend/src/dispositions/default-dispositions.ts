import type { EntityManager } from '@mikro-orm/postgresql';
import { Disposition } from './disposition.entity';

/** What a call centre typically records after a call: every new tenant's list, in display order. */
export const DEFAULT_DISPOSITIONS = [
  'Resolved',
  'Information given',
  'Sale',
  'Follow-up scheduled',
  'Call back later',
  'Not interested',
  'Wrong number',
  'Escalated',
] as const;

/** Writes the default dispositions into `em`'s tenant; returns their names. */
export async function provisionDefaultDispositions(em: EntityManager): Promise<string[]> {
  DEFAULT_DISPOSITIONS.forEach((name, position) => em.create(Disposition, { name, position, active: true }));
  await em.flush();
  return [...DEFAULT_DISPOSITIONS];
}
