import { TenantOwnedEntity } from './base.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { Notification } from '../notifications/notification.entity';
import { Ticket } from '../tickets/ticket.entity';
import { TicketCounter } from '../tickets/ticket-counter.entity';
import { TicketNote } from '../ticket-notes/ticket-note.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Lead } from '../leads/lead.entity';
import { ApiKey } from '../api-keys/api-key.entity';
import { Disposition } from '../dispositions/disposition.entity';
import { CallLog } from '../calls/call-log.entity';
import { IdempotencyKey } from '../calls/idempotency-key.entity';
import { BusinessCalendar } from '../sla/business-calendar.entity';
import { SlaPolicy } from '../sla/sla-policy.entity';
import { SlaEvent } from '../sla/sla-event.entity';

/** Every entity of the app. Each module adds its own here (one list for the app, the CLI and tests). */
export const ENTITIES = [Tenant, User, RefreshToken, OutboxEvent, Notification, Ticket, TicketCounter, TicketNote, AuditEvent, Lead, ApiKey, Disposition, CallLog, IdempotencyKey, BusinessCalendar, SlaPolicy, SlaEvent];

/** Entities the tenant filter applies to: subclasses of TenantOwnedEntity, and users. */
export const TENANT_SCOPED_ENTITY_NAMES = ENTITIES.filter(
  (e) => e.prototype instanceof TenantOwnedEntity || e === User,
).map((e) => e.name);
