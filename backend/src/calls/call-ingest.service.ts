import { Injectable } from '@nestjs/common';
import { EntityManager, TransactionPropagation } from '@mikro-orm/postgresql';
import { asSubject, type AppAbility, type Principal } from '@callpro/permissions';
import { accessibleWhere } from '../common/auth/access';
import { ProblemException, ValidationProblem } from '../common/errors/problem';
import { actorOf, type AuditActor } from '../audit/audit.service';
import { currentTenantId, MissingTenantError } from '../database/tenant.filter';
import { LeadsService } from '../leads/leads.service';
import { OutboxService, type PublishInput } from '../outbox/outbox.service';
import type { TenantSettings } from '../tenants/tenant.entity';
import { CallLog } from './call-log.entity';
import { prepareCallLog, type ItemProblem } from './call-log-input';
import { chunks, upsertCallLogsSql, upsertRounds, type CallLogRow, type Returning, type UpdateGuard, type UpsertedRow } from './call-log-upsert.sql';
import { CallReferences, phonesToMatch, referenceErrors } from './call-references.service';
import { IdempotencyService, type StoredResponse } from './idempotency.service';
import { MissedCallFollowUp, needsFollowUp } from './missed-call-follow-up.service';
import { TicketFirstResponse } from './ticket-first-response.service';
import { CallLogResponse } from './dto/call-log.response';
import type { BulkCallLogsResponse, BulkItemRejection, BulkItemResult, IngestResult } from './dto/bulk-call-logs.response';
import type { CallLogInputDto } from './dto/call-log-input.dto';
import { executeBound } from '../database/bound-sql';

/** An item of the batch on its way in. */
interface Candidate {
  index: number;
  row: CallLogRow;
  leadName: string | null;
}

/** A stored row this batch created or moved forward, with what the after-effects need. */
interface Changed {
  index: number;
  row: UpsertedRow;
  leadName: string | null;
}

interface BatchOutcome {
  items: BulkItemResult[];
  rejected: BulkItemRejection[];
  /** The stored rows this batch created or moved forward (the columns asked for), by item index. */
  written: Map<number, UpsertedRow>;
}

/**
 * How long a tenant's default country (for reading local numbers) is reused before it is read
 * again: a change reaches ingestion within this time on every instance.
 */
const COUNTRY_CACHE_MS = 5_000;

const EXTERNAL_ID_TAKEN: ItemProblem = { status: 409, errors: { externalId: 'externalId belongs to a call you may not change' } };

/**
 * Call ingestion (POST /call-logs and /call-logs/bulk), one transaction per request:
 * validate each item → check references for the whole batch → match leads → multi-row
 * INSERT … ON CONFLICT (tenant_id, external_id) per round → missed-call follow-ups, leads'
 * lastContactedAt, tickets' first response → one outbox event per created or moved row.
 * Raw SQL bypasses the tenant filter, so every statement names the tenant, which comes from the
 * principal (the request's EntityManager), never from the body.
 */
@Injectable()
export class CallIngestService {
  constructor(
    private readonly em: EntityManager,
    private readonly references: CallReferences,
    private readonly leads: LeadsService,
    private readonly followUps: MissedCallFollowUp,
    private readonly firstResponse: TicketFirstResponse,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
  ) {}

  private readonly countries = new Map<string, { country: string; at: number }>();

  /** 201 with the new call, or 200 with the stored one (moved forward, or already as far). */
  ingestOne(principal: Principal, ability: AppAbility, input: CallLogInputDto, idempotencyKey?: string): Promise<StoredResponse<CallLogResponse>> {
    return this.idempotent(principal, idempotencyKey, 'POST /call-logs', input, async (em) => {
      const batch = await this.ingest(em, principal, ability, [input], 'every column');
      if (batch.rejected.length) throw problemOf(batch.rejected[0]);
      const [item] = batch.items;
      // the upsert returned every column; only an unchanged call is read again
      const written = batch.written.get(item.index);
      const row = written ? em.map(CallLog, storedColumns(written)) : await em.findOneOrFail(CallLog, item.id);
      return { status: item.result === 'created' ? 201 : 200, body: CallLogResponse.from(row) };
    });
  }

