import { matchLead, otherParty } from './lead-matching';

describe('lead matching', () => {
  it('links exactly one candidate', () => {
    expect(matchLead(['lead-1'])).toEqual({ leadId: 'lead-1', leadMatch: 'matched' });
  });

  it('links nobody without candidates', () => {
    expect(matchLead([])).toEqual({ leadId: null, leadMatch: 'none' });
  });

  it('leaves several candidates unlinked and flags the call ambiguous', () => {
    expect(matchLead(['lead-1', 'lead-2'])).toEqual({ leadId: null, leadMatch: 'ambiguous' });
  });

  it('counts the same lead found twice as one', () => {
    expect(matchLead(['lead-1', 'lead-1'])).toEqual({ leadId: 'lead-1', leadMatch: 'matched' });
  });

  it('matches the caller of an inbound call and the callee of an outbound one', () => {
    expect(otherParty({ direction: 'inbound', fromNumber: '+1', toNumber: '+2' })).toBe('+1');
    expect(otherParty({ direction: 'outbound', fromNumber: '+1', toNumber: '+2' })).toBe('+2');
  });
});
