import { timeZoneChoices } from './timeZones';

describe('timeZoneChoices', () => {
  it('puts UTC first, once, whether or not the browser lists it', () => {
    expect(timeZoneChoices(['Europe/Berlin', 'America/New_York']).map((c) => c.id)).toEqual(['UTC', 'Europe/Berlin', 'America/New_York']);
    expect(timeZoneChoices(['Europe/Berlin', 'UTC']).map((c) => c.id)).toEqual(['UTC', 'Europe/Berlin']);
  });

  it('keeps a stored zone the browser does not list, so that it still shows', () => {
    expect(timeZoneChoices(['Europe/Kyiv'], 'Europe/Kiev').map((c) => c.id)).toEqual(['UTC', 'Europe/Kyiv', 'Europe/Kiev']);
    expect(timeZoneChoices(['Europe/Kyiv'], 'Europe/Kyiv')).toEqual([
      { id: 'UTC', name: 'UTC' },
      { id: 'Europe/Kyiv', name: 'Europe/Kyiv' },
    ]);
  });
});