  /** Always 200: per-item results, rejected items by index; the valid ones are stored. */
  ingestBulk(principal: Principal, ability: AppAbility, items: unknown[], idempotencyKey?: string): Promise<StoredResponse<BulkCallLogsResponse>> {
    return this.idempotent(principal, idempotencyKey, 'POST /call-logs/bulk', items, async (em) => {
      const { items: stored, rejected } = await this.ingest(em, principal, ability, items, 'after-effects');
      const count = (r: IngestResult) => stored.filter((i) => i.result === r).length;
      return { status: 200, body: { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected, items: stored } };
    });
  }

  private async idempotent<T>(
    principal: Principal,
    key: string | undefined,
    route: string,
    body: unknown,
    work: (em: EntityManager) => Promise<StoredResponse<T>>,
  ): Promise<StoredResponse<T> & { replayed?: boolean }> {
    const tenantId = currentTenantId(this.em);
    if (!tenantId) throw new MissingTenantError();
    // joins the request's transaction (TenantTransactionInterceptor) rather than nesting a savepoint
    // in it: a failure rolls the whole request back anyway, and SAVEPOINT + RELEASE cost two round trips
    return this.em.transactional(async (em) => {
      if (!key) return work(em);
      const scope = this.idempotency.scope(principal, tenantId, key, route, body);
      const stored = await this.idempotency.replay(em, scope);
      if (stored) return { ...(stored as StoredResponse<T>), replayed: true };
      const response = await work(em);
      await this.idempotency.save(em, scope, response);
      return response;
    }, { propagation: TransactionPropagation.REQUIRED });
  }

  private async ingest(em: EntityManager, principal: Principal, ability: AppAbility, raw: readonly unknown[], returning: Returning): Promise<BatchOutcome> {
    const tenantId = currentTenantId(em);
    if (!tenantId) throw new MissingTenantError();
    const defaultCountry = await this.defaultCountry(em, tenantId);
    const rejected: BulkItemRejection[] = [];
    const reject = (index: number, problem: ItemProblem): void => {
      rejected.push({ index, ...problem });
    };

    const prepared: Candidate[] = [];
    const context = { principal, defaultCountry, now: new Date(), phones: new Map() };
    raw.forEach((item, index) => {
      const result = prepareCallLog(item, context);
      if ('problem' in result) return reject(index, result.problem);
      if (!ability.can('create', asSubject('CallLog', { agentId: result.row.agentId }))) {
        return reject(index, { status: 403, errors: { agentId: 'you may only log your own calls' } });
      }
      prepared.push({ index, row: result.row, leadName: null });
    });

    const rows = prepared.map((c) => c.row);
    const refs = await this.references.load(em, rows, phonesToMatch(rows));
    const valid = prepared.filter((c) => {
      const errors = referenceErrors(c.row, refs);
      if (errors) reject(c.index, { status: 422, errors });
      return !errors;
    });
    const leadNames = this.references.linkLeads(valid.map((c) => c.row), refs);
    for (const c of valid) c.leadName = c.row.leadId ? (leadNames.get(c.row.leadId) ?? null) : null;

    const { items, changed } = await this.upsert(em, tenantId, updateGuard(ability), valid, reject, returning);
    await this.afterEffects(em, actorOf(principal), refs.settings, changed);
    return {
      items: items.sort((a, b) => a.index - b.index),
      rejected: rejected.sort((a, b) => a.index - b.index),
      written: new Map(changed.map((c) => [c.index, c.row])),
    };
  }

