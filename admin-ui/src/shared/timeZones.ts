export interface TimeZoneChoice {
  id: string;
  name: string;
}

/**
 * IANA zones as the browser knows them, UTC first (browsers leave it out of their list, the API
 * accepts it). `current` is added when the browser does not list it (an alias such as
 * Europe/Kiev saved elsewhere), so that a stored value still shows.
 */
export function timeZoneChoices(supported: readonly string[], current?: string | null): TimeZoneChoice[] {
  const zones = ['UTC', ...supported.filter((zone) => zone !== 'UTC')];
  if (current && !zones.includes(current)) zones.push(current);
  return zones.map((id) => ({ id, name: id }));
}

/** The zones of this browser. */
export const browserTimeZones = (): readonly string[] => Intl.supportedValuesOf('timeZone');
