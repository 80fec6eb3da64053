import { chunks, ROWS_PER_STATEMENT, upsertCallLogsSql, upsertRounds, type CallLogRow } from './call-log-upsert.sql';

const row = (id: string, externalId: string | null): CallLogRow => ({
  id,
  externalId,
  direction: 'inbound',
  status: 'completed',
  outcome: 'answered',
  missedReason: null,
  fromNumber: '+14155550132',
  toNumber: '+12015550100',
  startedAt: new Date('2026-01-01T10:00:00Z'),
  answeredAt: new Date('2026-01-01T10:00:05Z'),
  endedAt: new Date('2026-01-01T10:01:05Z'),
  talkSeconds: 60,
  ringSeconds: 5,
  wrapUpSeconds: null,
  agentId: null,
  leadId: null,
  leadMatch: 'none',
  ticketId: null,
  disposition: null,
  notes: null,
  recordingUrl: null,
  recordingConsent: null,
  source: 'api',
  deviceId: null,
});

describe('upsertRounds', () => {
  it('puts the n-th occurrence of an externalId into round n, keeping their order', () => {
    const rounds = upsertRounds([row('1', 'b'), row('2', 'a'), row('3', 'b'), row('4', null), row('5', 'b')]);
    expect(rounds.map((r) => r.map((x) => x.id))).toEqual([['2', '1', '4'], ['3'], ['5']]);
  });

  it('sorts each round by externalId (no externalId last) so concurrent batches lock in one order', () => {
    const [round] = upsertRounds([row('1', null), row('2', 'z'), row('3', 'a')]);
    expect(round.map((x) => x.externalId)).toEqual(['a', 'z', null]);
  });
});

describe('upsertCallLogsSql', () => {
  it('writes all rows in one statement, in the given order, with the tenant bound once and never taken from a row', () => {
    const { sql, params } = upsertCallLogsSql('tenant-a', [row('1', 'x'), row('2', null)], { kind: 'any' });
    expect(sql.match(/^insert into call_logs/m)).toHaveLength(1);
    expect(sql).toContain('on conflict (tenant_id, external_id) do update');
    expect(sql).toContain('where excluded.status > call_logs.status\n');
    expect(sql).toContain('order by v.n');
    expect(params).toHaveLength(2);
    expect(params[0]).toBe('tenant-a');
    const rows = JSON.parse(params[1] as string) as Record<string, unknown>[];
    expect(rows.map((r) => [r.id, r.external_id])).toEqual([['1', 'x'], ['2', null]]);
    expect(rows[0]).not.toHaveProperty('tenant_id');
    expect(rows[0]).toMatchObject({ from_number: '+14155550132', started_at: '2026-01-01T10:00:00.000Z', talk_seconds: 60, lead_match: 'none' });
  });

  it('returns every column for a single call, and only what the after-effects read for a batch', () => {
    expect(upsertCallLogsSql('t', [row('1', 'x')], { kind: 'any' }).sql).toMatch(/returning call_logs\.\*, \(xmax = 0\) as inserted$/);
    const { sql } = upsertCallLogsSql('t', [row('1', 'x')], { kind: 'any' }, 'after-effects');
    expect(sql).not.toContain('call_logs.*');
    expect(sql).toMatch(/returning call_logs\.id, call_logs\.external_id, .*call_logs\.ticket_id, call_logs\.started_at, .*\(xmax = 0\) as inserted$/);
  });

  it("restricts an agent's updates to their own calls, and refuses all when nobody may update", () => {
    const agent = upsertCallLogsSql('t', [row('1', 'x')], { kind: 'agent', agentId: 'agent-1' });
    expect(agent.sql).toContain('and call_logs.agent_id = ?');
    expect(agent.params.at(-1)).toBe('agent-1');
    expect(upsertCallLogsSql('t', [row('1', 'x')], { kind: 'none' }).sql).toContain('and false');
  });

  it('takes a whole bulk request in one statement, and no more', () => {
    expect(ROWS_PER_STATEMENT).toBe(1_000);
    expect(() => upsertCallLogsSql('t', [], { kind: 'any' })).toThrow();
    expect(() => upsertCallLogsSql('t', Array.from({ length: ROWS_PER_STATEMENT + 1 }, (_, i) => row(String(i), null)), { kind: 'any' })).toThrow();
    expect(chunks(Array.from({ length: ROWS_PER_STATEMENT + 1 }, (_, i) => i)).map((c) => c.length)).toEqual([ROWS_PER_STATEMENT, 1]);
  });
});
