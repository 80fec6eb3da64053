import { ValidationProblem } from '../errors/problem';
import { etagOf, parseIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it.each([['"3"', 3], ['W/"12"', 12], ['7', 7], [' "4" ', 4]])('reads %p as version %p', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it('treats absent and * as "any version"', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it.each([['"abc"'], ['"1", "2"'], ['-1'], ['"12345678901"']])('refuses %p with a 400 naming If-Match', (header) => {
    expect(() => parseIfMatch(header)).toThrow(ValidationProblem);
  });

  it('round-trips the ETag it makes', () => {
    expect(parseIfMatch(etagOf(5))).toBe(5);
  });
});
