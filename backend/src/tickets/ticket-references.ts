import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationProblem } from '../common/errors/problem';
import { InvalidPhoneError, normalizePhone } from '../common/phone/phone';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { Lead } from '../leads/lead.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';

/**
 * Refuses an assignee who is not an active user of the tenant, or a lead of another tenant, with a
 * 400 naming the field. The tenant filter scopes both lookups; the composite foreign keys back it.
 */
export async function checkReferences(em: EntityManager, refs: { assigneeId?: string | null; leadId?: string | null }): Promise<void> {
  const errors: Record<string, string> = {};
  if (refs.assigneeId && !(await em.count(User, { id: refs.assigneeId, active: true }))) {
    errors.assigneeId = 'assigneeId must be an active user of this tenant';
  }
  if (refs.leadId && !(await em.count(Lead, { id: refs.leadId }))) {
    errors.leadId = 'leadId must be a lead of this tenant';
  }
  if (Object.keys(errors).length) throw new ValidationProblem(errors);
}

/** The requester phone in E.164, local numbers read with the tenant's default country. */
export async function normaliseRequesterPhone(em: EntityManager, phone: string | null | undefined): Promise<string | null | undefined> {
  if (phone === undefined || phone === null) return phone;
  const tenantId = currentTenantId(em);
  if (!tenantId) throw new MissingTenantError();
  const tenant = await em.findOneOrFail(Tenant, tenantId);
  try {
    return normalizePhone(phone, tenant.defaultCountry);
  } catch (error) {
    if (error instanceof InvalidPhoneError) throw new ValidationProblem({ requesterPhone: error.message.replace(/^phone/, 'requesterPhone') });
    throw error;
  }
}
