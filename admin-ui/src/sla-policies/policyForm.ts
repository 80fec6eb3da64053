import { TARGET_MAX_MINUTES } from './durations';

/** The API allows at most this many warnings per policy. */
export const WARNINGS_MAX = 5;

type Targets = Partial<Record<'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes', number | null>>;

/** One target, as the API checks it: empty, or 1 minute … a year. */
export function validateTarget(value: number | null | undefined): string | undefined {
  if (value == null) return undefined;
  if (!Number.isInteger(value)) return 'Enter whole hours and minutes';
  if (value < 1) return 'A target must be at least 1 minute';
  if (value > TARGET_MAX_MINUTES) return 'A target is at most a year';
  return undefined;
}

/** The API refuses a policy without any target (on firstResponseMinutes). */
export function validateSomeTarget(values: Targets): string | undefined {
  const none = [values.firstResponseMinutes, values.nextResponseMinutes, values.resolutionMinutes].every((v) => v == null);
  return none ? 'Set at least one target (first response, next response or resolution)' : undefined;
}

/** As the API checks warnAtPercent: whole percentages 1–99, strictly ascending, at most five. */
export function validateWarnAtPercent(values: readonly number[] | null | undefined): string | undefined {
  const list = values ?? [];
  if (list.length > WARNINGS_MAX) return `At most ${WARNINGS_MAX} warnings`;
  if (list.some((v) => !Number.isInteger(v))) return 'Warnings are whole percentages, e.g. 75';
  if (list.some((v) => v < 1 || v > 99)) return 'Warnings must be between 1 and 99 %';
  if (list.some((v, i) => i > 0 && v <= list[i - 1])) return 'Warnings must be strictly ascending, e.g. 75, 90';
  return undefined;
}

/**
 * The chips of the warnings input ("75", "90 %"; numbers as loaded) as numbers, for validation and
 * for the API; anything else becomes NaN, which validation refuses (the chip keeps what was typed).
 */
export function parsePercentages(chips: readonly (string | number)[] | null | undefined): number[] {
  return (chips ?? []).map((chip) => {
    const text = String(chip).trim().replace(/\s*%$/, '');
    return /^\d+$/.test(text) ? Number(text) : Number.NaN;
  });
}

/** What the form holds: the record, with the warnings as typed. */
export type PolicyFormValues = Targets & { warnAtPercent?: readonly (string | number)[] | null };

/** The form's values as the API takes them (react-admin sends the whole record; the API ignores read-only fields). */
export function policyToApi<T extends PolicyFormValues>(values: T): Omit<T, 'warnAtPercent'> & { warnAtPercent: number[] } {
  return { ...values, warnAtPercent: parsePercentages(values.warnAtPercent) };
}
