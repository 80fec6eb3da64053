import { inTheFuture } from './apiKeyValidation';

describe('inTheFuture', () => {
  const NOW = Date.parse('2026-03-01T12:00:00Z');
  const validate = inTheFuture(() => NOW);

  it('accepts no expiry at all', () => {
    expect(validate(undefined)).toBeUndefined();
    expect(validate(null)).toBeUndefined();
    expect(validate('')).toBeUndefined();
  });

  it('accepts an instant after now and refuses now or earlier', () => {
    expect(validate('2026-03-01T12:00:01Z')).toBeUndefined();
    expect(validate('2026-03-01T12:00:00Z')).toBe('Must be in the future');
    expect(validate('2025-12-31T23:59:00Z')).toBe('Must be in the future');
  });

  it('refuses what is not a date', () => {
    expect(validate('next tuesday')).toBe('Not a valid date and time');
  });
});
