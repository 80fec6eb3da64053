import { formatDuration, formatPhone, isUnanswered, localDateTimeToIso, safeRecordingUrl } from './callFormat';
import { dispositionChoices, wrapUpChanges } from './wrapUp';

describe('formatPhone', () => {
  it('writes an E.164 number the international way', () => {
    expect(formatPhone('+14155550123')).toBe('+1 415 555 0123');
    expect(formatPhone('+493012345678')).toBe('+49 30 12345678');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
  });

  it('shows what it cannot read as stored, and nothing for no number', () => {
    expect(formatPhone('+1')).toBe('+1');
    expect(formatPhone('anonymous')).toBe('anonymous');
    expect(formatPhone(null)).toBe('');
    expect(formatPhone('')).toBe('');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '00:00'],
    [7, '00:07'],
    [65, '01:05'],
    [599, '09:59'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [86_400, '24:00:00'],
  ])('%i s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('is empty for no value or nonsense', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(-1)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
  });
});

describe('isUnanswered', () => {
  it('is true for a finished call nobody talked on, false while it rings or once answered', () => {
    expect(isUnanswered({ outcome: 'missed' })).toBe(true);
    expect(isUnanswered({ outcome: 'busy' })).toBe(true);
    expect(isUnanswered({ outcome: 'voicemail' })).toBe(true);
    expect(isUnanswered({ outcome: 'answered' })).toBe(false);
    expect(isUnanswered({ outcome: null })).toBe(false);
  });
});

describe('localDateTimeToIso', () => {
  it("reads a datetime-local value in the browser's zone and answers the UTC instant", () => {
    expect(localDateTimeToIso('2026-03-01T09:30')).toBe(new Date(2026, 2, 1, 9, 30).toISOString());
  });

  it('is empty for an empty or unreadable value, so that react-admin drops the filter', () => {
    expect(localDateTimeToIso('')).toBe('');
    expect(localDateTimeToIso(null)).toBe('');
    expect(localDateTimeToIso('soon')).toBe('');
  });
});

describe('wrapUpChanges', () => {
  it('sends blanks as null', () => {
    expect(wrapUpChanges({ disposition: '', notes: '   ', wrapUpSeconds: '' })).toEqual({ disposition: null, notes: null, wrapUpSeconds: null });
  });

  it('sends values, notes trimmed and seconds as a number', () => {
    expect(wrapUpChanges({ disposition: 'Sale', notes: ' Wants a quote \n', wrapUpSeconds: '45' })).toEqual({
      disposition: 'Sale',
      notes: 'Wants a quote',
      wrapUpSeconds: 45,
    });
    expect(wrapUpChanges({ disposition: 'Sale', notes: null, wrapUpSeconds: 0 }).wrapUpSeconds).toBe(0);
  });
});

describe('dispositionChoices', () => {
  const list = [
    { name: 'Sale', active: true },
    { name: 'Old', active: false },
    { name: 'Call back later', active: true },
  ];

  it('offers the active ones in the given order', () => {
    expect(dispositionChoices(list, null).map((c) => c.id)).toEqual(['Sale', 'Call back later']);
    expect(dispositionChoices(list, 'Sale').map((c) => c.id)).toEqual(['Sale', 'Call back later']);
  });

  it("keeps the call's current one when it is no longer offered", () => {
    expect(dispositionChoices(list, 'Old')).toEqual([
      { id: 'Sale', name: 'Sale' },
      { id: 'Call back later', name: 'Call back later' },
      { id: 'Old', name: 'Old (no longer offered)' },
    ]);
  });
});

describe('safeRecordingUrl', () => {
  it('keeps an https link and drops anything else', () => {
    expect(safeRecordingUrl('https://rec.example.com/1.mp3')).toBe('https://rec.example.com/1.mp3');
    expect(safeRecordingUrl('javascript:alert(1)')).toBeNull();
    expect(safeRecordingUrl('http://rec.example.com/1.mp3')).toBeNull();
    expect(safeRecordingUrl('not a url')).toBeNull();
    expect(safeRecordingUrl(null)).toBeNull();
  });
});
