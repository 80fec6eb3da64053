import { callSearch, numberPrefixes } from './call-log-list';

describe('numberPrefixes (q on call logs)', () => {
  it.each([
    ['+49 30 123', 'DE', ['+4930123']],
    ['0049 30 123', 'DE', ['+4930123']],
    ['030 123', 'DE', ['+4930123']],
    ['(415) 555', 'US', ['+415555', '+1415555']],
    ['1415555', 'US', ['+1415555']],
    ['4930', 'DE', ['+4930']],
    ['030', null, []],
    ['7', 'US', []],
    ['anna', 'US', []],
    ['12ab', 'US', []],
  ])('%p with %p → %p', (q, country, expected) => {
    expect(numberPrefixes(q, country)).toEqual(expected);
  });
});

describe('callSearch', () => {
  it('matches the prefix on either number', () => {
    expect(callSearch('DE')('030 12')).toEqual({ $or: [{ fromNumber: { $like: '+493012%' } }, { toNumber: { $like: '+493012%' } }] });
  });

  it('matches nothing for a q that is no number', () => {
    expect(callSearch('DE')('hello')).toEqual({ id: null });
  });
});
