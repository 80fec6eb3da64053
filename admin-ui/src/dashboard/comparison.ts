/** Which way a KPI should move: up (answer rate), down (open tickets), or neither (call volume). */
export type Better = 'higher' | 'lower' | 'neither';

/** A figure against the previous period, for the arrow under a KPI. */
export interface Comparison {
  direction: 'up' | 'down' | 'same';
  /** Whether the move is good news, given `Better`: drives the colour. */
  tone: 'better' | 'worse' | 'neutral';
  /** "↑ 25%", "↓ 4 pts", "→ 0%", "↑ new". */
  text: string;
  /** The same for screen readers: "up 25% from 4". */
  description: string;
}

function toneOf(direction: Comparison['direction'], better: Better): Comparison['tone'] {
  if (direction === 'same' || better === 'neither') return 'neutral';
  return (direction === 'up') === (better === 'higher') ? 'better' : 'worse';
}

const ARROWS = { up: '↑', down: '↓', same: '→' } as const;
const directionOf = (delta: number): Comparison['direction'] => (delta > 0 ? 'up' : delta < 0 ? 'down' : 'same');

/**
 * A count against the previous period's, as a relative change rounded to whole percent. From 0
 * there is no percentage: the text says "new". Null when either side is unknown.
 */
export function compareCounts(current: number | null, previous: number | null, better: Better): Comparison | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const direction = directionOf(delta);
  const tone = toneOf(direction, better);
  if (previous === 0) {
    if (delta === 0) return { direction, tone, text: `${ARROWS.same} 0%`, description: 'no change from 0' };
    return { direction, tone, text: `${ARROWS[direction]} new`, description: `up from 0 to ${current}` };
  }
  const percent = Math.round((Math.abs(delta) / previous) * 100);
  const word = direction === 'same' ? 'no change' : `${direction} ${percent}%`;
  return { direction, tone, text: `${ARROWS[direction]} ${percent}%`, description: `${word} from ${previous}` };
}

/**
 * A rate (0–1) against the previous period's, as the difference in percentage points (a relative
 * change of a percentage reads wrongly: 50% → 60% is "+10 pts", not "+20%"). Null when either
 * side has no rate (nothing to divide).
 */
export function compareRates(current: number | null, previous: number | null, better: Better): Comparison | null {
  if (current === null || previous === null) return null;
  const points = Math.round(current * 100) - Math.round(previous * 100);
  const direction = directionOf(points);
  const size = Math.abs(points);
  const word = direction === 'same' ? 'no change' : `${direction} ${size} percentage point${size === 1 ? '' : 's'}`;
  return { direction, tone: toneOf(direction, better), text: `${ARROWS[direction]} ${size} pts`, description: `${word} from ${Math.round(previous * 100)}%` };
}
