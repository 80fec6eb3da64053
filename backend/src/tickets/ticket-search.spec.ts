import { prefixQuery, ticketSearch } from './ticket-search';

describe('prefixQuery', () => {
  it.each([
    ['refu', "'refu':*"],
    ['Refund  MONEY', "'refund':* & 'money':*"],
    ['Zoë', "'zoë':*"],
    ['(415) 555-0199', "'415':* & '5550199':*"],
    ['+1-415-555-0199', "'14155550199':*"],
    ['#1042', "'1042':*"],
    ['anna.mueller@ex', "'anna':* & 'mueller':* & 'ex':*"],
    ['refund -money', "'refund':* & !'money'"],
    ['refund refund', "'refund':*"],
  ])('turns %p into %p', (q, expected) => {
    expect(prefixQuery(q)).toBe(expected);
  });

  it.each([["'"], [':*'], ['&|!()'], ['-money'], ['"exact phrase"'], ['refund or money'], ['   ']])('adds nothing for %p', (q) => {
    expect(prefixQuery(q)).toBeNull();
  });

  it('never lets tsquery operators or quotes through', () => {
    const q = prefixQuery("a'b:*|c&(d)!e\\f <-> g");
    expect(q).toBe("'a':* & 'b':* & 'c':* & 'd':* & 'e':* & 'f':* & 'g':*");
  });

  it('keeps at most 8 terms', () => {
    expect(prefixQuery('a b c d e f g h i j')?.split(' & ')).toHaveLength(8);
  });
});

describe('ticketSearch', () => {
  it('reads #1042 as the ticket number', () => {
    expect(ticketSearch('#1042')).toEqual({ number: 1042 });
    expect(ticketSearch('# 7')).toEqual({ number: 7 });
  });

  it('combines web search and prefix matching, or only web search when there is no prefix term', () => {
    expect(Object.keys(ticketSearch('refund'))).toEqual(['$or']);
    expect(Object.keys(ticketSearch('"exact phrase"'))).toHaveLength(1);
    expect(Object.keys(ticketSearch('"exact phrase"'))[0]).not.toBe('$or');
  });
});