  private async defaultCountry(em: EntityManager, tenantId: string): Promise<string> {
    const hit = this.countries.get(tenantId);
    if (hit && Date.now() - hit.at < COUNTRY_CACHE_MS) return hit.country;
    const [row]: { default_country: string }[] = await em.execute('select default_country from tenants where id = ?', [tenantId]);
    if (!row) throw new MissingTenantError();
    if (this.countries.size > 10_000) this.countries.clear();
    this.countries.set(tenantId, { country: row.default_country, at: Date.now() });
    return row.default_country;
  }

  private async upsert(
    em: EntityManager,
    tenantId: string,
    guard: UpdateGuard,
    candidates: Candidate[],
    reject: (index: number, problem: ItemProblem) => void,
    returning: Returning,
  ): Promise<{ items: BulkItemResult[]; changed: Changed[] }> {
    const items: BulkItemResult[] = [];
    const changed: Changed[] = [];
    for (const round of upsertRounds(candidates.map((c) => ({ ...c, externalId: c.row.externalId })))) {
      for (const chunk of chunks(round)) {
        const { sql, params } = upsertCallLogsSql(tenantId, chunk.map((c) => c.row), guard, returning);
        const rows = await executeBound<UpsertedRow>(em, sql, params);
        const byId = new Map(rows.map((r) => [r.id, r]));
        const byExternalId = new Map(rows.filter((r) => r.external_id !== null).map((r) => [r.external_id!, r]));
        const untouched: Candidate[] = [];
        for (const c of chunk) {
          const row = byId.get(c.row.id) ?? (c.row.externalId !== null ? byExternalId.get(c.row.externalId) : undefined);
          if (!row) {
            untouched.push(c);
            continue;
          }
          items.push({ index: c.index, id: row.id, result: row.inserted ? 'created' : 'updated' });
          changed.push({ index: c.index, row, leadName: c.leadName });
        }
        await this.classifyUntouched(em, tenantId, guard, untouched, items, reject);
      }
    }
    return { items, changed };
  }

  /** Items whose externalId is stored and was not moved: unchanged, or someone else's call (409). */
  private async classifyUntouched(
    em: EntityManager,
    tenantId: string,
    guard: UpdateGuard,
    untouched: Candidate[],
    items: BulkItemResult[],
    reject: (index: number, problem: ItemProblem) => void,
  ): Promise<void> {
    if (untouched.length === 0) return;
    const ids = [...new Set(untouched.map((c) => c.row.externalId!))];
    const stored: { id: string; external_id: string; agent_id: string | null }[] = await em.execute(
      `select id, external_id, agent_id from call_logs where tenant_id = ? and external_id in (?)`,
      [tenantId, ids],
    );
    const byExternalId = new Map(stored.map((s) => [s.external_id, s]));
    for (const c of untouched) {
      const s = byExternalId.get(c.row.externalId!);
      if (!s) throw new Error(`call ${c.row.externalId} was neither written nor found`);
      const mayChange = guard.kind === 'any' || (guard.kind === 'agent' && s.agent_id === guard.agentId);
      if (mayChange) items.push({ index: c.index, id: s.id, result: 'unchanged' });
      else reject(c.index, EXTERNAL_ID_TAKEN);
    }
  }

  /** What a stored or moved call sets off, all in this transaction; then its event. */
  private async afterEffects(em: EntityManager, actor: AuditActor, settings: TenantSettings, changed: Changed[]): Promise<void> {
    if (settings.missedCallFollowUp !== false) await this.followUp(em, actor, changed);
    const lastCall = new Map<string, Date>();
    for (const { row } of changed) {
      if (!row.lead_id) continue;
      const at = new Date(row.started_at);
      if (!lastCall.has(row.lead_id) || at > lastCall.get(row.lead_id)!) lastCall.set(row.lead_id, at);
    }
    for (const [leadId, at] of [...lastCall].sort(([a], [b]) => (a < b ? -1 : 1))) await this.leads.touchLastContacted(em, leadId, at);
    const outboundOnTickets = changed
      .filter(({ row }) => row.direction === 'outbound' && row.ticket_id)
      .map(({ row }) => ({ ticketId: row.ticket_id!, startedAt: new Date(row.started_at) }));
    if (outboundOnTickets.length) await this.firstResponse.record(em, actor, outboundOnTickets);
    // the follow-up tickets' events first, as before; then the calls' in one statement, in request
    // order (the upsert went in externalId order): a managed entity per event cost 1,000 per batch
    await em.flush();
    await this.outbox.publishMany(em, [...changed].sort((x, y) => x.index - y.index).map(({ row }) => callEvent(row)));
  }

