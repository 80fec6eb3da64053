import { moveRow } from './reorder';

const rows = (...positions: number[]) => positions.map((position, i) => ({ id: String.fromCharCode(97 + i), position }));

describe('moveRow', () => {
  it('swaps neighbours when positions are already 0, 1, 2…', () => {
    expect(moveRow(rows(0, 1, 2, 3), 2, -1)).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
    expect(moveRow(rows(0, 1, 2, 3), 0, 1)).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 1 },
    ]);
  });

  it('renumbers gaps and ties, so that the move is visible even when two rows share a position', () => {
    expect(moveRow(rows(5, 5, 9), 1, -1)).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 1 },
      { id: 'c', position: 2 },
    ]);
  });

  it('does nothing past either end or for no move', () => {
    expect(moveRow(rows(0, 1), 0, -1)).toEqual([]);
    expect(moveRow(rows(0, 1), 1, 1)).toEqual([]);
    expect(moveRow(rows(0, 1), 0, 0)).toEqual([]);
    expect(moveRow([], 0, 1)).toEqual([]);
  });
});
