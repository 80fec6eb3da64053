import { inTurn, joinSql, sql, trusted } from './sql';

describe('sql', () => {
  it('turns values into parameters and inlines nested fragments in order', () => {
    const agent = sql` and c.agent_id = ${'agent-1'}`;
    const statement = sql`select 1 from call_logs c where c.tenant_id = ${'tenant-1'}${agent} and c.started_at >= ${new Date(0)}`;
    expect(statement.text).toBe('select 1 from call_logs c where c.tenant_id = ? and c.agent_id = ? and c.started_at >= ?');
    expect(statement.params).toEqual(['tenant-1', 'agent-1', new Date(0)]);
  });

  it('never splices a value into the text, whatever it contains', () => {
    const statement = sql`select ${"'; drop table users; --"} as x`;
    expect(statement.text).toBe('select ? as x');
  });

  it('joins fragments with their parameters, and takes trusted text as is', () => {
    const joined = joinSql([sql`a = ${1}`, trusted('b is null'), sql`c = ${3}`], ' and ');
    expect(joined.text).toBe('a = ? and b is null and c = ?');
    expect(joined.params).toEqual([1, 3]);
  });
});

describe('inTurn', () => {
  it('maps in order, starting each item only after the one before has finished', async () => {
    const log: string[] = [];
    const results = await inTurn([30, 10, 20], async (ms, i) => {
      log.push(`start ${i}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${i}`);
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40]);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });
});
