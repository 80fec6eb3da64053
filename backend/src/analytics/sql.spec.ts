import { joinSql, sql, trusted } from './sql';

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
