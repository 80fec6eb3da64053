import { moveInOrder, positionChanges } from './reorder';

const rows = (...positions: number[]) => positions.map((position, i) => ({ id: String.fromCharCode(97 + i), position }));
/** What the dispositions list saves: one PUT per changed row. */
const moveRow = (list: { id: string; position: number }[], index: number, delta: number) => {
  const order = moveInOrder(list, index, delta);
  return order ? positionChanges(order) : [];
};

describe('moving a row and renumbering (positionChanges after moveInOrder)', () => {
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

describe('moveInOrder', () => {
  const ids = (order: { id: string }[] | null) => order?.map((r) => r.id) ?? null;

  it('returns the whole new order, for APIs that take every id in order', () => {
    expect(ids(moveInOrder(rows(0, 1, 2, 3), 3, -1))).toEqual(['a', 'b', 'd', 'c']);
    expect(ids(moveInOrder(rows(0, 1, 2), 0, 2))).toEqual(['b', 'c', 'a']);
  });

  it('returns null for no move, and leaves the input alone', () => {
    const input = rows(0, 1);
    expect(moveInOrder(input, 0, -1)).toBeNull();
    expect(moveInOrder(input, 1, 1)).toBeNull();
    expect(moveInOrder(input, 0, 0)).toBeNull();
    expect(moveInOrder(input, 0, 1)).not.toBe(input);
    expect(ids(input)).toEqual(['a', 'b']);
  });
});

describe('positionChanges', () => {
  it('lists only the rows whose number changes', () => {
    expect(positionChanges([{ id: 'a', position: 0 }, { id: 'c', position: 2 }, { id: 'b', position: 1 }])).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
    expect(positionChanges(rows(0, 1, 2))).toEqual([]);
  });
});
