export interface PositionChange {
  id: string;
  position: number;
}

/**
 * Moves the row at `index` by `delta` places in `rows` (already in display order) and numbers the
 * result 0, 1, 2…; returns only the rows whose position changes. Renumbering rather than swapping
 * two positions also repairs gaps and ties (two entries created with the same position).
 */
export function moveRow(rows: readonly { id: string; position: number }[], index: number, delta: number): PositionChange[] {
  const target = index + delta;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length || delta === 0) return [];
  const order = [...rows];
  const [moved] = order.splice(index, 1);
  order.splice(target, 0, moved);
  return order.map((row, position) => ({ id: row.id, position, was: row.position })).filter((r) => r.was !== r.position).map(({ id, position }) => ({ id, position }));
}
