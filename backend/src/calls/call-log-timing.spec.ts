import { deriveDurations, timingErrors, type CallTimes } from './call-log-timing';

const T0 = new Date('2026-03-02T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const NOW = at(3600);

const answered = (over: Partial<CallTimes> = {}): CallTimes => ({
  status: 'completed',
  outcome: 'answered',
  missedReason: null,
  startedAt: T0,
  answeredAt: at(12),
  endedAt: at(192),
  ...over,
});

describe('deriveDurations', () => {
  it('talk = ended − answered, ring = answered − started', () => {
    expect(deriveDurations(answered())).toEqual({ talkSeconds: 180, ringSeconds: 12 });
  });

  it('a never answered call talks 0 s and rings until it ended', () => {
    expect(deriveDurations({ startedAt: T0, answeredAt: null, endedAt: at(25) })).toEqual({ talkSeconds: 0, ringSeconds: 25 });
  });

  it('a call in progress has rung, but its talk time is not known yet', () => {
    expect(deriveDurations({ startedAt: T0, answeredAt: at(4), endedAt: null })).toEqual({ talkSeconds: 0, ringSeconds: 4 });
  });

  it('a ringing call has neither', () => {
    expect(deriveDurations({ startedAt: T0, answeredAt: null, endedAt: null })).toEqual({ talkSeconds: 0, ringSeconds: 0 });
  });

  it('rounds to whole seconds', () => {
    expect(deriveDurations({ startedAt: T0, answeredAt: new Date(T0.getTime() + 1_600), endedAt: new Date(T0.getTime() + 3_100) })).toEqual({ talkSeconds: 2, ringSeconds: 2 });
  });
});

describe('timingErrors', () => {
  it('accepts a consistent answered call, and durations that agree within a second', () => {
    expect(timingErrors(answered(), NOW)).toEqual({});
    expect(timingErrors(answered({ talkSeconds: 181, ringSeconds: 11 }), NOW)).toEqual({});
  });

  it('accepts a ringing call without end or outcome, and a missed call without answeredAt', () => {
    expect(timingErrors({ status: 'ringing', outcome: null, missedReason: null, startedAt: T0, answeredAt: null, endedAt: null }, NOW)).toEqual({});
    expect(timingErrors(answered({ outcome: 'missed', missedReason: 'no_answer', answeredAt: null }), NOW)).toEqual({});
  });

  it.each<[string, Partial<CallTimes>, string]>([
    ['answeredAt before startedAt', { answeredAt: at(-1) }, 'answeredAt'],
    ['endedAt before answeredAt', { endedAt: at(5) }, 'endedAt'],
    ['endedAt before startedAt', { answeredAt: null, outcome: 'missed', endedAt: at(-5) }, 'endedAt'],
    ['completed without endedAt', { endedAt: null }, 'endedAt'],
    ['completed without outcome', { outcome: null }, 'outcome'],
    ['ringing with an endedAt', { status: 'ringing', outcome: null }, 'endedAt'],
    ['in progress with an outcome', { status: 'in_progress', endedAt: null }, 'outcome'],
    ['answered without answeredAt', { answeredAt: null }, 'answeredAt'],
    ['busy but answered', { outcome: 'busy' }, 'answeredAt'],
    ['answered with a missedReason', { missedReason: 'no_answer' }, 'missedReason'],
    ['a call of more than a day', { endedAt: at(86_401) }, 'endedAt'],
    ['a start in the future', { startedAt: at(3600 + 6 * 60), answeredAt: null, endedAt: null, status: 'ringing', outcome: null }, 'startedAt'],
    ['talkSeconds that disagree', { talkSeconds: 170 }, 'talkSeconds'],
    ['ringSeconds that disagree', { ringSeconds: 20 }, 'ringSeconds'],
  ])('names the field for %s', (_label, over, field) => {
    expect(Object.keys(timingErrors(answered(over), NOW))).toContain(field);
  });

  it('allows a start a little ahead of the server clock (device drift)', () => {
    expect(timingErrors({ status: 'ringing', outcome: null, missedReason: null, startedAt: at(3600 + 60), answeredAt: null, endedAt: null }, NOW)).toEqual({});
  });

  it('lets voicemail be answered by the box or not', () => {
    expect(timingErrors(answered({ outcome: 'voicemail' }), NOW)).toEqual({});
    expect(timingErrors(answered({ outcome: 'voicemail', answeredAt: null }), NOW)).toEqual({});
  });
});
