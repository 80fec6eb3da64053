import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility, Principal } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { principalUserId } from '../common/auth/authenticated-request';
import { notFound, ProblemException } from '../common/errors/problem';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { findListPage } from '../common/rest/list-page';
import { actorOf } from '../audit/audit.service';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { LeadsService } from '../leads/leads.service';
import { OutboxService } from '../outbox/outbox.service';
import { Tenant } from '../tenants/tenant.entity';
import { CallLog } from './call-log.entity';
import { callLogListFor } from './call-log-list';
import { CallReferences, referenceErrors, type Referencing } from './call-references.service';
import { TicketFirstResponse } from './ticket-first-response.service';
import type { UpdateCallLogDto } from './dto/update-call-log.dto';

const EDITABLE = ['disposition', 'notes', 'wrapUpSeconds', 'ticketId', 'leadId'] as const;
type CallLogChanges = Partial<Pick<CallLog, (typeof EDITABLE)[number]>>;

@Injectable()
export class CallLogsService {
  constructor(
    private readonly em: EntityManager,
    private readonly references: CallReferences,
    private readonly leads: LeadsService,
    private readonly firstResponse: TicketFirstResponse,
    private readonly outbox: OutboxService,
  ) {}

  /** Agents see only their own calls (the ability's conditions, in SQL); `q` reads numbers with the tenant's calling code. */
  async list(principal: Principal, ability: AppAbility, raw: RawListQuery, rangeHeader?: string) {
    const tenantId = currentTenantId(this.em);
    if (!tenantId) throw new MissingTenantError();
    const tenant = await this.em.findOneOrFail(Tenant, tenantId);
    const query = parseListQuery(raw, callLogListFor(tenant.defaultCountry), { userId: principalUserId(principal) }, rangeHeader);
    const access = accessibleWhere(ability, 'read', 'CallLog');
    if (access === null) return { rows: [] as CallLog[], total: 0, offset: query.offset };
    const { rows, total } = await findListPage(this.em, CallLog, { $and: [access, query.where] }, query);
    return { rows, total, offset: query.offset };
  }

  async get(ability: AppAbility, id: string): Promise<CallLog> {
    const call = await this.em.findOne(CallLog, id);
    if (!call) throw notFound('Call log');
    assertCan(ability, 'read', 'CallLog', call);
    return call;
  }

  /** Disposition, notes, wrap-up, ticket and lead, by the call's agent or staff above; published as call-log.updated. */
  async update(principal: Principal, ability: AppAbility, id: string, input: UpdateCallLogDto): Promise<CallLog> {
    return this.em.transactional(async (em) => {
      const call = await em.findOne(CallLog, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!call) throw notFound('Call log');
      assertCan(ability, 'update', 'CallLog', call);
      const changes = changedFields(call, input);
      if (Object.keys(changes).length === 0) return call;
      const referencing = referencesOf(changes);
      const errors = referenceErrors(referencing, await this.references.load(em, [referencing]));
      if (errors) throw new ProblemException(422, 'unprocessable', 'The call refers to something that is not in this tenant', { errors });
      em.assign(call, changes);
      if (changes.leadId !== undefined) call.leadMatch = changes.leadId ? 'matched' : 'none';
      call.updatedAt = new Date();
      if (changes.leadId) await this.leads.touchLastContacted(em, changes.leadId, call.startedAt);
      if (changes.ticketId && call.direction === 'outbound') {
        await this.firstResponse.record(em, actorOf(principal), [{ ticketId: changes.ticketId, startedAt: call.startedAt }]);
      }
      this.publish(em, call, { changed: Object.keys(changes) });
      return call;
    });
  }

  /** Returns the deleted call (react-admin expects it); a ticket that came from it keeps existing. */
  async remove(ability: AppAbility, id: string): Promise<CallLog> {
    return this.em.transactional(async (em) => {
      const call = await em.findOne(CallLog, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!call) throw notFound('Call log');
      assertCan(ability, 'delete', 'CallLog', call);
      em.remove(call);
      // the catalogue has no call-log.deleted: clients get call-log.updated with `deleted: true`
      this.publish(em, call, { deleted: true });
      return call;
    });
  }

  private publish(em: EntityManager, call: CallLog, extra: Record<string, unknown>): void {
    this.outbox.publish(em, {
      name: 'call-log.updated',
      subject: 'CallLog',
      resourceId: call.id,
      payload: {
        id: call.id,
        agentId: call.agentId,
        direction: call.direction,
        status: call.status,
        outcome: call.outcome,
        fromNumber: call.fromNumber,
        toNumber: call.toNumber,
        ticketId: call.ticketId,
        leadId: call.leadId,
        startedAt: call.startedAt.toISOString(),
        ...extra,
      },
    });
  }
}

/** The editable fields of `input` that are present and differ (react-admin PUTs whole records). */
function changedFields(call: CallLog, input: UpdateCallLogDto): CallLogChanges {
  const changes: Record<string, unknown> = {};
  for (const field of EDITABLE) {
    const value = input[field];
    if (value !== undefined && value !== call[field]) changes[field] = value;
  }
  return changes as CallLogChanges;
}

/** The references among `changes`, in the shape the batch checks use. */
function referencesOf(changes: CallLogChanges): Referencing {
  return { agentId: null, leadId: changes.leadId ?? null, ticketId: changes.ticketId ?? null, disposition: changes.disposition ?? null };
}
