import type { EventEnvelope } from '@callpro/contracts';
import { createEventHub } from './realtimeEvents';

const envelope = (id: string): EventEnvelope => ({ id, name: 'ticket.created', tenantId: 't', occurredAt: '2026-11-26T10:00:00.000Z', resourceId: 'r', subject: 'Ticket', payload: { assigneeId: null } });

describe('createEventHub', () => {
  it('hands every event to every listener until it unsubscribes', () => {
    const hub = createEventHub();
    const a: string[] = [];
    const b: string[] = [];
    const stopA = hub.subscribe((e) => a.push(e.id));
    hub.subscribe((e) => b.push(e.id));
    hub.publish(envelope('1'));
    stopA();
    hub.publish(envelope('2'));
    expect(a).toEqual(['1']);
    expect(b).toEqual(['1', '2']);
  });

  it('lets a listener unsubscribe while an event is being handed out', () => {
    const hub = createEventHub();
    const seen: string[] = [];
    const stop = hub.subscribe(() => stop());
    hub.subscribe((e) => seen.push(e.id));
    hub.publish(envelope('1'));
    hub.publish(envelope('2'));
    expect(seen).toEqual(['1', '2']);
  });
});
