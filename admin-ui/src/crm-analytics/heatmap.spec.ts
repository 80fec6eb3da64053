import { heatColor, heatmapGrid, heatShade, heatTextColor, MIN_SHADE } from './heatmap';

describe('heatmapGrid', () => {
  it('places cells by ISO weekday and hour, fills the rest with zeros, and finds the busiest', () => {
    const { rows, max } = heatmapGrid([
      { weekday: 1, hour: 0, inbound: 3, answered: 2, answerRate: 2 / 3 },
      { weekday: 7, hour: 23, inbound: 9, answered: 9, answerRate: 1 },
      { weekday: 8, hour: 1, inbound: 99, answered: 0, answerRate: 0 },
    ]);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.length === 24)).toBe(true);
    expect(rows[0][0].inbound).toBe(3);
    expect(rows[6][23]).toMatchObject({ weekday: 7, hour: 23, inbound: 9 });
    expect(rows[3][12]).toEqual({ weekday: 4, hour: 12, inbound: 0, answered: 0, answerRate: null });
    expect(max).toBe(9);
  });
});

describe('heatShade', () => {
  it('is 0 for no calls (or an empty grid) and 1 for the busiest cell', () => {
    expect(heatShade(0, 10)).toBe(0);
    expect(heatShade(0, 0)).toBe(0);
    expect(heatShade(10, 10)).toBe(1);
  });

  it('scales by the square root, so quiet hours stay visible, with a floor for any call at all', () => {
    expect(heatShade(25, 100)).toBeCloseTo(0.5, 9);
    expect(heatShade(1, 10_000)).toBe(MIN_SHADE);
    expect(heatShade(4, 100)).toBeGreaterThan(4 / 100);
  });

  it('gets darker as the shade grows, with text that stays readable', () => {
    const lightness = (shade: number) => Number(/(\d+)%\)$/.exec(heatColor(shade))![1]);
    expect(lightness(0)).toBeGreaterThan(lightness(0.5));
    expect(lightness(0.5)).toBeGreaterThan(lightness(1));
    expect(heatTextColor(0.1)).not.toBe(heatTextColor(0.9));
  });
});