  private async followUp(em: EntityManager, actor: AuditActor, changed: Changed[]): Promise<void> {
    const missed = changed.filter(({ row }) => needsFollowUp({ direction: row.direction, status: row.status, outcome: row.outcome, ticketId: row.ticket_id }));
    if (missed.length === 0) return;
    await this.followUps.lockNumbers(em, missed.map(({ row }) => row.from_number));
    const inOrder = [...missed].sort((a, b) => new Date(a.row.started_at).getTime() - new Date(b.row.started_at).getTime());
    for (const { row, leadName } of inOrder) {
      const { ticketId } = await this.followUps.handle(em, actor, {
        id: row.id,
        direction: row.direction,
        status: row.status,
        outcome: row.outcome,
        fromNumber: row.from_number,
        startedAt: new Date(row.started_at),
        agentId: row.agent_id,
        leadId: row.lead_id,
        leadName,
        ticketId: row.ticket_id,
      });
      row.ticket_id = ticketId;
    }
  }
}

/** The `call-log.created` or `call-log.updated` event of a written row. */
function callEvent(row: UpsertedRow): PublishInput {
  return {
    name: row.inserted ? 'call-log.created' : 'call-log.updated',
    subject: 'CallLog',
    resourceId: row.id,
    payload: {
      id: row.id,
      agentId: row.agent_id,
      direction: row.direction,
      status: row.status,
      outcome: row.outcome,
      fromNumber: row.from_number,
      toNumber: row.to_number,
      ticketId: row.ticket_id,
      leadId: row.lead_id,
      startedAt: new Date(row.started_at).toISOString(),
      talkSeconds: row.talk_seconds,
    },
  };
}

/** Whose stored calls this principal may move forward, from its ability (agents: their own). */
export function updateGuard(ability: AppAbility): UpdateGuard {
  const where = accessibleWhere(ability, 'update', 'CallLog');
  if (where === null) return { kind: 'none' };
  if (Object.keys(where).length === 0) return { kind: 'any' };
  const rules = Array.isArray(where.$or) && Object.keys(where).length === 1 ? (where.$or as Record<string, unknown>[]) : [where];
  const [rule] = rules;
  if (rules.length === 1 && Object.keys(rule).length === 1 && typeof rule.agentId === 'string') return { kind: 'agent', agentId: rule.agentId };
  throw new Error(`Unsupported CallLog update conditions: ${JSON.stringify(where)}`);
}

/** A returned row without the upsert's own `inserted` flag: the call's columns, for em.map. */
function storedColumns(row: UpsertedRow): Record<string, unknown> {
  const { inserted: _inserted, ...columns } = row;
  return columns;
}

/** The problem a single POST answers for a rejected item. */
function problemOf(r: BulkItemRejection): ProblemException {
  if (r.status === 400) return new ValidationProblem(r.errors);
  if (r.status === 403) return new ProblemException(403, 'forbidden', Object.values(r.errors)[0], { errors: r.errors });
  if (r.status === 409) return new ProblemException(409, 'conflict', Object.values(r.errors)[0], { errors: r.errors });
  return new ProblemException(422, 'unprocessable', 'The call refers to something that is not in this tenant', { errors: r.errors });
}
