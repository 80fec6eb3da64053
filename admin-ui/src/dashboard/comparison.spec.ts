import { compareCounts, compareRates } from './comparison';

describe('compareCounts', () => {
  it('gives the relative change, rounded, with an arrow and a tone for the KPI', () => {
    expect(compareCounts(15, 12, 'higher')).toEqual({ direction: 'up', tone: 'better', text: '↑ 25%', description: 'up 25% from 12' });
    expect(compareCounts(9, 12, 'higher')).toMatchObject({ direction: 'down', tone: 'worse', text: '↓ 25%' });
    expect(compareCounts(9, 12, 'lower')).toMatchObject({ direction: 'down', tone: 'better' });
    expect(compareCounts(15, 12, 'lower')).toMatchObject({ direction: 'up', tone: 'worse' });
    expect(compareCounts(2, 3, 'higher')?.text).toBe('↓ 33%');
  });

  it('keeps volume neutral and no change neutral', () => {
    expect(compareCounts(15, 12, 'neither')).toMatchObject({ direction: 'up', tone: 'neutral' });
    expect(compareCounts(12, 12, 'higher')).toEqual({ direction: 'same', tone: 'neutral', text: '→ 0%', description: 'no change from 12' });
  });

  it('says "new" instead of an infinite percentage when the previous period had none', () => {
    expect(compareCounts(4, 0, 'higher')).toEqual({ direction: 'up', tone: 'better', text: '↑ new', description: 'up from 0 to 4' });
    expect(compareCounts(0, 0, 'higher')).toMatchObject({ direction: 'same', text: '→ 0%' });
  });

  it('has nothing to say without both figures', () => {
    expect(compareCounts(null, 3, 'higher')).toBeNull();
    expect(compareCounts(3, null, 'higher')).toBeNull();
  });
});

describe('compareRates', () => {
  it('gives the difference in percentage points of the rounded rates', () => {
    expect(compareRates(0.6, 0.5, 'higher')).toEqual({ direction: 'up', tone: 'better', text: '↑ 10 pts', description: 'up 10 percentage points from 50%' });
    expect(compareRates(0.5, 0.6, 'higher')).toMatchObject({ direction: 'down', tone: 'worse', text: '↓ 10 pts' });
    expect(compareRates(0.914, 0.904, 'higher')?.description).toBe('up 1 percentage point from 90%');
    // 73.4% and 73.2% both show as 73%: no arrow either way
    expect(compareRates(0.734, 0.732, 'higher')).toMatchObject({ direction: 'same', tone: 'neutral', text: '→ 0 pts' });
  });

  it('has nothing to say when either period had nothing to measure', () => {
    expect(compareRates(null, 0.5, 'higher')).toBeNull();
    expect(compareRates(0.5, null, 'higher')).toBeNull();
  });
});
