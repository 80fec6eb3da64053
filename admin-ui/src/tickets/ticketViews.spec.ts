import { NOBODY } from './nobodyFilter';
import { isViewSelected, TICKET_VIEWS, toggleView } from './ticketViews';

const [myOpen, unassigned, pending] = TICKET_VIEWS.map((v) => v.value);

describe('ticket views', () => {
  it('defines My open tickets, Unassigned and Pending', () => {
    expect(TICKET_VIEWS.map((v) => v.label)).toEqual(['My open tickets', 'Unassigned', 'Pending']);
    expect(myOpen).toEqual({ assigneeId: 'me', status: ['new', 'open'] });
    expect(unassigned).toEqual({ assigneeId: NOBODY });
  });

  it('is selected only when the list filters exactly what the view filters, statuses in any order', () => {
    expect(isViewSelected(myOpen, { assigneeId: 'me', status: ['open', 'new'], q: 'printer' })).toBe(true);
    expect(isViewSelected(myOpen, { assigneeId: 'me', status: ['new', 'open', 'pending'] })).toBe(false);
    expect(isViewSelected(pending, { status: ['pending'], assigneeId: 'me' })).toBe(false);
    expect(isViewSelected(unassigned, {})).toBe(false);
  });

  it('replaces another view and keeps the other filters', () => {
    const afterMyOpen = toggleView(myOpen, { q: 'printer', priority: ['urgent'] });
    expect(afterMyOpen).toEqual({ q: 'printer', priority: ['urgent'], assigneeId: 'me', status: ['new', 'open'] });
    expect(toggleView(unassigned, afterMyOpen)).toEqual({ q: 'printer', priority: ['urgent'], assigneeId: NOBODY });
  });

  it('clears itself when clicked again', () => {
    expect(toggleView(pending, { status: ['pending'], q: 'x' })).toEqual({ q: 'x' });
  });
});
