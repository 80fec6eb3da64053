import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * The last ticket number handed out per tenant. Bumped with `UPDATE … RETURNING` inside the
 * transaction that inserts the ticket: the row lock serialises concurrent creates, and a rolled
 * back insert rolls the number back too, so numbers have no gaps. Only touched through SQL that
 * names the tenant (see TicketNumbers).
 */
@Entity({ tableName: 'ticket_counters' })
export class TicketCounter {
  [PrimaryKeyProp]?: 'tenantId';

  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'integer' })
  lastNumber!: number;
}
