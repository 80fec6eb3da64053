import { compareValues } from './conditions';

describe('compareValues', () => {
  const t = '2025-06-02T12:00:00.000Z';

  it.each([
    ['equal Dates', new Date(t), new Date(t), 0],
    ['Date and the same instant as ISO string', new Date(t), t, 0],
    ['ISO strings of one instant in different notations', '2025-06-02T14:00:00+02:00', t, 0],
    ['later Date vs ISO string', new Date('2025-06-02T12:00:01Z'), t, 1],
    ['earlier ISO string vs Date', '2025-06-02T11:59:59Z', new Date(t), -1],
    ['equal strings', 'user-1', 'user-1', 0],
    ['different strings', 'user-1', 'user-2', -1],
    ['null and a string', null, 'user-1', -1],
    ['numbers', 2, 1, 1],
  ] as const)('%s', (_label, a, b, expected) => {
    expect(compareValues<unknown>(a, b)).toBe(expected);
  });
});
