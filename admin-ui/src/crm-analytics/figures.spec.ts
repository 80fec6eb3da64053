import type { AgentFigures } from '../analytics-api';
import { bucketLabel, comparison, duration, minutes, percent, sortAgents } from './figures';

describe('formatting', () => {
  it('shows rates as percentages to a tenth, and durations in the two largest units', () => {
    expect(percent(0.7345)).toBe('73.5%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
    expect(duration(42)).toBe('42s');
    expect(duration(125)).toBe('2m 5s');
    expect(duration(3725)).toBe('1h 2m');
    expect(minutes(90)).toBe('1h 30m');
    expect(minutes(null)).toBe('—');
  });

  it('labels buckets by interval from their local start', () => {
    expect(bucketLabel('2026-03-29T02:00', 'hour')).toBe('Mar 29 02:00');
    expect(bucketLabel('2026-03-29T00:00', 'day')).toBe('Mar 29');
    expect(bucketLabel('2026-03-23T00:00', 'week')).toBe('Week of Mar 23');
    expect(bucketLabel('2026-12-01T00:00', 'month')).toBe('Dec 2026');
    expect(bucketLabel('garbage', 'day')).toBe('garbage');
  });
});

describe('comparison', () => {
  it('gives the direction, difference and relative change against the previous period', () => {
    expect(comparison(12, 10)).toEqual({ trend: 'up', delta: 2, relative: 0.2 });
    expect(comparison(5, 10)).toEqual({ trend: 'down', delta: -5, relative: -0.5 });
    expect(comparison(0.5, 0.5)).toEqual({ trend: 'flat', delta: 0, relative: 0 });
  });

  it('has no relative change from zero, and no comparison without both figures', () => {
    expect(comparison(3, 0)).toEqual({ trend: 'up', delta: 3, relative: null });
    expect(comparison(null, 4)).toEqual({ trend: 'none', delta: null, relative: null });
  });
});

describe('sortAgents', () => {
  const agent = (name: string, callsHandled: number, answerRate: number | null): AgentFigures => ({
    agentId: name,
    name,
    callsHandled,
    answerRate,
    avgHandleSeconds: null,
    ticketsResolved: 0,
    medianFirstResponseMinutes: null,
    slaCompliance: null,
  });
  const rows = [agent('Dave', 0, null), agent('Bob', 4, 0.5), agent('Alice', 4, 0.9), agent('Carol', 1, null)];
  const names = (field: Parameters<typeof sortAgents>[1], order: 'ASC' | 'DESC') => sortAgents(rows, field, order).map((r) => r.name);

  it('sorts by a figure either way, ties by name', () => {
    expect(names('callsHandled', 'DESC')).toEqual(['Alice', 'Bob', 'Carol', 'Dave']);
    expect(names('callsHandled', 'ASC')).toEqual(['Dave', 'Carol', 'Alice', 'Bob']);
    expect(names('name', 'DESC')).toEqual(['Dave', 'Carol', 'Bob', 'Alice']);
  });

  it('puts missing figures last whichever the direction, as the API does', () => {
    expect(names('answerRate', 'ASC')).toEqual(['Bob', 'Alice', 'Carol', 'Dave']);
    expect(names('answerRate', 'DESC')).toEqual(['Alice', 'Bob', 'Carol', 'Dave']);
  });

  it('leaves the rows it was given alone', () => {
    sortAgents(rows, 'name', 'ASC');
    expect(rows.map((r) => r.name)).toEqual(['Dave', 'Bob', 'Alice', 'Carol']);
  });
});
