import type { CallHeatmapCell } from '../analytics-api';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Cells as a 7 × 24 grid (Monday first, hour 0 first), cells the API left out as zero, and the busiest cell's volume. */
export function heatmapGrid(cells: readonly CallHeatmapCell[]): { rows: CallHeatmapCell[][]; max: number } {
  const rows = WEEKDAYS.map((_, w) => HOURS.map((hour): CallHeatmapCell => ({ weekday: w + 1, hour, inbound: 0, answered: 0, answerRate: null })));
  let max = 0;
  for (const cell of cells) {
    const row = rows[cell.weekday - 1];
    if (!row || cell.hour < 0 || cell.hour > 23) continue;
    row[cell.hour] = cell;
    max = Math.max(max, cell.inbound);
  }
  return { rows, max };
}

/**
 * How strongly a cell is shaded, 0–1, relative to the busiest cell. The square root keeps quiet
 * hours visible next to a peak; any call at all gets at least MIN_SHADE so that it never looks empty.
 */
export const MIN_SHADE = 0.12;
export function heatShade(inbound: number, max: number): number {
  if (inbound <= 0 || max <= 0) return 0;
  return Math.max(MIN_SHADE, Math.min(1, Math.sqrt(inbound / max)));
}

/** `hsl` fill for a shade: white for 0, deep blue for 1. */
export const heatColor = (shade: number) => `hsl(215, 80%, ${Math.round(97 - shade * 57)}%)`;

/** Text that stays readable on the cell's fill. */
export const heatTextColor = (shade: number) => (shade > 0.55 ? '#fff' : '#1f2937');

/** `09:00` for an hour. */
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
