import type { Principal } from '@callpro/permissions';
import { agentFor, prepareCallLog } from './call-log-input';
import { InvalidPhoneError } from '../common/phone/phone';

const agent: Principal = { kind: 'user', userId: 'agent-1', tenantId: 't', role: 'agent' };
const supervisor: Principal = { kind: 'user', userId: 'sup-1', tenantId: 't', role: 'supervisor' };
const key: Principal = { kind: 'apiKey', keyId: 'key-1', tenantId: 't', scopes: ['calls:write'] };
const NOW = new Date('2026-03-02T12:00:00Z');

const call = (over: Record<string, unknown> = {}) => ({
  direction: 'outbound',
  fromNumber: '030 1234 5678',
  toNumber: '+49 151 12345678',
  startedAt: '2026-03-02T11:00:00+01:00',
  answeredAt: '2026-03-02T10:00:07Z',
  endedAt: '2026-03-02T10:02:07Z',
  outcome: 'answered',
  ...over,
});

describe('agentFor', () => {
  it("makes an agent's call theirs, whatever they name", () => {
    expect(agentFor(agent, 'someone-else')).toBe('agent-1');
    expect(agentFor(agent, null)).toBe('agent-1');
  });

  it('lets staff and keys name an agent or none; staff default to themselves, keys to nobody', () => {
    expect(agentFor(supervisor, 'agent-2')).toBe('agent-2');
    expect(agentFor(supervisor, undefined)).toBe('sup-1');
    expect(agentFor(key, undefined)).toBeNull();
    expect(agentFor(key, 'agent-2')).toBe('agent-2');
  });
});

describe('prepareCallLog', () => {
  it('normalises numbers with the tenant country, derives durations and defaults status and source', () => {
    const result = prepareCallLog(call(), { principal: key, defaultCountry: 'DE', now: NOW });
    expect(result).toEqual({
      row: expect.objectContaining({
        fromNumber: '+493012345678',
        toNumber: '+4915112345678',
        status: 'completed',
        source: 'api',
        talkSeconds: 120,
        ringSeconds: 7,
        startedAt: new Date('2026-03-02T10:00:00Z'),
        agentId: null,
        leadMatch: 'none',
      }),
    });
  });

  it('strips unknown fields and takes android as the source for users', () => {
    const result = prepareCallLog(call({ tenantId: 'other', id: 'mine' }), { principal: agent, defaultCountry: 'DE', now: NOW });
    if (!('row' in result)) throw new Error('expected a row');
    expect(result.row.source).toBe('android');
    expect(result.row.id).not.toBe('mine');
    expect(result.row).not.toHaveProperty('tenantId');
  });

  it('reports field errors as a 400 problem: shape first, then numbers and timing', () => {
    expect(prepareCallLog('x', { principal: key, defaultCountry: 'DE', now: NOW })).toEqual({ problem: { status: 400, errors: { item: expect.any(String) } } });
    expect(prepareCallLog(call({ direction: 'up' }), { principal: key, defaultCountry: 'DE', now: NOW })).toEqual({ problem: { status: 400, errors: { direction: expect.any(String) } } });
    const both = prepareCallLog(call({ fromNumber: '123', endedAt: '2026-03-02T10:00:01Z' }), { principal: key, defaultCountry: 'DE', now: NOW });
    expect(both).toEqual({ problem: { status: 400, errors: { fromNumber: expect.stringMatching(/^fromNumber /), endedAt: expect.any(String) } } });
  });

  it('reads a number once per batch context and gives every item its own answer, valid or not', () => {
    const ctx = { principal: key, defaultCountry: 'DE', now: NOW, phones: new Map<string, string | InvalidPhoneError>() };
    const first = prepareCallLog(call({ fromNumber: '123' }), ctx);
    const second = prepareCallLog(call({ fromNumber: '123', toNumber: '123' }), ctx);
    expect(second).toEqual({ problem: { status: 400, errors: { fromNumber: expect.stringMatching(/^fromNumber /), toNumber: expect.stringMatching(/^toNumber /) } } });
    expect(first).toEqual({ problem: { status: 400, errors: { fromNumber: expect.stringMatching(/^fromNumber /) } } });
    const ok = prepareCallLog(call(), ctx);
    expect(ok).toEqual({ row: expect.objectContaining({ fromNumber: '+493012345678', toNumber: '+4915112345678' }) });
    expect([...ctx.phones.keys()].sort()).toEqual(['+49 151 12345678', '030 1234 5678', '123']);
  });
});
