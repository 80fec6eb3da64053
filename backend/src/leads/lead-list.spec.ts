import { leadSearch, searchTerms } from './lead-list';

describe('lead search terms', () => {
  it('splits words and lower-cases them', () => {
    expect(searchTerms('  Acme   JOHN ')).toEqual(['acme', 'john']);
  });

  it.each([
    ['(201) 555-0123', '2015550123'],
    ['+1 201 555 0123', '12015550123'],
    ['030 1234567', '301234567'],
    ['0049 30 1234567', '49301234567'],
    ['555-01', '55501'],
  ])('reads the whole of %p as one phone number: digits without leading zeros', (q, digits) => {
    expect(searchTerms(q)).toEqual([digits]);
  });

  it('turns a phone-like word among other words into its digits', () => {
    expect(searchTerms('Müller 030-123')).toEqual(['müller', '30123']);
  });

  it('keeps short digit runs and words with digits and letters as text', () => {
    expect(searchTerms('12')).toEqual(['12']);
    expect(searchTerms('R2D2')).toEqual(['r2d2']);
  });

  it('keeps zeros when the number is nothing but zeros', () => {
    expect(searchTerms('000')).toEqual(['000']);
  });

  it('uses at most 8 words', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('leadSearch', () => {
  it('requires every term in the search column, with LIKE wildcards taken literally', () => {
    expect(leadSearch('50%_off a\\b')).toEqual({
      $and: [{ searchText: { $like: '%50\\%\\_off%' } }, { searchText: { $like: '%a\\\\b%' } }],
    });
  });

  it('is a single condition for a single term', () => {
    expect(leadSearch('acme')).toEqual({ searchText: { $like: '%acme%' } });
  });
});
