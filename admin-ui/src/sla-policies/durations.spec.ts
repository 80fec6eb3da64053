import { formatMinutes, joinDuration, splitMinutes } from './durations';

describe('targets in hours and minutes', () => {
  it('splits business minutes into the two boxes, and joins them back', () => {
    for (const total of [1, 15, 60, 90, 240, 4320, 525_600]) expect(joinDuration(splitMinutes(total))).toBe(total);
    expect(splitMinutes(90)).toEqual({ hours: '1', minutes: '30' });
    expect(splitMinutes(15)).toEqual({ hours: '0', minutes: '15' });
  });

  it('reads empty boxes as no target, and one empty box as zero', () => {
    expect(splitMinutes(null)).toEqual({ hours: '', minutes: '' });
    expect(joinDuration({ hours: '', minutes: ' ' })).toBeNull();
    expect(joinDuration({ hours: '8', minutes: '' })).toBe(480);
    expect(joinDuration({ hours: '', minutes: '45' })).toBe(45);
    expect(joinDuration({ hours: '0', minutes: '0' })).toBe(0);
  });

  it('gives NaN for what is not whole hours and minutes', () => {
    expect(joinDuration({ hours: '1.5', minutes: '' })).toBeNaN();
    expect(joinDuration({ hours: '-1', minutes: '' })).toBeNaN();
    expect(joinDuration({ hours: '1', minutes: 'ten' })).toBeNaN();
  });

  it('formats a target for the list', () => {
    expect(formatMinutes(null)).toBe('—');
    expect(formatMinutes(15)).toBe('15 min');
    expect(formatMinutes(240)).toBe('4 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
  });
});
