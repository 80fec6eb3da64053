/** The API's largest target: a year of minutes. */
export const TARGET_MAX_MINUTES = 525_600;

export interface DurationParts {
  hours: string;
  minutes: string;
}

/** Business minutes as the two boxes of the form show them; null (no target) leaves both empty. */
export function splitMinutes(total: number | null | undefined): DurationParts {
  if (total == null || !Number.isFinite(total)) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(total / 60)), minutes: String(total % 60) };
}

const WHOLE = /^\d+$/;

/**
 * The two boxes back to business minutes: both empty = null (no target); anything that is not a
 * whole number of hours and minutes = NaN, which validateTarget refuses.
 */
export function joinDuration({ hours, minutes }: DurationParts): number | null {
  const h = hours.trim();
  const m = minutes.trim();
  if (h === '' && m === '') return null;
  if ((h !== '' && !WHOLE.test(h)) || (m !== '' && !WHOLE.test(m))) return Number.NaN;
  return Number(h || 0) * 60 + Number(m || 0);
}

/** "15 min", "4 h", "1 h 30 min"; "—" for no target. */
export function formatMinutes(total: number | null | undefined): string {
  if (total == null) return '—';
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
