import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Principal } from '@callpro/permissions';
import { validationErrorsToMap } from '../common/errors/validation.pipe';
import { InvalidPhoneError, normalizePhone } from '../common/phone/phone';
import { deriveDurations, timingErrors } from './call-log-timing';
import type { CallLogRow } from './call-log-upsert.sql';
import { CallLogInputDto } from './dto/call-log-input.dto';

export interface PrepareContext {
  principal: Principal;
  /** The tenant's country, for local numbers. */
  defaultCountry: string;
  now: Date;
  /**
   * Numbers already read in this batch (with its defaultCountry): the tenant's own line is in
   * nearly every item, and parsing against the full metadata is the costliest check of an item.
   */
  phones?: Map<string, string | InvalidPhoneError>;
}

/** An item that cannot be stored: the status a single POST would answer and the errors by field. */
export interface ItemProblem {
  status: 400 | 403 | 409 | 422;
  errors: Record<string, string>;
}

export type Prepared = { row: CallLogRow } | { problem: ItemProblem };

const VALIDATION = { whitelist: true, forbidUnknownValues: true, validationError: { target: false, value: false } } as const;

/**
 * The agent a call belongs to: an agent's own calls are always theirs; integrations and staff may
 * name one (checked later against the tenant's active users); staff default to themselves.
 */
export function agentFor(principal: Principal, requested: string | null | undefined): string | null {
  if (principal.kind === 'user' && principal.role === 'agent') return principal.userId;
  if (requested !== undefined) return requested;
  return principal.kind === 'user' && principal.role !== 'super_admin' ? principal.userId : null;
}

function phone(value: string, field: string, ctx: PrepareContext, errors: Record<string, string>): string {
  let read = ctx.phones?.get(value);
  if (read === undefined) {
    read = readPhone(value, ctx.defaultCountry);
    ctx.phones?.set(value, read);
  }
  if (typeof read === 'string') return read;
  errors[field] = read.message.replace(/^phone/, field);
  return value;
}

function readPhone(value: string, country: string): string | InvalidPhoneError {
  try {
    return normalizePhone(value, country);
  } catch (error) {
    if (error instanceof InvalidPhoneError) return error;
    throw error;
  }
}

const instant = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * Validates one item (fields, numbers, timing) and turns it into a row: numbers in E.164,
 * durations derived, agent and source decided. References (agent, lead, ticket, disposition) are
 * checked by the caller in one query each for the whole batch.
 */
export function prepareCallLog(raw: unknown, ctx: PrepareContext): Prepared {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: { status: 400, errors: { item: 'each item must be a JSON object' } } };
  const input = plainToInstance(CallLogInputDto, raw);
  const invalid = validateSync(input, VALIDATION);
  if (invalid.length) return { problem: { status: 400, errors: validationErrorsToMap(invalid) } };

  const errors: Record<string, string> = {};
  const fromNumber = phone(input.fromNumber, 'fromNumber', ctx, errors);
  const toNumber = phone(input.toNumber, 'toNumber', ctx, errors);
  const times = {
    status: input.status ?? 'completed',
    outcome: input.outcome ?? null,
    missedReason: input.missedReason ?? null,
    startedAt: new Date(input.startedAt),
    answeredAt: instant(input.answeredAt),
    endedAt: instant(input.endedAt),
  };
  Object.assign(errors, timingErrors({ ...times, talkSeconds: input.talkSeconds, ringSeconds: input.ringSeconds }, ctx.now));
  if (Object.keys(errors).length) return { problem: { status: 400, errors } };

  return {
    row: {
      id: randomUUID(),
      externalId: input.externalId ?? null,
      direction: input.direction,
      ...times,
      ...deriveDurations(times),
      fromNumber,
      toNumber,
      wrapUpSeconds: input.wrapUpSeconds ?? null,
      agentId: agentFor(ctx.principal, input.agentId),
      leadId: input.leadId ?? null,
      leadMatch: 'none',
      ticketId: input.ticketId ?? null,
      disposition: input.disposition ?? null,
      notes: input.notes ?? null,
      recordingUrl: input.recordingUrl ?? null,
      recordingConsent: input.recordingConsent ?? null,
      source: input.source ?? (ctx.principal.kind === 'apiKey' ? 'api' : 'android'),
      deviceId: input.deviceId ?? null,
    },
  };
}
