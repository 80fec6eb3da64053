import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility, Principal } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { notFound } from '../common/errors/problem';
import type { ListQuery, ListSpec } from '../common/rest/list-query';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { AUDIT_ACTIONS, AUDIT_ACTOR_TYPES, AuditEvent, type AuditAction, type AuditActorType, type AuditChange } from './audit-event.entity';

/** Who made a change. */
export interface AuditActor {
  actorId: string | null;
  actorType: AuditActorType;
}

export const SYSTEM_ACTOR: AuditActor = { actorId: null, actorType: 'system' };

export function actorOf(principal: Principal): AuditActor {
  return principal.kind === 'user' ? { actorId: principal.userId, actorType: 'user' } : { actorId: principal.keyId, actorType: 'apiKey' };
}

export interface AuditEntry {
  /** react-admin resource name of the changed record, e.g. 'tickets'. */
  resource: string;
  resourceId: string;
  action: AuditAction;
  changes: AuditChange[];
}

export const AUDIT_EVENT_LIST: ListSpec = {
  resource: 'audit-events',
  sortable: ['id', 'occurredAt', 'resource', 'action', 'actorType', 'actorId'],
  defaultSort: ['occurredAt', 'DESC'],
  filters: {
    resource: { kind: 'string' },
    resourceId: { kind: 'uuid' },
    action: { kind: 'enum', values: AUDIT_ACTIONS },
    actorType: { kind: 'enum', values: AUDIT_ACTOR_TYPES },
    actorId: { kind: 'uuid', allowMe: true },
    occurredAt: { kind: 'date', range: true },
  },
};

@Injectable()
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Adds an audit event to `em`'s unit of work, so that it is committed (or rolled back) with the
   * change it describes.
   */
  record(em: EntityManager, actor: AuditActor, entry: AuditEntry): AuditEvent {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    return em.create(AuditEvent, { tenantId, ...actor, ...entry, occurredAt: new Date() });
  }

  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: AuditEvent[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'AuditEvent');
    if (access === null) return { rows: [], total: 0 };
    const [rows, total] = await this.em.findAndCount(
      AuditEvent,
      { $and: [access, query.where] },
      { orderBy: query.orderBy, offset: query.offset, limit: query.limit },
    );
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<AuditEvent> {
    const event = await this.em.findOne(AuditEvent, id);
    if (!event) throw notFound('Audit event');
    assertCan(ability, 'read', 'AuditEvent', event);
    return event;
  }
}
