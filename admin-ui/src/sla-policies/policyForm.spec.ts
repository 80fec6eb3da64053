import { parsePercentages, policyToApi, validateSomeTarget, validateTarget, validateWarnAtPercent } from './policyForm';

describe('SLA policy form rules (as the API checks them)', () => {
  it('accepts an empty target or 1 minute … a year', () => {
    expect(validateTarget(null)).toBeUndefined();
    expect(validateTarget(1)).toBeUndefined();
    expect(validateTarget(525_600)).toBeUndefined();
    expect(validateTarget(0)).toMatch(/at least 1 minute/);
    expect(validateTarget(525_601)).toMatch(/at most a year/);
    expect(validateTarget(Number.NaN)).toMatch(/whole hours and minutes/);
  });

  it('needs at least one of the three targets', () => {
    expect(validateSomeTarget({ firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null })).toMatch(/at least one target/);
    expect(validateSomeTarget({})).toMatch(/at least one target/);
    expect(validateSomeTarget({ firstResponseMinutes: null, resolutionMinutes: 60 })).toBeUndefined();
  });

  it('takes warnings of 1–99 %, strictly ascending, at most five', () => {
    expect(validateWarnAtPercent([])).toBeUndefined();
    expect(validateWarnAtPercent([75, 90])).toBeUndefined();
    expect(validateWarnAtPercent([1, 99])).toBeUndefined();
    expect(validateWarnAtPercent([90, 75])).toMatch(/strictly ascending/);
    expect(validateWarnAtPercent([75, 75])).toMatch(/strictly ascending/);
    expect(validateWarnAtPercent([0])).toMatch(/between 1 and 99/);
    expect(validateWarnAtPercent([75, 100])).toMatch(/between 1 and 99/);
    expect(validateWarnAtPercent([Number.NaN])).toMatch(/whole percentages/);
    expect(validateWarnAtPercent([10, 20, 30, 40, 50, 60])).toMatch(/At most 5/);
  });

  it('reads the warning chips as numbers, keeping what is not one as NaN', () => {
    expect(parsePercentages(['75', ' 90 % ', 50])).toEqual([75, 90, 50]);
    expect(parsePercentages(['7.5', 'soon'])).toEqual([Number.NaN, Number.NaN]);
    expect(parsePercentages(undefined)).toEqual([]);
  });

  it('sends the warnings as numbers and everything else as it is', () => {
    expect(policyToApi({ name: 'Urgent', firstResponseMinutes: 15, warnAtPercent: ['50', 80] })).toEqual({ name: 'Urgent', firstResponseMinutes: 15, warnAtPercent: [50, 80] });
    expect(policyToApi({ name: 'No warnings', warnAtPercent: null })).toEqual({ name: 'No warnings', warnAtPercent: [] });
  });
});
