import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility, Principal } from '@callpro/permissions';
import { assertCan } from '../common/auth/access';
import { ProblemException, ValidationProblem, type ProblemCode } from '../common/errors/problem';
import { Ticket } from './ticket.entity';
import { checkReferences } from './ticket-references';
import { changedFields, type TicketChanges } from './ticket-rules';
import { TicketsService } from './tickets.service';
import type { BulkUpdateTicketsDto } from './dto/bulk-update-tickets.dto';

/** Why one ticket of a batch cannot be changed. */
export interface BulkFailure {
  id: string;
  number: number | null;
  status: number;
  code: string;
  detail: string;
}

const SHOWN_IN_DETAIL = 10;

@Injectable()
export class TicketsBulkService {
  constructor(
    private readonly em: EntityManager,
    private readonly tickets: TicketsService,
  ) {}

  /**
   * The same changes for every ticket, in one transaction: every row is locked (in id order, so
   * that two batches cannot deadlock) and checked first; if any one fails nothing is changed and
   * the problem lists each failing ticket.
   */
  async update(principal: Principal, ability: AppAbility, input: BulkUpdateTicketsDto): Promise<Ticket[]> {
    const wanted: TicketChanges = {};
    if (input.changes.status !== undefined) wanted.status = input.changes.status;
    if (input.changes.priority !== undefined) wanted.priority = input.changes.priority;
    if (input.changes.assigneeId !== undefined) wanted.assigneeId = input.changes.assigneeId;
    if (Object.keys(wanted).length === 0) throw new ValidationProblem({ changes: 'give at least one of status, assigneeId, priority' });
    await checkReferences(this.em, wanted);

    return this.em.transactional(async (em) => {
      const tickets = await em.find(Ticket, { id: { $in: input.ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
      const found = new Set(tickets.map((t) => t.id));
      const failures: BulkFailure[] = input.ids
        .filter((id) => !found.has(id))
        .map((id) => ({ id, number: null, status: 404, code: 'not-found', detail: 'Ticket not found' }));
      const planned: [Ticket, TicketChanges][] = [];
      for (const ticket of tickets) {
        const changes = changedFields(ticket, wanted);
        try {
          assertCan(ability, 'update', 'Ticket', ticket);
          await this.tickets.check(em, principal, ability, ticket, changes);
          planned.push([ticket, changes]);
        } catch (error) {
          if (!(error instanceof ProblemException)) throw error;
          const p = error.getResponse() as { status: number; type: string; detail: string };
          failures.push({ id: ticket.id, number: ticket.number, status: p.status, code: p.type.split('/').pop() ?? 'error', detail: p.detail });
        }
      }
      if (failures.length) throw bulkProblem(failures, input.ids.length);
      for (const [ticket, changes] of planned) await this.tickets.apply(em, principal, ticket, changes);
      return tickets;
    });
  }
}

/** 404 if any ticket is missing, else 403 if any is forbidden, else the first failure's status. */
function bulkProblem(failures: BulkFailure[], total: number): ProblemException {
  const worst = failures.find((f) => f.status === 404) ?? failures.find((f) => f.status === 403) ?? failures[0];
  const named = failures
    .slice(0, SHOWN_IN_DETAIL)
    .map((f) => `${f.number ? `#${f.number}` : f.id} (${f.detail})`)
    .join('; ');
  const more = failures.length > SHOWN_IN_DETAIL ? `; and ${failures.length - SHOWN_IN_DETAIL} more` : '';
  const detail = `Nothing was changed: ${failures.length} of ${total} tickets cannot be changed: ${named}${more}`;
  return new ProblemException(worst.status, worst.code as ProblemCode, detail, { failures, ids: failures.map((f) => f.id) });
}
