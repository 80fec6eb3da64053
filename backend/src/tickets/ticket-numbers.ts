import type { EntityManager } from '@mikro-orm/postgresql';

export const FIRST_TICKET_NUMBER = 1001;

/**
 * The tenant's next ticket number. Must run inside the transaction that inserts the ticket: the
 * counter row stays locked until it commits (concurrent creates queue here) and a rollback gives
 * the number back, so numbers are unique and gap-free.
 */
export async function nextTicketNumber(em: EntityManager, tenantId: string): Promise<number> {
  const rows: { last_number: number }[] = await em.execute(
    `insert into ticket_counters (tenant_id, last_number) values (?, ?)
     on conflict (tenant_id) do update set last_number = ticket_counters.last_number + 1
     returning last_number`,
    [tenantId, FIRST_TICKET_NUMBER],
  );
  return rows[0].last_number;
}

/** Sets the counter after numbers were assigned in bulk (seeding, imports). */
export async function setTicketCounter(em: EntityManager, tenantId: string, lastNumber: number): Promise<void> {
  await em.execute(
    `insert into ticket_counters (tenant_id, last_number) values (?, ?)
     on conflict (tenant_id) do update set last_number = greatest(ticket_counters.last_number, excluded.last_number)`,
    [tenantId, lastNumber],
  );
}
