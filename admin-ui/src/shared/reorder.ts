export interface PositionChange {
  id: string;
  position: number;
}

/**
 * `rows` (in display order) with the row at `index` moved by `delta` places, or null when that is
 * no move (past either end, or by zero places).
 */
export function moveInOrder<T>(rows: readonly T[], index: number, delta: number): T[] | null {
  const target = index + delta;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length || delta === 0) return null;
  const order = [...rows];
  const [moved] = order.splice(index, 1);
  order.splice(target, 0, moved);
  return order;
}

/**
 * Numbers `order` 0, 1, 2… and returns only the rows whose position changes. Renumbering rather
 * than swapping two positions also repairs gaps and ties (two entries created with the same position).
 */
export function positionChanges(order: readonly { id: string; position: number }[]): PositionChange[] {
  return order.map((row, position) => ({ id: row.id, position, was: row.position })).filter((r) => r.was !== r.position).map(({ id, position }) => ({ id, position }));
}
