import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { API_KEY_SCOPES, type ApiKeyScope } from '@callpro/contracts';
import type { AppAbility, Principal } from '@callpro/permissions';
import { accessibleWhere, assertCan } from '../common/auth/access';
import { principalUserId } from '../common/auth/authenticated-request';
import { notFound, ValidationProblem } from '../common/errors/problem';
import type { ListQuery } from '../common/rest/list-query';
import { actorOf, AuditService } from '../audit/audit.service';
import { initialFields } from '../audit/audit-changes';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { inTenantTransaction } from '../database/rls';
import { ApiKey } from './api-key.entity';
import { generateApiKeySecret, hashApiKeySecret, looksLikeApiKey } from './api-key-secret';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';
import type { UpdateApiKeyDto } from './dto/update-api-key.dto';

/** `lastUsedAt` is written at most this often per key, so that busy keys do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const AUDITED = ['name', 'scopes', 'prefix', 'expiresAt'] as const;
const KNOWN_SCOPES: ReadonlySet<string> = new Set(API_KEY_SCOPES);

/** What authentication reads of a key. */
interface ApiKeyRow {
  id: string;
  tenant_id: string;
  scopes: string[];
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  last_used_at: Date | string | null;
  /** null when the tenant row is missing. */
  tenant_active: boolean | null;
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /**
   * The principal for a presented secret, or false if it is unknown, revoked, expired or its
   * tenant is deactivated. Looked up by hash on every request (one indexed read), so a revoked key
   * stops working on every instance at once.
   */
  async authenticate(secret: string, now = new Date()): Promise<Principal | false> {
    if (!looksLikeApiKey(secret)) return false;
    // Cross-tenant by nature, like login: the key is what tells us the tenant, so it is looked up
    // through api_key_by_hash (row-level security hides every key until a tenant is set).
    // the tenant's state in the same statement: one round trip per request before its transaction
    const [key] = await this.em.execute<ApiKeyRow[]>(
      `select k.id, k.tenant_id, k.scopes, k.expires_at, k.revoked_at, k.last_used_at, t.active as tenant_active
         from api_key_by_hash(?) k left join tenants t on t.id = k.tenant_id`,
      [hashApiKeySecret(secret)],
    );
    if (!key || key.revoked_at || (key.expires_at && new Date(key.expires_at) <= now)) return false;
    if (!key.tenant_active) return false;
    if (!key.last_used_at || now.getTime() - new Date(key.last_used_at).getTime() >= LAST_USED_RESOLUTION_MS) {
      // guards run before the request's transaction: this write gets its own, in the key's tenant
      await inTenantTransaction(this.em, key.tenant_id, (em) =>
        em.execute(
          `update api_keys set last_used_at = ? where tenant_id = ? and id = ? and (last_used_at is null or last_used_at <= ?)`,
          [now, key.tenant_id, key.id, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)],
          'run',
        ),
      );
    }
    // a scope dropped from the catalogue since the key was made grants nothing
    const scopes = key.scopes.filter((s): s is ApiKeyScope => KNOWN_SCOPES.has(s));
    return { kind: 'apiKey', keyId: key.id, tenantId: key.tenant_id, scopes };
  }

  async list(ability: AppAbility, query: ListQuery): Promise<{ rows: ApiKey[]; total: number }> {
    const access = accessibleWhere(ability, 'read', 'ApiKey');
    if (access === null) return { rows: [], total: 0 };
    const [rows, total] = await this.em.findAndCount(
      ApiKey,
      { $and: [access, query.where] },
      { orderBy: query.orderBy, offset: query.offset, limit: query.limit },
    );
    return { rows, total };
  }

  async get(ability: AppAbility, id: string): Promise<ApiKey> {
    const key = await this.em.findOne(ApiKey, id);
    if (!key) throw notFound('API key');
    assertCan(ability, 'read', 'ApiKey', key);
    return key;
  }

  /** Returns the stored row and the secret, which exists only in this answer. */
  async create(principal: Principal, ability: AppAbility, input: CreateApiKeyDto, now = new Date()): Promise<{ key: ApiKey; secret: string }> {
    if (!currentTenantId(this.em)) throw new MissingTenantError();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= now) throw new ValidationProblem({ expiresAt: 'expiresAt must be in the future' });
    assertCan(ability, 'create', 'ApiKey', {});
    const { secret, hash, prefix } = generateApiKeySecret();
    const key = await this.em.transactional(async (em) => {
      const row = em.create(ApiKey, { name: input.name, scopes: input.scopes, prefix, secretHash: hash, expiresAt, createdById: creatorOf(principal) });
      this.audit.record(em, actorOf(principal), { resource: 'api-keys', resourceId: row.id, action: 'create', changes: initialFields(row, AUDITED) });
      return row;
    });
    return { key, secret };
  }

  async update(principal: Principal, ability: AppAbility, id: string, input: UpdateApiKeyDto): Promise<ApiKey> {
    return this.em.transactional(async (em) => {
      const key = await em.findOne(ApiKey, id);
      if (!key) throw notFound('API key');
      assertCan(ability, 'update', 'ApiKey', key);
      if (input.name === undefined || input.name === key.name) return key;
      this.audit.record(em, actorOf(principal), {
        resource: 'api-keys',
        resourceId: key.id,
        action: 'update',
        changes: [{ field: 'name', from: key.name, to: input.name }],
      });
      key.name = input.name;
      return key;
    });
  }

  /** Revoking is final and idempotent: the row stays (with revokedAt) for the record. */
  async revoke(principal: Principal, ability: AppAbility, id: string): Promise<ApiKey> {
    return this.em.transactional(async (em) => {
      const key = await em.findOne(ApiKey, id);
      if (!key) throw notFound('API key');
      assertCan(ability, 'delete', 'ApiKey', key);
      if (key.revokedAt) return key;
      key.revokedAt = new Date();
      this.audit.record(em, actorOf(principal), {
        resource: 'api-keys',
        resourceId: key.id,
        action: 'delete',
        changes: [{ field: 'revokedAt', from: null, to: key.revokedAt.toISOString() }],
      });
      return key;
    });
  }
}

/** The creating user, when it is a user of this tenant (a super admin acting on it is not). */
function creatorOf(principal: Principal): string | null {
  return principal.kind === 'user' && principal.role !== 'super_admin' ? (principalUserId(principal) ?? null) : null;
}
